"""Reported speech: the cues that report it and the clause a cue reports (the content
of an indirect quote).

0. Cues. The lexicon is ``data/cues.v1.jsonl``: one lemma a line, typed ``speech``
   (said, told, warned, ...), ``cognition`` (doubted, believes, ...), ``frame``
   (continued, "put it": a cue only right next to a quotation) or ``phrase``
   ("according to"). A cue is a verb with a cue lemma (a two-word lemma needs its
   particle or object: "point out", "put it"; a word tagged as a noun counts when it
   has a subject: "Eze doubts that ..."), or "according" before "to".
1. The complement. "X said (that) the talks had failed": the cue's clausal complement
   without its "that"; "The talks had failed, X said": the clause before a final cue,
   when only punctuation stands between it and the speaker. A clause after its cue runs
   on to the end of the sentence ("Israel says 54 remain in Gaza, fewer than half of
   them alive") unless the cue's own words, another speech cue, a quotation or a stop
   come first; a cue conjoined to the clause without a subject of its own ("said the
   cell was sensible but doubted that ...") is the reporter's and ends it.
2. Parentheticals. "X was placed on alert, the ministry said, though ...": the clause
   the cue comments on, before it; a cue set inside its clause ("But to prevent
   problems, he said, officials should be vigilant") reports the whole sentence, which
   is one span with the cue inside it (PolNeAR's content is the two parts around it).
3. "according to X": the part of the sentence on the side of its root.
4. No clause for a negated cue, a question ("did not say whether"), a demand in the
   subjunctive ("demanded that the wage be raised"), or a relative clause with a gap
   ("a charge Kigali denies").
5. Marked quotes win. A clause that holds a kept quotation keeps only its parts free
   of it: its conjoined "and that ..." clauses, or the words before a comma that leads
   to the quote (", which she described as “...”").
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources

from spacy.attrs import LEMMA, LOWER
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from newsgraph.annotate.attribution import RELATIVE_PRONOUNS, SUBJECT_DEPS, own_subject

CUES_FILE = "cues.v1.jsonl"

# A cue's own words after its clause: "said X and added", "said X to reporters".
CUE_OWN = frozenset({"cc", "conj", "dobj", "dative", "prep", "agent", "advcl", "xcomp"})
INTERROGATIVES = frozenset({"whether", "if", "what", "when", "where", "why", "how", "who"})

Found = tuple[int, int, Token | None]  # start, end and head of a reported clause


@dataclass(frozen=True)
class Lexicon:
    """The cue lemmas by type (``speech``, ``cognition``, ``frame``) and the two-word
    cues, a verb with a particle or an object ("point out", "put it": "as she put it")."""

    by_lemma: dict[str, str]
    pairs: dict[str, dict[str, str]]  # verb lemma -> second word -> type

    @cached_property
    def ids(self) -> frozenset[int]:
        """String ids of the cue lemmas and of "according", to find candidate tokens
        in ``Doc.to_array`` without making a Token of every word."""
        words = [*self.by_lemma, *self.pairs, "according"]
        return frozenset(get_string_id(word) for word in words)

    def candidates(self, doc: Doc) -> list[int]:
        """Indices of tokens whose lemma or lower-case form may make a cue."""
        if len(doc) == 0:
            return []
        ids = self.ids
        rows = doc.to_array([LEMMA, LOWER]).tolist()
        return [i for i, (lemma, lower) in enumerate(rows) if lemma in ids or lower in ids]

    def kind(self, token: Token) -> str | None:
        """``speech``, ``cognition``, ``frame`` (only next to a quotation: "she
        continued: “...”"), ``phrase`` ("according to") or None for a token."""
        if token.lower_ == "according":
            following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
            return "phrase" if following is not None and following.lower_ == "to" else None
        if token.tag_ == "MD" or not _verb_like(token):
            return None
        lemma = token.lemma_.lower()
        second = self.pairs.get(lemma, {})
        for child in token.children:
            if child.dep_ in ("prt", "dobj") and child.lower_ in second:
                return second[child.lower_]
        return self.by_lemma.get(lemma)


def _verb_like(token: Token) -> bool:
    """A verb, or a word the tagger took for a noun that has a subject ("Eze
    doubts that ...", tagged as the plural of "doubt")."""
    if token.pos_ in ("VERB", "AUX"):
        return True
    return token.pos_ == "NOUN" and any(c.dep_ == "nsubj" for c in token.children)


@cache
def lexicon() -> Lexicon:
    """The cue lexicon, read once from the package data."""
    path = resources.files("newsgraph.data").joinpath(CUES_FILE)
    by_lemma: dict[str, str] = {}
    pairs: dict[str, dict[str, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line) if line.strip() else None
        if row is None or row["type"] == "phrase":
            continue  # "according to" is read by Lexicon.kind
        words = row["lemma"].split()
        if len(words) == 2:
            pairs.setdefault(words[0], {})[words[1]] = row["type"]
        else:
            by_lemma[row["lemma"]] = row["type"]
    return Lexicon(by_lemma, pairs)


def reported_clauses(cue: Token, cues: Lexicon, *, taken: bytes) -> list[tuple[int, int]]:
    """The token ranges a cue reports (module doc), none overlapping ``taken`` (the
    tokens of kept quotations and their marks)."""
    if cues.kind(cue) == "phrase":
        found = _according_clause(cue)
    elif any(c.dep_ == "neg" for c in cue.children) or _gapped_relative(cue):
        return []
    else:
        found = _complement(cue, cues, taken)
    if found is None:
        return []
    return [part for part in _free_parts(cue.doc, found, taken) if part is not None]


def _complement(cue: Token, cues: Lexicon, taken: bytes) -> Found | None:
    clauses = [c for c in cue.children if c.dep_ == "ccomp"]
    # "It's unlikely; the team says she will continue": the clause after the cue first.
    clause = next((c for c in clauses if c.i > cue.i), clauses[0] if clauses else None)
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
    cut = _reporter_verb(clause, cues)
    if cut is not None:
        return start, cut, clause
    subjects = [c for c in cue.children if c.dep_ in SUBJECT_DEPS and clause.i < c.i < cue.i]
    if len(subjects) > 1:  # a misparse: all but the last are the clause's own words
        end = max(end, subjects[-1].left_edge.i)
    if clause.i > cue.i:
        end = _to_sentence_end(cue, end, cues, taken)
    return start, end, clause


def _reporter_verb(clause: Token, cues: Lexicon) -> int | None:
    """ "said the cell was sensible but doubted that ...": a cue conjoined to the
    clause without a subject of its own is the reporter's; the clause ends before
    it (at its conjunction)."""
    for conj in clause.children:
        if conj.dep_ != "conj" or not cues.kind(conj) or own_subject(conj, b"") is not None:
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
    return before is None or before.is_punct and before.text != ";"  # ";" ends a clause


def _misread_subject(subject: Token) -> bool:
    """ "a charge Baku denies", "a point leaders say": an indefinite article before
    a name or a plural is another noun phrase run into the subject."""
    first = subject.left_edge
    return first.lower_ in ("a", "an") and subject.tag_ in ("NNP", "NNPS", "NNS")


def _commented(cue: Token) -> Found | None:
    """ "X was placed on alert, the ministry said, though ...": the clause before. A
    cue set inside the clause it reports ("But to prevent problems, he said, officials
    should be vigilant") reports the whole sentence, the cue within it (one span)."""
    if cue.dep_ != "parataxis":
        return None
    if cue.head.i < cue.i:
        return cue.sent.start, cue.left_edge.i, cue.head
    first = cue.left_edge.i
    while first < cue.i and cue.doc[first].is_punct:
        first += 1
    if first == cue.sent.start or not cue.doc[first - 1].is_punct:
        return None
    return cue.sent.start, cue.sent.end, cue.head


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
    clause whose subject is not a relative pronoun (not "an interview in which he
    said he was skeptical": a clause with a subject of its own is reported)."""
    if cue.dep_ != "relcl":
        return False
    if any(c.dep_ == "ccomp" and _has_subject(c) for c in cue.children):
        return False
    subject = next((c for c in cue.children if c.dep_ in SUBJECT_DEPS), None)
    return subject is None or subject.lower_ not in RELATIVE_PRONOUNS


def _has_subject(clause: Token) -> bool:
    return any(c.dep_ in SUBJECT_DEPS or c.dep_ in ("nsubjpass", "expl") for c in clause.children)


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


def _to_sentence_end(cue: Token, end: int, cues: Lexicon, taken: bytes) -> int:
    """Extend a clause over the rest of its sentence ("Israel says 54 remain in
    Gaza, fewer than half of them alive") unless the cue's own words (a second verb,
    an object), another speech cue, a quotation or a stop come there."""
    doc = cue.doc
    sent_end = cue.sent.end  # found by walking the sentence: once
    for token in doc[end:sent_end]:
        if taken[token.i] or token.text in (".", "?", "!") or "\n" in token.text:
            break
        if cues.kind(token) == "speech" or (token.head.i == cue.i and token.dep_ in CUE_OWN):
            return end
    else:
        return sent_end
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
