"""Who said it: speakers and addressees of a cue, read from the parse.

The cues themselves (the words that report speech, from ``data/cues.v1.jsonl``) are
read by :mod:`.reported`.

1. Speaker. The cue's subject outside quotation marks and in the cue's paragraph;
   without one (a participle, "saying"; a second verb, "and added"), the subject of the
   verb it hangs from; for a passive cue the agent ("was described by X"), none for "it
   was said that", and the subject of "was quoted as saying". A relative pronoun ("who
   said") stands for the noun its clause modifies. When the parse gives nothing, the
   words around the cue: the phrase between a closing mark and the cue, the name right
   after it ("asked Dr X"), the nearest subject-like noun before it.
2. Speaker phrase. The subject's noun phrase without its relative clauses and
   appositions ("a senior diplomat who asked not to be named" -> "a senior diplomat");
   when the phrase names no one and an apposition does ("the head of the
   sub-delegation, Tomás Ruiz"), the apposition. A pronoun no component linked ("it",
   "they") stands for the subject of the clause above it.
3. Actor. The ``doc.spans["actors"]`` mention over the phrase's head; else a person in
   apposition; else, for a spokesperson, an official, a title or a statement, the
   actor it speaks for ("a spokesman for Hezbollah", "a statement from Kenya's foreign
   ministry", "officials in Taipei", "the Serbian president": the country's government
   when the document has it as an actor); else, for "the group", "the office", the
   latest organisation named before that fits. Otherwise None, with the phrase kept as
   ``speaker_text``.
4. Addressee. "told Reuters" (the dative or object of tell), "said to reporters",
   "speaking to the BBC", "in an interview with the Ledger".
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from newsgraph.annotate.gazetteer import country_code
from newsgraph.annotate.types import DocActor

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
RELATIVE_PRONOUNS = frozenset({"who", "that", "which", "whom"})
# Dependencies left out of a speaker phrase: clauses and appositions. Coordinated
# names stay ("Germany and France", "the Manufacturers and Exporters Association").
PHRASE_EXCLUDED = frozenset({"relcl", "appos", "acl", "punct", "advcl", "parataxis", "ccomp"})
# Verbs a subject is inherited through: "said X and added", "..., saying", "was quoted
# as saying" (saying -> as -> quoted).
INHERIT_DEPS = frozenset({"conj", "advcl", "xcomp", "ccomp", "pcomp", "acl", "prep"})
# Nouns that speak for an actor (lemmas): a voice always ("a spokesman for X", "a
# statement from X"); a role unless one unnamed person holds it ("officials in Taipei",
# "the Serbian president", but not "a U.S. official", a source in their own right).
VOICE_NOUNS = frozenset(
    {"spokesman", "spokeswoman", "spokesperson", "statement", "communique", "communiqué",
     "release", "message", "letter", "video", "briefing", "report", "document", "data",
     "figure", "representative", "delegation", "sheet", "tweet", "post", "notice"}
)  # fmt: skip
ROLE_NOUNS = frozenset(
    {"official", "source", "adviser", "advisor", "aide", "envoy", "delegate", "minister",
     "president", "ambassador", "chief", "head", "leader", "secretary", "commander",
     "governor", "mayor", "chairman", "chairwoman", "chairperson", "director",
     "negotiator", "diplomat", "office", "ministry", "embassy", "observer"}
)  # fmt: skip
PROXY_PREPS = frozenset({"for", "of", "from", "in", "at", "by", "to"})
# "the group", "the bloc": any organisation; "the office", "the Fund": one so named.
GENERIC_ORG_NOUNS = frozenset(
    {"group", "organisation", "organization", "movement", "bloc", "alliance", "coalition",
     "militia", "faction"}
)  # fmt: skip
NAMED_ORG_NOUNS = frozenset(
    {"office", "mission", "council", "commission", "fund", "programme", "program", "court",
     "union", "association", "institute", "party", "agency", "bank", "federation",
     "committee", "front", "centre", "center", "foundation", "tribunal", "authority"}
)  # fmt: skip
ORG_LOOKBACK = 12  # organisation mentions looked at
ORG_WINDOW = 400  # tokens back
PRONOUNS = frozenset({"he", "she", "it", "they", "him", "her", "them"})
FRAME_WORDS = 25  # words looked at before a cue whose subject the parse missed
# Dependencies of words that cannot be a cue's subject found by position.
NOT_SUBJECT = frozenset({"dobj", "pobj", "dative", "attr", "oprd", "compound", "poss", "amod"})
FIRST_SECOND_PERSON = frozenset({"i", "me", "we", "us", "you"})
TALK_LEMMAS = frozenset({"speak", "talk", "say", "write", "tell", "explain", "describe"})
INTERVIEW_NOUNS = frozenset({"interview", "conversation", "call", "briefing"})


@dataclass(frozen=True, slots=True)
class Attribution:
    """A cue, the phrase naming its speaker and its addressee, with their actors."""

    cue: Span | None  # None for "“...” ― Sonya Herridge"
    speaker: Span | None
    actor: str | None
    addressee: Span | None
    addressee_actor: str | None


class Mentions:
    """What the earlier components found, by token: the actor mention
    (``doc.spans["actors"]``) and the country of a place (``doc.spans["places"]``)."""

    def __init__(self, doc: Doc) -> None:
        self.actors: dict[str, DocActor] = doc._.actors or {}
        self.at: list[Span | None] = [None] * len(doc)
        self.keys: list[str | None] = [None] * len(doc)  # ``at``'s actors, read once
        self.orgs: list[Span] = []  # organisation mentions, in text order
        for span in doc.spans["actors"] if "actors" in doc.spans else ():
            actor = span._.actor
            if actor is not None:
                start, end = span.start, span.end
                self.at[start:end] = [span] * (end - start)
                self.keys[start:end] = [actor] * (end - start)
                if actor.startswith("org:"):
                    self.orgs.append(span)
        self.place_country: dict[int, str] = {}
        for span in doc.spans["places"] if "places" in doc.spans else ():
            country = getattr(span._.place, "country", None)
            if country:
                self.place_country.update((i, country) for i in range(span.start, span.end))

    def key(self, token: Token) -> str | None:
        return self.keys[token.i]

    def person(self, token: Token) -> bool:
        return (self.key(token) or "").startswith("person:")

    def within(self, tokens: list[Token]) -> str | None:
        """The first person mentioned among ``tokens``, else the first actor, else the
        government (or the country) of a country named, described or placed there
        ("the Serbian president", "officials in Taipei")."""
        keys = [k for k in (self.key(t) for t in tokens) if k is not None]
        people = [k for k in keys if k.startswith("person:")]
        if people or keys:
            return (people or keys)[0]
        for token in tokens:
            code = self.place_country.get(token.i) or _country_word(token)
            key = code and self.country_key(code)
            if key:
                return key
        return None

    def country_key(self, iso3: str) -> str | None:
        """The document's actor for a country's government, else for the country."""
        for key in (f"country:{iso3}:GOV", f"country:{iso3}"):
            if key in self.actors:
                return key
        return None

    def described_org(self, head: Token) -> str | None:
        """ "the group", "the office", "the Fund": the latest organisation named
        before, whose name has the noun (any organisation for a generic noun)."""
        noun = head.lemma_.lower()
        generic = noun in GENERIC_ORG_NOUNS
        if not generic and noun not in NAMED_ORG_NOUNS:
            return None
        at = bisect.bisect_left(self.orgs, head.i, key=lambda s: s.start)
        for span in reversed(self.orgs[max(0, at - ORG_LOOKBACK) : at]):
            if head.i - span.end > ORG_WINDOW:
                break
            actor = self.actors.get(span._.actor)
            names = () if actor is None else (actor.name, *actor.aliases)
            if generic or any(noun in name.lower().split() for name in names):
                return span._.actor
        return None


def _country_word(token: Token) -> str | None:
    if token.pos_ not in ("PROPN", "ADJ", "NOUN") or not token.text[:1].isupper():
        return None
    return country_code(token.text)


# --- cues -------------------------------------------------------------------------------


def cue_span(token: Token) -> Span:
    """The cue as written: the verb, with its particle ("pointed out"), or
    "according to"."""
    doc = token.doc
    if token.lower_ == "according":
        return doc[token.i : token.i + 2]
    ends = [c.i for c in token.children if c.dep_ == "prt" and c.i > token.i]
    end = max(ends, default=token.i) + 1
    return doc[token.i : end] if end - token.i <= 3 else doc[token.i : token.i + 1]


def attribute(cue: Token, mentions: Mentions, *, quoted: bytes = b"") -> Attribution:
    """Speaker and addressee of one cue (module doc, 1-4); tokens flagged in
    ``quoted`` (inside quotation marks) are never the speaker."""
    head = speaker_head(cue, quoted=quoted)
    return attribution_of(
        cue, (None, None) if head is None else speaker_of(head, mentions), mentions
    )


def attribution_of(
    cue: Token, speaker: tuple[Span | None, str | None], mentions: Mentions
) -> Attribution:
    """A cue's attribution once its speaker phrase and actor are known (callers that
    ask for the same speaker again keep it)."""
    speaker_span, actor = speaker
    addressee = addressee_head(cue)
    addressee_span = None if addressee is None else noun_phrase(addressee)
    addressee_actor = None if addressee is None else actor_of(addressee, mentions)
    return Attribution(cue_span(cue), speaker_span, actor, addressee_span, addressee_actor)


def speaker_head(cue: Token, *, quoted: bytes = b"") -> Token | None:
    """The head word of the phrase naming who spoke (module doc, 1)."""
    if cue.lower_ == "according":
        return _pobj_of_to(cue)
    if _passive_without_agent(cue):
        return None  # "it was said that": no speaker in the clause
    verb: Token | None = cue
    for _ in range(5):
        if verb is None:
            break
        found = own_subject(verb, quoted)
        if found is not None and _is_quoted(found, quoted):
            # The parser took quoted words for the subject: read the frame instead.
            return _outside_apposition(found, quoted) or _frame_subject(cue, quoted)
        if found is not None:
            return _antecedent(found)
        if _is_participle_of(verb):
            return verb.head  # "Talukder, ..., blamed X and said ..."
        verb = _inherit_from(verb)
    return _frame_subject(cue, quoted)


def _passive_without_agent(verb: Token) -> bool:
    deps = {c.dep_ for c in verb.children}
    return "nsubjpass" in deps and "agent" not in deps and verb.lemma_ != "quote"


def _is_quoted(token: Token, quoted: bytes) -> bool:
    return token.i < len(quoted) and bool(quoted[token.i])


def _inherit_from(verb: Token) -> Token | None:
    """The verb whose subject a subjectless cue shares. "X said the cell was sensible
    but doubted that ...": "doubted" hangs from "was", a reported clause, so its
    subject is the reporter's, X."""
    if verb.dep_ not in INHERIT_DEPS or verb.head.i == verb.i:
        return None
    head = verb.head
    if verb.dep_ == "conj" and head.dep_ == "ccomp" and head.head.i != head.i:
        return head.head
    return head


def own_subject(verb: Token, quoted: bytes) -> Token | None:
    """The verb's subject (outside quotation marks when it has one there); for a
    passive, its agent."""
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    if agent is not None and verb.lemma_ != "quote":
        return next((c for c in agent.children if c.dep_ == "pobj"), None)
    found = []
    for child in verb.children:
        subject = through_space(child) if child.dep_ in SUBJECT_DEPS else None
        if subject is None or not _can_speak(subject) or not _same_paragraph(subject, verb):
            continue
        if child.dep_ == "nsubjpass" and verb.lemma_ != "quote":
            return None  # "it was said that": no speaker in the clause
        found.append(subject)
    outside = [s for s in found if not _is_quoted(s, quoted)] or found
    # Two subjects are a misparse ("X reached Kadugli, the first aid to get through,
    # the United Nations said"): the one next to the verb speaks.
    before = [s for s in outside if s.i < verb.i]
    return before[-1] if len(before) > 1 else (outside or [None])[0]


def _outside_apposition(subject: Token, quoted: bytes) -> Token | None:
    return next(
        (c for c in subject.children if c.dep_ == "appos" and not _is_quoted(c, quoted)), None
    )


def _frame_subject(cue: Token, quoted: bytes) -> Token | None:
    """No usable subject in the parse: the phrase between a closing quotation mark
    and the cue (“...,” Zhou Wenbo, a spokesman, told ...); the name right after a cue
    that follows a quotation (“...?” asked Dr. Lucía Mendoza); else the phrase opening
    the paragraph, or the nearest subject-like noun before the cue in its sentence
    ("In an interview Trump declared “...”")."""
    doc = cue.doc
    words: list[Token] = []
    for token in reversed(doc[max(0, cue.i - FRAME_WORDS) : cue.i]):
        if _is_quoted(token, quoted) or token.text in (".", "?", "!") or "\n" in token.text:
            break
        words.append(token)
    before_quote = cue.i - len(words) > 0 and _is_quoted(doc[cue.i - len(words) - 1], quoted)
    nouns = [t for t in words if t.pos_ in ("PROPN", "NOUN", "PRON") and _can_speak(t)]
    if before_quote:
        return phrase_root(nouns[-1]) if nouns else _inverted_subject(cue, quoted)
    subjects = [t for t in nouns if t.dep_ not in NOT_SUBJECT and not _in_clause(t)]
    subjects += [t for t in nouns if t.pos_ == "PROPN" and t not in subjects]
    nearest = _antecedent(subjects[0]) if subjects else None
    if nearest is not None and nearest.dep_ == "appos":
        nearest = nearest.head  # "Mwangi, the officer in charge, told ..."
    return _break_subject(words) or nearest or _inverted_subject(cue, quoted)


def _break_subject(words: list[Token]) -> Token | None:
    """The parser often hangs a paragraph's opening phrase ("A senior diplomat, who
    ..., said") from the paragraph-break token: that phrase, when the words before the
    cue begin the paragraph."""
    doc = words[-1].doc if words else None
    if doc is None or words[-1].i == 0 or not doc[words[-1].i - 1].is_space:
        return None
    found = through_space(doc[words[-1].i - 1])
    return found if found is not None and found.pos_ in ("NOUN", "PROPN") else None


def _in_clause(token: Token) -> bool:
    """Inside a relative, adverbial or complement clause ("who spoke because the talks
    were confidential")."""
    for _ in range(8):
        if token.dep_ in ("relcl", "advcl", "acl", "ccomp", "xcomp"):
            return True
        if token.head.i == token.i:
            return False
        token = token.head
    return False


def _same_paragraph(a: Token, b: Token) -> bool:
    """No line break between two tokens (the parser sometimes links across one)."""
    low, high = sorted((a.i, b.i))
    return not any(t.is_space and "\n" in t.text for t in a.doc[low:high])


def _can_speak(token: Token) -> bool:
    """Not I, we or you (also as "I’d", "we'll")."""
    return token.lower_.replace("’", "'").split("'")[0] not in FIRST_SECOND_PERSON


def _is_participle_of(verb: Token) -> bool:
    """A verb the parser hung from a noun as a reduced clause ("X, an adviser,
    blamed ..."), not an infinitive ("the right to respond")."""
    if verb.dep_ != "acl" or verb.head.pos_ not in ("NOUN", "PROPN", "PRON"):
        return False
    return not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _inverted_subject(cue: Token, quoted: bytes) -> Token | None:
    """ "..., asked Dr. Lucía Mendoza" when the parser found no subject: the name
    right after the cue."""
    doc = cue.doc
    for token in doc[cue.i + 1 : min(len(doc), cue.i + 4)]:
        if token.i < len(quoted) and quoted[token.i]:
            return None
        if token.pos_ in ("PROPN", "NOUN", "PRON"):
            return phrase_root(token)
        if token.pos_ not in ("DET", "ADJ", "NUM"):
            return None
    return None


def through_space(token: Token) -> Token | None:
    """A word, or the word a paragraph-break token stands in for (the parser hangs
    a paragraph's first phrase from the break token)."""
    if token.is_space:
        return next((c for c in token.children if _is_word(c)), None)
    return None if token.is_punct else token


def _is_word(token: Token) -> bool:
    return not (token.is_punct or token.is_space)


def _antecedent(subject: Token) -> Token:
    """ "who" in "X, who said ..." stands for X."""
    if subject.lower_ in RELATIVE_PRONOUNS:
        clause = subject.head
        while clause.dep_ in ("conj", "xcomp", "ccomp") and clause.head.i != clause.i:
            clause = clause.head
        if clause.dep_ in ("relcl", "acl"):
            return clause.head
    return subject


def _next_is_to(token: Token) -> bool:
    doc = token.doc
    return token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to"


def _pobj_of_to(according: Token) -> Token | None:
    to = according.doc[according.i + 1]
    found = next((c for c in to.children if c.dep_ == "pobj"), None)
    if found is not None:
        return found
    # A parse that hangs the object elsewhere: the first noun after "to".
    doc = according.doc
    for token in doc[to.i + 1 : min(len(doc), to.i + 8)]:
        if token.pos_ in ("NOUN", "PROPN", "PRON"):
            return phrase_root(token)
        if token.is_punct:
            break
    return None


def phrase_root(token: Token) -> Token:
    """The head of the noun phrase a word belongs to (through compounds, modifiers)."""
    while token.dep_ in ("compound", "amod", "det", "poss", "nmod") and token.head.i != token.i:
        token = token.head
    return token


# --- speakers ---------------------------------------------------------------------------


def speaker_of(head: Token, mentions: Mentions) -> tuple[Span, str | None]:
    """The speaker phrase and its actor key (module doc, 2-3). A pronoun no earlier
    component linked ("it", "they", an unresolved "he") stands for the subject of the
    clause it sits in ("Washington criticised Pristina for what it called ...")."""
    if not mentions.person(head):
        named = _named_apposition(head, mentions)
        if named is not None:
            return noun_phrase(named), mentions.key(named)
    if is_loose_pronoun(head, mentions):
        governing = _governing_subject(head)
        if governing is not None:
            return speaker_of(governing, mentions)
    return noun_phrase(head), actor_of(head, mentions)


def is_loose_pronoun(token: Token, mentions: Mentions) -> bool:
    """A personal pronoun no actor mention covers."""
    return token.lower_ in PRONOUNS and mentions.key(token) is None


def _governing_subject(pronoun: Token) -> Token | None:
    """The first subject, not a pronoun, of a verb above the pronoun's own."""
    verb = pronoun.head
    for _ in range(6):
        if verb.head.i == verb.i:
            return None
        verb = verb.head
        subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is not None and subject.lower_ not in PRONOUNS and _is_word(subject):
            return _antecedent(subject)
    return None


def actor_of(head: Token, mentions: Mentions) -> str | None:
    """The actor a phrase with this head names or speaks for (module doc, 3)."""
    key = mentions.key(head)
    if key is not None:
        return key
    named = _named_apposition(head, mentions)
    if named is not None:
        return mentions.key(named)
    if _speaks_for_another(head):
        key = _proxied(head, mentions)
        if key is not None:
            return key
    if _is_definite(head):
        return mentions.described_org(head)
    return None


def _speaks_for_another(head: Token) -> bool:
    lemma = head.lemma_.lower()
    if lemma in VOICE_NOUNS:
        return True
    if lemma not in ROLE_NOUNS or head.tag_ in ("NNS", "NNPS"):
        return lemma in ROLE_NOUNS
    return not any(c.lower_ in ("a", "an", "one") for c in head.children)


def _is_definite(head: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)


def _named_apposition(head: Token, mentions: Mentions) -> Token | None:
    for child in head.children:
        if child.dep_ == "appos" and mentions.key(child) is not None:
            return child
    return None


def _proxied(head: Token, mentions: Mentions) -> str | None:
    """ "a spokesman for X", "a statement from X", "X's spokesman", "a Kenyan
    government spokesman", "officials in Taipei": the actor X."""
    tokens: list[Token] = []
    for child in head.children:
        if child.dep_ in ("poss", "compound", "amod", "nmod") and child.i < head.i:
            tokens.extend(child.subtree)
        elif child.dep_ == "prep" and child.lower_ in PROXY_PREPS:
            tokens.extend(child.subtree)
    tokens.sort(key=lambda t: t.i)
    key = mentions.within(tokens)
    if key is not None:
        return key
    for token in tokens:
        if token.dep_ in ("pobj", "poss") and _is_definite(token):
            key = mentions.described_org(token)
            if key is not None:
                return key
    return None


def noun_phrase(head: Token) -> Span:
    """The head's phrase without clauses, appositions or coordination."""
    start = end = head.i
    stack = [head]
    while stack:
        token = stack.pop()
        for child in token.children:
            if child.dep_ in PHRASE_EXCLUDED or not _is_word(child):
                continue
            start, end = min(start, child.i), max(end, child.i)
            stack.append(child)
    doc = head.doc
    while start < head.i and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > head.i and (doc[end].is_punct or doc[end].is_space):
        end -= 1
    return doc[start : end + 1]


# --- addressees -------------------------------------------------------------------------


def addressee_head(cue: Token) -> Token | None:
    """ "told Reuters", "said to reporters", "speaking to the BBC", "in an interview
    with the Ledger" (module doc, 4)."""
    if cue.lower_ == "according":
        return None
    for child in cue.children:
        if child.dep_ == "dative" and child.pos_ in ("NOUN", "PROPN", "PRON"):
            return child
        if child.dep_ == "dative" or (child.dep_ == "prep" and child.lower_ == "to"):
            found = _pobj(child)
            if found is not None:
                return found
        if child.dep_ == "dobj" and cue.lemma_ in ("tell", "brief", "inform", "assure"):
            return child
    for child in cue.children:
        found = _talk_to(child)
        if found is not None:
            return found
    return None


def _talk_to(child: Token) -> Token | None:
    """ "Speaking to X, ..." (an adverbial clause) or "in an interview with X"."""
    if child.dep_ in ("advcl", "xcomp") and child.lemma_ in TALK_LEMMAS:
        for prep in child.children:
            if prep.dep_ == "prep" and prep.lower_ in ("to", "with"):
                return _pobj(prep)
        return None
    if child.dep_ == "prep" and child.lower_ in ("in", "during"):
        noun = _pobj(child)
        if noun is not None and noun.lemma_ in INTERVIEW_NOUNS:
            for prep in noun.children:
                if prep.dep_ == "prep" and prep.lower_ in ("with", "to"):
                    return _pobj(prep)
    return None


def _pobj(prep: Token) -> Token | None:
    return next((c for c in prep.children if c.dep_ == "pobj"), None)
