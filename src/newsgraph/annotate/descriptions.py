"""What the words around a name say about the person, and which later noun phrases
describe a person.

:func:`title_attributes`, :func:`premodifier_attributes` and
:func:`apposition_attributes` read the title before a name ("Chinese Foreign Minister
Wang Lei"), the modifiers before it ("Kenyan economist Peter Langat") and its
appositions ("Khalil Nasser, a senior member of Hezbollah's political council," /
"Somalia's deputy foreign minister, Abdirahman Farah") into :class:`Attributes`: title,
descriptors, affiliation, country, role, gender and age. A :class:`Profile` gathers
them for one person and decides the person's country, role and CAMEO code.
:func:`description_at` recognises a later definite description ("the Kenyan
economist", "the 54-year-old").
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from newsgraph.annotate.gazetteer import country_code, org, role_code
from newsgraph.annotate.people_rules import (
    AGENT_NOUNS,
    TITLE_HEADS,
    TITLE_MODIFIERS,
    Gender,
    Name,
    fold,
    noun_gender,
    noun_head,
    title_gender,
)
from newsgraph.annotate.types import DocActor

# Roles of armed groups: a member's role is the group's, whatever the noun says.
ARMED_ROLES: frozenset[str] = frozenset({"REB", "INS", "UAF"})
# Modifier dependencies kept in a descriptor ("senior member", "research fellow").
_MODIFIER_DEPS: frozenset[str] = frozenset({"amod", "compound", "nmod", "nummod", "npadvmod"})
# Prepositions whose object says where a person belongs ("member of", "fellow at").
_BELONG_PREPS: frozenset[str] = frozenset({"of", "at", "for", "with", "from", "in"})
# Clause attachments whose content is not part of a description ("who studies ...").
_CLAUSE_DEPS: frozenset[str] = frozenset({"relcl", "acl", "advcl", "ccomp", "conj", "cc"})
# Adjectives that do not restrict a later description ("the former minister").
NEUTRAL_MODIFIERS: frozenset[str] = frozenset(
    {"same", "former", "veteran", "outgoing", "embattled", "longtime", "then"}
)
_PREMODIFIER_DEPS: frozenset[str] = _MODIFIER_DEPS | {"poss", "case"}
_CONNECTORS: frozenset[str] = frozenset({"of", "the", "and", "-", "for"})
_MAX_TITLE_TOKENS = 8


@dataclass(slots=True)
class Attributes:
    """What one mention's context says about a person; empty fields are unknown."""

    title: str | None = None
    descriptors: set[str] = field(default_factory=set)
    heads: set[str] = field(default_factory=set)  # noun_head forms of descriptor heads
    affiliation: str | None = None
    org_country: str | None = None
    org_role: str | None = None
    country: str | None = None  # demonym or possessive country in the description
    based_country: str | None = None  # "Nairobi-based"
    role: str | None = None  # role_code of the descriptor or title
    gender: Gender | None = None
    age: int | None = None


@dataclass(frozen=True, slots=True)
class DocIndex:
    """Per-document lookups built once: the actor and the entity under each token."""

    actor_at: dict[int, DocActor]
    ent_at: dict[int, Span]

    @classmethod
    def build(cls, doc: Doc, actors: dict[str, DocActor]) -> DocIndex:
        actor_at: dict[int, DocActor] = {}
        if "actors" in doc.spans:
            for span in doc.spans["actors"]:
                actor = actors.get(span._.actor)
                if actor is not None:
                    actor_at.update(dict.fromkeys(range(span.start, span.end), actor))
        ent_at = {i: ent for ent in doc.ents for i in range(ent.start, ent.end)}
        return cls(actor_at, ent_at)


@dataclass(frozen=True, slots=True)
class Description:
    """A definite noun phrase that may describe a person: "the Kenyan economist"."""

    start: int
    end: int
    head: str  # noun_head form
    modifiers: tuple[str, ...]  # folded, neutral ones dropped
    age: int | None


@dataclass(slots=True)
class Profile:
    """One person within one document as the mentions so far describe them; becomes
    a :class:`DocActor` at the end."""

    key: str
    name: Name
    surnames: set[str]
    second_surnames: frozenset[str]
    last: int = -1  # start of the latest mention of any kind
    last_named: int = -1  # start of the latest name, surname or title mention
    attrs: Attributes = field(default_factory=Attributes)
    words: set[str] = field(default_factory=set)  # folded words of descriptors and title
    leaning: Gender | None = None  # from a pronoun linked across a gap: a tie-breaker only
    aliases: set[str] = field(default_factory=set)

    def absorb(self, new: Attributes) -> None:
        """Add what one mention's context says; the first value seen for a field wins."""
        old = self.attrs
        for name in (
            "title",
            "country",
            "based_country",
            "role",
            "gender",
            "age",
        ):
            if getattr(old, name) is None:
                setattr(old, name, getattr(new, name))
        if old.affiliation is None and new.affiliation is not None:
            old.affiliation, old.org_country, old.org_role = (
                new.affiliation,
                new.org_country,
                new.org_role,
            )
        old.descriptors |= new.descriptors
        old.heads |= new.heads
        for text in (*new.descriptors, new.title or "", new.affiliation or ""):
            self.words.update(fold(w) for w in text.split())

    def country(self) -> str | None:
        """A demonym or possessive in the description first, then an armed group's
        country, then "X-based", then the organisation's country."""
        a = self.attrs
        armed = a.org_role in ARMED_ROLES
        return a.country or (a.org_country if armed else None) or a.based_country or a.org_country

    def role(self) -> str | None:
        """The noun's or title's role, except that an armed group's role wins."""
        a = self.attrs
        return a.org_role if a.org_role in ARMED_ROLES else (a.role or a.org_role)

    def actor(self) -> DocActor:
        a = self.attrs
        country, role = self.country(), self.role()
        return DocActor(
            key=self.key,
            name=self.name.text,
            type="person",
            country=country,
            role=role,
            code=f"{country or ''}{role or ''}" or None,
            aliases=set(self.aliases),
            affiliation=a.affiliation,
            descriptors=set(a.descriptors),
            title=a.title,
        )


# --- titles ---------------------------------------------------------------------------


def title_start(doc: Doc, start: int) -> int:
    """Index of the first token of the title right before ``doc[start]`` ("Foreign
    Minister", "Minister of Finance", "Dr"); ``start`` when there is none."""
    run = _capitalised_run(doc, start)
    if not run:
        return start
    if fold(run[-1].text) in TITLE_HEADS:
        first = len(run) - 1
    else:
        first = _head_before_of(run)
        if first is None:
            return start
    while first > 0 and fold(run[first - 1].text) in TITLE_MODIFIERS | TITLE_HEADS | {"-"}:
        first -= 1
    while run[first].text == "-":
        first += 1
    return run[first].i


def _capitalised_run(doc: Doc, start: int) -> list[Token]:
    """Capitalised words (and "of", "the", "and", "-") right before ``doc[start]``,
    within its sentence and stopping at another person's name."""
    run: list[Token] = []
    i = start - 1
    while i >= 0 and len(run) < _MAX_TITLE_TOKENS:
        token = doc[i]
        if not (token.text[:1].isupper() or token.lower_ in _CONNECTORS):
            break
        if doc[i + 1].is_sent_start or token.ent_type_ == "PERSON" and not _is_title(token):
            break
        run.append(token)
        i -= 1
    run.reverse()
    while run and run[0].lower_ in _CONNECTORS:
        run.pop(0)
    return run


def _is_title(token: Token) -> bool:
    return fold(token.text) in TITLE_HEADS or fold(token.text) in TITLE_MODIFIERS


def _head_before_of(run: list[Token]) -> int | None:
    """Position of the title head in "Minister of Foreign Affairs" (before "of")."""
    for pos in range(len(run) - 2, 0, -1):
        if run[pos].lower_ == "of" and fold(run[pos - 1].text) in TITLE_HEADS:
            return pos - 1
    return None


def title_attributes(title: Span) -> Attributes:
    words = title.text
    head = next((fold(t.text) for t in reversed(title) if fold(t.text) in TITLE_HEADS), "")
    return Attributes(
        title=words,
        heads={noun_head(head)} if head else set(),
        role=role_code(words) or (role_code(head) if head else None),
        gender=title_gender(words),
    )


# --- modifiers before a name and appositions ------------------------------------------


def premodifier_start(doc: Doc, start: int, end: int) -> int:
    """First token of the modifiers attached from the left to the name (and title)
    ``doc[start:end]``: "Kenyan economist" in "Kenyan economist Peter Langat", "Kenya's"
    in "Kenya's Foreign Minister ..."; ``start`` when there are none."""
    i = start
    while i > max(0, start - _MAX_TITLE_TOKENS) and _is_premodifier(doc[i - 1]):
        i -= 1
    while i < start and not all(i <= t.head.i < end for t in doc[i:start]):
        i += 1
    return i


def _is_premodifier(token: Token) -> bool:
    if token.is_punct:
        return token.text == "-"
    return token.dep_ in _PREMODIFIER_DEPS and not token.is_space


def premodifier_attributes(doc: Doc, start: int, end: int, index: DocIndex) -> Attributes:
    """Attributes from the modifiers ``doc[start:end]`` before a name."""
    tokens = list(doc[start:end])
    nouns = [t for t in tokens if t.pos_ == "NOUN" and t.is_lower]
    head = nouns[-1] if nouns and is_agent_noun(nouns[-1].text) else None
    return _describe(tokens, head, index)


def is_agent_noun(word: str) -> bool:
    """A noun for a person: "economist", "spokeswoman", "aid worker" (not "north")."""
    folded = fold(word)
    return folded in AGENT_NOUNS or bool(noun_gender(folded)) or role_code(folded) is not None


def apposition_heads(name: Span) -> list[Token]:
    """Noun heads of the appositions of a name, either side of it."""
    root = name.root
    heads = [c for c in root.children if c.dep_ == "appos" and c.pos_ in ("NOUN", "NUM")]
    if root.dep_ == "appos" and root.head.pos_ == "NOUN" and root.head.i < name.start:
        heads.append(root.head)
    return heads


def apposition_attributes(head: Token, index: DocIndex) -> Attributes:
    """Attributes from an apposition headed by ``head`` ("a Kenyan economist who ...")."""
    if head.like_num:
        return Attributes(age=_as_age(head.text))
    tokens = sorted(_phrase_tokens(head), key=lambda t: t.i)
    return _describe(tokens, head, index)


def _phrase_tokens(head: Token) -> list[Token]:
    """The noun phrase under ``head`` without relative clauses or coordinations."""
    found = [head]
    stack = [c for c in head.children if c.dep_ not in _CLAUSE_DEPS and c.dep_ != "appos"]
    while stack:
        token = stack.pop()
        found.append(token)
        stack.extend(c for c in token.children if c.dep_ not in _CLAUSE_DEPS)
    return found


def _describe(tokens: list[Token], head: Token | None, index: DocIndex) -> Attributes:
    attrs = Attributes()
    if head is not None:
        _add_descriptors(attrs, tokens, head)
    _add_affiliation(attrs, tokens, index)
    _add_country(attrs, tokens, index)
    attrs.age = attrs.age or _age_in(tokens)
    return attrs


def _add_descriptors(attrs: Attributes, tokens: list[Token], head: Token) -> None:
    mods = [t for t in tokens if t.i < head.i and _is_descriptor_word(t, head)]
    word = head.lemma_.lower() if head.tag_ == "NNS" else head.lower_
    phrase = " ".join([*(fold(t.text) for t in mods), word])
    attrs.descriptors.update({word, phrase})
    attrs.heads.add(noun_head(word))
    attrs.role = role_code(phrase)
    attrs.gender = noun_gender(word)


def _is_descriptor_word(token: Token, head: Token) -> bool:
    if token.dep_ not in _MODIFIER_DEPS or token.like_num or token.is_punct:
        return False
    if token.i + 1 < len(token.doc) and token.nbor().lower_ == "-":
        return False  # "Nairobi-based", "54-year-old"
    if token.lower_ in ("based", "year", "old") and token.i > 0 and token.nbor(-1).text == "-":
        return False
    if token.ent_type_ in ("ORG", "GPE", "PERSON", "FAC", "LOC"):
        return False
    return token.head.i == head.i or token.head.head.i == head.i


def _add_affiliation(attrs: Attributes, tokens: list[Token], index: DocIndex) -> None:
    for token in tokens:
        actor = index.actor_at.get(token.i)
        if actor is not None and actor.type == "organisation":
            attrs.affiliation, attrs.org_country, attrs.org_role = (
                actor.name,
                actor.country,
                actor.role,
            )
            return
    for token in tokens:
        ent = index.ent_at.get(token.i)
        if ent is not None and ent.label_ == "ORG":
            entry = org(ent.text)
            if entry is not None:
                attrs.affiliation, attrs.org_country, attrs.org_role = (
                    entry.name,
                    entry.country,
                    entry.role,
                )
            else:
                attrs.affiliation = _strip_the(ent.text)
            return


def _add_country(attrs: Attributes, tokens: list[Token], index: DocIndex) -> None:
    for token in tokens:
        if token.lower_ == "based" and token.i >= 2 and token.nbor(-1).text == "-":
            place = token.nbor(-2)
            ent = index.ent_at.get(place.i)
            attrs.based_country = attrs.based_country or country_code(
                ent.text if ent is not None else place.text
            )
        elif attrs.country is None and _is_country_modifier(token):
            attrs.country = _country_of(token, index)


def _is_country_modifier(token: Token) -> bool:
    if token.dep_ not in ("amod", "poss", "compound", "nmod"):
        return False
    if token.i + 1 < len(token.doc) and token.nbor().text == "-":
        return False
    if token.head.dep_ == "pobj" and token.head.head.lower_ not in _BELONG_PREPS:
        return False  # "an envoy to Somalia's government" says nothing of the envoy
    return token.ent_type_ in ("NORP", "GPE") or token.text[:1].isupper() and token.pos_ == "ADJ"


def _country_of(token: Token, index: DocIndex) -> str | None:
    actor = index.actor_at.get(token.i)
    if actor is not None and actor.type == "country":
        return actor.country or actor.key.split(":")[1]
    ent = index.ent_at.get(token.i)
    return country_code(ent.text if ent is not None else token.text)


def _age_in(tokens: list[Token]) -> int | None:
    for token in tokens:
        if token.lower_ == "old" and token.i >= 4:
            doc = token.doc
            if doc[token.i - 2].lower_ in ("year", "years") and doc[token.i - 4].like_num:
                return _as_age(doc[token.i - 4].text)
    return None


def _as_age(text: str) -> int | None:
    return int(text) if text.isdigit() and 0 < int(text) < 120 else None


def _strip_the(text: str) -> str:
    return text[4:] if text.lower().startswith("the ") else text


# --- later descriptions ---------------------------------------------------------------


def description_at(token: Token) -> Description | None:
    """The definite description headed by ``token`` ("the Kenyan economist", "the
    54-year-old"), or None when ``token`` heads no such phrase. Plurals never do."""
    if token.tag_ != "NN" and not _is_age_head(token):
        return None
    det = next((c for c in token.lefts if c.dep_ == "det"), None)
    if det is None or det.lower_ != "the":
        return None
    between = token.doc[det.i + 1 : token.i]
    if any(t.is_punct and t.text != "-" for t in between):
        return None
    age = _age_in([token, *between]) if _is_age_head(token) or len(between) >= 4 else None
    words = [fold(t.text) for t in between if _is_plain_modifier(t)]
    head = "year-old" if _is_age_head(token) else noun_head(token.text)
    return Description(
        start=det.i,
        end=token.i + 1,
        head=head,
        modifiers=tuple(w for w in words if w not in NEUTRAL_MODIFIERS),
        age=age,
    )


def _is_age_head(token: Token) -> bool:
    return token.lower_ == "old" and token.i >= 4 and token.doc[token.i - 2].lower_ == "year"


def _is_plain_modifier(token: Token) -> bool:
    if token.like_num or token.is_punct:
        return False
    return not (token.lower_ in ("year", "old") and token.nbor(-1).text == "-")
