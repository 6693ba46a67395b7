"""Reported speech: the clause a speech cue reports, the content of an indirect quote.

1. The complement. "X said (that) the talks had failed": the cue's clausal complement
   without its "that"; "The talks had failed, X said": the clause before a final cue,
   when only punctuation stands between it and the speaker. A clause after its cue runs
   on to the end of the sentence ("Israel says 54 remain in Gaza, fewer than half of
   them alive") unless the cue's own words, another speech cue, a quotation or a stop
   come first; a cue conjoined to the clause without a subject of its own ("said the
   cell was sensible but doubted that ...") is the reporter's and ends it.
2. Parentheticals. "X was placed on alert, the ministry said, though ...": the clause
   the cue comments on, before it.
3. "according to X": the part of the sentence on the side of its root.
4. No clause for a negated cue, a question ("did not say whether"), a demand in the
   subjunctive ("demanded that the wage be raised"), or a relative clause with a gap
   ("a charge Kigali denies").
5. Marked quotes win. A clause that holds a kept quotation keeps only its parts free
   of it: its conjoined "and that ..." clauses, or the words before a comma that leads
   to the quote (", which she described as “...”").
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsgraph.annotate.attribution import RELATIVE_PRONOUNS, SUBJECT_DEPS, Lexicon, own_subject

# A cue's own words after its clause: "said X and added", "said X to reporters".
CUE_OWN = frozenset({"cc", "conj", "dobj", "dative", "prep", "agent", "advcl", "xcomp"})
INTERROGATIVES = frozenset({"whether", "if", "what", "when", "where", "why", "how", "who"})

Found = tuple[int, int, Token | None]  # start, end and head of a reported clause


def reported_clauses(cue: Token, lexicon: Lexicon, *, taken: bytes) -> list[tuple[int, int]]:
    """The token ranges a cue reports (module doc), none overlapping ``taken`` (the
    tokens of kept quotations and their marks)."""
    if lexicon.kind(cue) == "phrase":
        found = _according_clause(cue)
    elif any(c.dep_ == "neg" for c in cue.children) or _gapped_relative(cue):
        return []
    else:
        found = _complement(cue, lexicon, taken)
    if found is None:
        return []
    return [part for part in _free_parts(cue.doc, found, taken) if part is not None]


def _complement(cue: Token, lexicon: Lexicon, taken: bytes) -> Found | None:
    clause = next((c for c in cue.children if c.dep_ == "ccomp"), None)
    if clause is None:
        return _commented(cue)
    if clause.i < cue.i and not _follows_directly(clause, cue):
        return None
    if _is_question(clause) or _is_subjunctive(clause):
        return None
    start, end = clause.left_edge.i, clause.right_edge.i + 1
    that = next((c for c in clause.children if c.dep_ == "mark" and c.lower_ == "that"), None)
    if that is not None and that.i - start <= 4:
        start = that.i + 1
    cut = _reporter_verb(clause, lexicon)
    if cut is not None:
        return start, cut, clause
    if clause.i > cue.i:
        end = _to_sentence_end(cue, end, lexicon, taken)
    return start, end, clause


def _reporter_verb(clause: Token, lexicon: Lexicon) -> int | None:
    """ "said the cell was sensible but doubted that ...": a cue conjoined to the
    clause without a subject of its own is the reporter's; the clause ends before
    it (at its conjunction)."""
    for conj in clause.children:
        if conj.dep_ != "conj" or not lexicon.kind(conj) or own_subject(conj, b"") is not None:
            continue
        if not any(c.tag_ == "MD" for c in conj.children):
            cc = [c.i for c in clause.children if c.dep_ == "cc" and c.i < conj.i]
            return max(cc, default=conj.left_edge.i)
    return None


def _follows_directly(clause: Token, cue: Token) -> bool:
    """ "CLAUSE, the office said": only punctuation between the clause and the
    speaker (not "CLAUSE, a charge Kigali denies")."""
    if cue.dep_ not in ("ROOT", "parataxis"):
        return False
    subject = next((c for c in cue.children if c.dep_ in SUBJECT_DEPS), None)
    first = cue if subject is None else min(subject.left_edge, cue, key=lambda t: t.i)
    before = cue.doc[first.i - 1] if first.i > 0 else None
    if subject is not None and _misread_subject(subject):
        return False
    return before is None or before.is_punct


def _misread_subject(subject: Token) -> bool:
    """ "a charge Baku denies", "a point leaders say": an indefinite article before
    a name or a plural is another noun phrase run into the subject."""
    first = subject.left_edge
    return first.lower_ in ("a", "an") and subject.tag_ in ("NNP", "NNPS", "NNS")


def _commented(cue: Token) -> Found | None:
    """ "X was placed on alert, the ministry said, though ...": the clause before."""
    if cue.dep_ != "parataxis" or cue.head.i > cue.i:
        return None
    return cue.sent.start, cue.left_edge.i, cue.head


def _according_clause(according: Token) -> Found | None:
    """The part of the sentence on the side of its root."""
    start, end = according.left_edge.i, according.right_edge.i + 1
    sentence = according.sent
    root = sentence.root.i
    if start <= root < end:
        return None
    if root < start:
        return sentence.start, start, sentence.root
    return end, sentence.end, sentence.root


def _gapped_relative(cue: Token) -> bool:
    """ "a charge Kigali denies", "a point leaders say must be met": a relative
    clause whose subject is not a relative pronoun."""
    if cue.dep_ != "relcl":
        return False
    subject = next((c for c in cue.children if c.dep_ in SUBJECT_DEPS), None)
    return subject is None or subject.lower_ not in RELATIVE_PRONOUNS


def _is_question(clause: Token) -> bool:
    mark = next((c for c in clause.children if c.dep_ == "mark"), None)
    if mark is not None and mark.lower_ in INTERROGATIVES:
        return True
    first = clause.left_edge
    return first.lower_ in INTERROGATIVES or first.tag_ in ("WDT", "WP", "WRB")


def _is_subjunctive(clause: Token) -> bool:
    """ "that the wage be raised", "that the AU publish": a bare verb with no modal,
    a demand, not a report."""
    auxes = [c for c in clause.children if c.dep_ in ("aux", "auxpass")]
    if any(a.tag_ == "MD" or a.lower_ == "to" or a.lemma_ == "do" for a in auxes):
        return False
    return clause.tag_ == "VB" or any(a.tag_ == "VB" and a.lower_ == "be" for a in auxes)


def _to_sentence_end(cue: Token, end: int, lexicon: Lexicon, taken: bytes) -> int:
    """Extend a clause over the rest of its sentence ("Israel says 54 remain in
    Gaza, fewer than half of them alive") unless the cue's own words (a second verb,
    an object), another speech cue, a quotation or a stop come there."""
    doc = cue.doc
    for token in doc[end : cue.sent.end]:
        if taken[token.i] or token.text in (".", "?", "!") or "\n" in token.text:
            break
        if lexicon.kind(token) == "speech" or (token.head.i == cue.i and token.dep_ in CUE_OWN):
            return end
    else:
        return cue.sent.end
    return token.i


def _free_parts(doc: Doc, found: Found, taken: bytes) -> list[tuple[int, int] | None]:
    start, end, head = found
    if not any(taken[start:end]):
        return [_trimmed(doc, start, end)]
    if head is None:
        return []
    parts: list[tuple[int, int] | None] = []
    bounds = [start]
    for conj in (c for c in head.children if c.dep_ == "conj" and c.i > head.i):
        that = next((m for m in conj.children if m.dep_ == "mark" and m.lower_ == "that"), None)
        if that is not None:
            bounds.append(that.i)
    bounds.append(end)
    for left, right in zip(bounds, bounds[1:], strict=False):
        if doc[left].lower_ == "that":
            left += 1
        parts.append(_before_quote(doc, left, right, taken))
    return parts


def _before_quote(doc: Doc, start: int, end: int, taken: bytes) -> tuple[int, int] | None:
    """The range, or when it holds a marked quote the words before the last comma
    ahead of the quote (a clause that leads to the quote is dropped)."""
    first = next((i for i in range(start, end) if taken[i]), None)
    if first is None:
        return _trimmed(doc, start, end)
    comma = next((i for i in range(first - 1, start, -1) if _opens_relative(doc, i)), None)
    if comma is None or not any(t.pos_ in ("VERB", "AUX") for t in doc[start:comma]):
        return None
    return _trimmed(doc, start, comma)


def _opens_relative(doc: Doc, i: int) -> bool:
    """ ", which she described as “...”": a comma before a relative or a
    subordinate clause."""
    if doc[i].text != "," or i + 1 >= len(doc):
        return False
    after = doc[i + 1]
    return after.tag_ in ("WDT", "WP", "WRB") or after.lower_ in ("while", "though", "although")


def _trimmed(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """The range without punctuation, conjunctions or spaces at its edges; None when
    under two tokens."""
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (
        doc[end - 1].is_punct or doc[end - 1].is_space or doc[end - 1].dep_ == "cc"
    ):
        end -= 1
    return (start, end) if end - start >= 2 else None
