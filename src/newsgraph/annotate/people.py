"""The ``newsgraph_people`` component: the people of one document and every mention
of them.

Runs after ``newsgraph_actors`` (countries, metonyms, organisations) and adds, to
``doc.spans["actors"]``, spans linked to person actors in ``Doc._.actors``:

1. Names (:func:`.people_rules.find_names`): PERSON entities, less the tagger's
   usual slips (a lone "Agrigento" after "in", "Gunfire" opening a sentence), names
   after an honorific whatever their label ("Ms Diallo"), and known surnames or given
   names the tagger labelled otherwise or missed. Each is read with the title before
   it ("Foreign Minister"), the modifiers before that ("Chinese", "Kenyan economist")
   and its appositions ("X, a senior member of Hezbollah's political council,"): see
   :mod:`.descriptions`. Full names that agree on given name and surname are one
   person, keyed by the fullest form ("person:miriam achieng otieno").
2. Short forms. A lone surname, or title + surname ("Dr Okafor"), goes to the person
   with that surname who was most recently named (gender from the title must agree),
   so with "Ali Hassan" and "Omar Hassan" in one article a bare "Hassan" is whoever
   was named last; failing that, to the next full name with that surname; a lone
   given name only when exactly one person has it. Otherwise a surname is a person of
   its own, keyed by it ("person:mutua").
3. Descriptions. "the Kenyan economist", "the foreign minister": the most recently
   mentioned person whose descriptors or title have the head noun, and every modifier
   among their words or as their country's demonym. Two equally fitting people (two
   ministers): the more recently mentioned one wins. "the 54-year-old": the person of
   that age, else the most recently mentioned person if their age is unknown.
   Plurals, indefinite phrases and phrases inside quotation marks are never linked.
4. Pronouns. he/him/his/himself, she/her/hers/herself outside quotation marks go to
   the most salient person of the nearest preceding sentence with a compatible one
   (this sentence first, then up to ``pronoun_window`` sentences back): a subject
   before a non-subject, known matching gender before unknown, then the most recent.
   Gender comes from titles (Mr, Mrs), agent nouns (spokeswoman) and earlier pronouns
   found in the same or the previous sentence; a pronoun linked across a longer gap
   only leans the person's gender, which then breaks ties but excludes no one.
   An unnamed person as subject ("a spokesman for the group denied ...") competes too:
   when it wins, the pronoun is left unlinked rather than given to someone named
   earlier.

Spans never overlap spans already in the group. Aliases collect the surface forms of
names, surnames and title forms, not of descriptions or pronouns.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from newsgraph.annotate.descriptions import (
    Description,
    DocIndex,
    Profile,
    apposition_attributes,
    apposition_heads,
    description_at,
    premodifier_attributes,
    premodifier_start,
    title_attributes,
    title_start,
)
from newsgraph.annotate.gazetteer import country_code
from newsgraph.annotate.people_rules import (
    AGENT_NOUNS,
    OBJECT_DEPS,
    PRONOUN_GENDER,
    SUBJECT_DEPS,
    Gender,
    Name,
    NameSpan,
    TokenTable,
    find_names,
    noun_gender,
    title_gender,
)
from newsgraph.annotate.types import DocActor, doc_actors, register_extensions

log = logging.getLogger(__name__)

SPAN_GROUP = "actors"
SPAN_LABEL = "PERSON"


@Language.factory(
    "newsgraph_people",
    requires=["doc.ents", "token.dep", "doc.spans"],
    assigns=["doc.spans", "doc._.actors", "span._.actor", "span._.mention_kind"],
    default_config={"pronoun_window": 4},
)
def make_people(nlp: Language, name: str, *, pronoun_window: int) -> People:
    """The people component; ``pronoun_window`` is how many sentences back a pronoun
    looks for its person."""
    register_extensions()
    return People(pronoun_window=pronoun_window, common_words=common_words(nlp))


def common_words(nlp: Language) -> frozenset[str]:
    """The nouns, verbs, adjectives and adverbs the model's lemmatizer knows, read
    once when the component is built; empty when the pipeline has no such table."""
    if "lemmatizer" not in nlp.pipe_names:
        return frozenset()
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        log.debug("no lemma_index table: sentence-initial common words are not screened")
        return frozenset()
    index = lookups.get_table("lemma_index")
    return frozenset(word for pos in index for word in index[pos] if "_" not in word)


class People:
    """``Doc -> Doc``: people, their attributes and their mentions (see module doc)."""

    def __init__(
        self, *, pronoun_window: int = 4, common_words: frozenset[str] = frozenset()
    ) -> None:
        self.pronoun_window = pronoun_window
        self.common_words = common_words

    def __call__(self, doc: Doc) -> Doc:
        actors = doc_actors(doc)
        existing = list(doc.spans[SPAN_GROUP]) if SPAN_GROUP in doc.spans else []
        resolver = _Resolver(
            doc,
            actors,
            existing,
            pronoun_window=self.pronoun_window,
            common_words=self.common_words,
        )
        resolver.run()
        resolver.write(actors, existing)
        log.debug("%d people, %d mentions", len(resolver.people), len(resolver.mentions))
        return doc


# --- per-document state ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _NameOcc:
    """A name in the text: ``doc[start:end]`` without title, ``doc[title:start]`` its
    title, ``doc[prefix:title]`` the modifiers before the title."""

    start: int
    end: int
    title: int
    prefix: int
    name: Name
    recovered: bool

    @classmethod
    def locate(cls, doc: Doc, found: NameSpan, taken: bytearray) -> _NameOcc:
        title = title_start(doc, found.start)
        if any(taken[title : found.start]):
            title = found.start
        prefix = premodifier_start(doc, title, found.end)
        return cls(found.start, found.end, title, prefix, found.name, found.recovered)


@dataclass(frozen=True, slots=True)
class _Salient:
    """One mention, as a pronoun sees it. ``key`` is None for an unnamed person ("a
    spokesman"), who can take a pronoun away from the people named before."""

    position: int
    key: str | None
    root: int  # the mention's head token
    subject: bool
    verb: int  # the root's head
    gender: Gender | None = None  # an unnamed person's, from the noun


@dataclass(frozen=True, slots=True)
class _Unnamed:
    """An unnamed person as a subject: "a spokesman for the group denied ..."."""

    token: Token


class _Resolver:
    """One document's people, resolved in one pass over its mentions in text order."""

    def __init__(
        self,
        doc: Doc,
        actors: dict[str, DocActor],
        existing: list[Span],
        *,
        pronoun_window: int,
        common_words: frozenset[str],
    ) -> None:
        self.doc = doc
        self.window = pronoun_window
        self.index = DocIndex.build(doc, actors)
        self.taken = bytearray(len(doc))
        for span in existing:
            self.taken[span.start : span.end] = b"\x01" * (span.end - span.start)
        self.table = TokenTable.of(doc)
        self.sentence = _sentence_numbers(doc, self.table)
        self.quoted = _quoted(self.table)
        self.people: dict[str, Profile] = {}
        self.salience: dict[int, list[_Salient]] = {}
        self.mentions: list[tuple[int, int, str, str]] = []
        self.names = [
            _NameOcc.locate(doc, found, self.taken)
            for found in find_names(
                doc, self.table, self.taken, self.index.ent_at, common=common_words
            )
        ]
        self.cluster_key, self.fullest, self.cluster_surnames = _cluster(self.names)
        self.ahead = _full_names_by_surname(self.names, self.cluster_key)
        self.covered = bytearray(self.taken)  # taken, or part of a name with its title
        for n in self.names:
            self.covered[n.prefix : n.end] = b"\x01" * (n.end - n.prefix)

    # -- 1-4: one pass over the mentions in text order

    def run(self) -> None:
        events = sorted(self._events(), key=lambda e: e[0])
        for _, item in events:
            if isinstance(item, _NameOcc):
                self._name(item)
            elif isinstance(item, Description):
                self._description(item)
            elif isinstance(item, _Unnamed):
                self._unnamed(item.token)
            else:
                self._pronoun(item)

    def _events(self) -> list[tuple[int, _NameOcc | Description | _Unnamed | Token]]:
        """Names, candidate descriptions, unnamed subjects and pronouns, each with its
        first token."""
        events: list[tuple[int, _NameOcc | Description | _Unnamed | Token]] = [
            (n.title, n) for n in self.names
        ]
        lower, tag = self.table.lower, self.table.tag
        for i in range(len(self.doc)):
            if self.covered[i] or self.quoted[i]:
                continue
            if lower[i] in PRONOUN_GENDER and tag[i] in ("PRP", "PRP$"):
                events.append((i, self.doc[i]))
            elif (tag[i] == "NN" or lower[i] == "old") and "the" in lower[max(0, i - 6) : i]:
                found = description_at(self.doc[i])
                if found is not None:
                    events.append((found.start, found))
            if tag[i] == "NN" and lower[i] in AGENT_NOUNS:
                events.append((i, _Unnamed(self.doc[i])))
        return events

    # -- names

    def _name(self, occ: _NameOcc) -> None:
        if occ.name.is_full:
            person, kind = self._person(self.cluster_key[occ.start], occ.name), "name"
        else:
            person, kind = self._short_form(occ)
        if person is None:
            return
        start = occ.title if kind == "title" else occ.start
        self._add_attributes(person, occ)
        self._mention(person, start, occ.end, kind, self.doc[start : occ.end])

    def _short_form(self, occ: _NameOcc) -> tuple[Profile | None, str]:
        word = " ".join(occ.name.folded)
        titled = occ.title < occ.start
        gender = title_gender(self.doc[occ.title : occ.start].text) if titled else None
        surname_kind = "title" if titled else "surname"
        person = self._by_surname(word, gender)
        if person is not None:
            return person, surname_kind
        key = self._next_full_name(word, occ.start)
        if key is not None:
            return self._person(key, self.fullest[key]), surname_kind
        person = self._by_surname(word, gender, second=True) or self._by_given_name(word)
        if person is not None:
            kind = "name" if word == person.name.first else surname_kind
            return person, "title" if titled else kind
        if occ.recovered and not titled:
            return None, surname_kind
        return self._person(occ.name.key, occ.name), surname_kind

    def _by_surname(
        self, word: str, gender: Gender | None, *, second: bool = False
    ) -> Profile | None:
        found = [
            p
            for p in self.people.values()
            if word in (p.second_surnames if second else p.surnames)
            and _compatible(p.attrs.gender, gender)
        ]
        return max(found, key=lambda p: p.last_named, default=None)

    def _next_full_name(self, word: str, position: int) -> str | None:
        return next((key for start, key in self.ahead.get(word, ()) if start > position), None)

    def _by_given_name(self, word: str) -> Profile | None:
        if any(word in p.surnames for p in self.people.values()):
            return None
        found = [p for p in self.people.values() if p.name.is_full and p.name.first == word]
        return found[0] if len(found) == 1 else None

    def _person(self, key: str, name: Name) -> Profile:
        if key not in self.people:
            fullest = self.fullest.get(key, name)
            surnames = self.cluster_surnames.get(key, name.surnames())
            self.people[key] = Profile(
                key=key,
                name=fullest,
                surnames=set(surnames),
                second_surnames=fullest.second_surnames() - surnames,
            )
        return self.people[key]

    def _add_attributes(self, person: Profile, occ: _NameOcc) -> None:
        if occ.title < occ.start:
            person.absorb(title_attributes(self.doc[occ.title : occ.start]))
        if occ.prefix < occ.title:
            person.absorb(premodifier_attributes(self.doc, occ.prefix, occ.title, self.index))
        for head in apposition_heads(self.doc[occ.start : occ.end]):
            person.absorb(apposition_attributes(head, self.index))

    # -- descriptions

    def _description(self, found: Description) -> None:
        start = found.start
        while start < found.end and self.taken[start]:
            start += 1
        if start == found.end or any(self.taken[start : found.end]):
            return
        person = self._described(found)
        if person is not None and not self._is_apposition_of_name(self.doc[found.end - 1]):
            self._mention(person, start, found.end, "description", None)

    def _is_apposition_of_name(self, head: Token) -> bool:
        """ "the Kenyan economist" in "Peter Langat, the Kenyan economist," is part of
        the name's mention, already read as its attributes."""
        if head.dep_ == "appos" and self.covered[head.head.i]:
            return True
        return any(c.dep_ == "appos" and self.covered[c.i] for c in head.children)

    def _described(self, found: Description) -> Profile | None:
        if found.head == "year-old":
            return self._aged(found.age)
        fits = [
            p
            for p in self.people.values()
            if found.head in p.attrs.heads
            and _modifiers_fit(p, found.modifiers)
            and (found.age is None or p.attrs.age in (None, found.age))
        ]
        return max(fits, key=lambda p: p.last, default=None)

    def _aged(self, age: int | None) -> Profile | None:
        same = [p for p in self.people.values() if age is not None and p.attrs.age == age]
        if same:
            return max(same, key=lambda p: p.last)
        latest = max(self.people.values(), key=lambda p: p.last, default=None)
        return latest if latest is not None and latest.attrs.age is None else None

    def _unnamed(self, token: Token) -> None:
        if token.dep_ not in SUBJECT_DEPS or self.taken[token.i]:
            return
        if self._is_apposition_of_name(token):
            return
        salient = _Salient(token.i, None, token.i, True, token.head.i, noun_gender(token.text))
        self.salience.setdefault(self.sentence[token.i], []).append(salient)

    # -- pronouns

    def _pronoun(self, token: Token) -> None:
        gender = PRONOUN_GENDER[token.lower_]
        person, number = self._antecedent(token, gender)
        if person is None:
            return
        if person.attrs.gender is None and self.sentence[token.i] - number <= 1:
            person.attrs.gender = gender  # a close link: gender evidence from now on
        elif person.attrs.gender is None:
            person.leaning = person.leaning or gender
        self._mention(person, token.i, token.i + 1, "pronoun", None)

    def _antecedent(self, token: Token, gender: Gender) -> tuple[Profile | None, int]:
        """The person a pronoun stands for and the number of the sentence it was
        found in (see the module docstring)."""
        here = self.sentence[token.i]
        verb, root = _binding_verb(token), _apposition_root(token)
        for number in range(here, max(-1, here - self.window - 1), -1):
            candidates = [
                s
                for s in self.salience.get(number, ())
                if s.position < token.i
                and _compatible(self._gender(s), gender)
                and not (s.subject and s.verb == verb)
                and s.root != root
            ]
            if candidates:
                best = max(candidates, key=lambda s: self._rank(s, gender))
                return (None if best.key is None else self.people[best.key]), number
        return None, -1

    def _gender(self, salient: _Salient) -> Gender | None:
        return salient.gender if salient.key is None else self.people[salient.key].attrs.gender

    def _rank(self, salient: _Salient, gender: Gender) -> tuple[bool, bool, int]:
        evidence = self._gender(salient)
        if evidence is None and salient.key is not None:
            evidence = self.people[salient.key].leaning
        return salient.subject, evidence == gender, salient.position

    # -- bookkeeping

    def _mention(
        self, person: Profile, start: int, end: int, kind: str, alias: Span | None
    ) -> None:
        if any(self.taken[start:end]):
            return
        self.taken[start:end] = b"\x01" * (end - start)
        self.mentions.append((start, end, person.key, kind))
        person.last = start
        if alias is not None:
            person.last_named = start
            person.aliases.add(alias.text)
        if not self.quoted[start]:
            root = self.doc[start:end].root
            subject = root.dep_ in SUBJECT_DEPS
            salient = _Salient(start, person.key, root.i, subject, root.head.i)
            self.salience.setdefault(self.sentence[start], []).append(salient)

    def write(self, actors: dict[str, DocActor], existing: list[Span]) -> None:
        spans = list(existing)
        for start, end, key, kind in self.mentions:
            span = Span(self.doc, start, end, label=SPAN_LABEL)
            span._.actor = key
            span._.mention_kind = kind
            spans.append(span)
        spans.sort(key=lambda s: (s.start, s.end))
        self.doc.spans[SPAN_GROUP] = spans
        for key, person in self.people.items():
            actors[key] = _merged(actors.get(key), person.actor())


# --- helpers --------------------------------------------------------------------------


def _cluster(
    names: list[_NameOcc],
) -> tuple[dict[int, str], dict[str, Name], dict[str, frozenset[str]]]:
    """Group full names of one person; each group's key is its fullest name's.
    Returns the key of each full name (by start), the fullest name and the surname
    forms of each group."""
    groups: list[list[_NameOcc]] = []
    for occ in names:
        if not occ.name.is_full:
            continue
        group = next((g for g in groups if any(o.name.same_person(occ.name) for o in g)), None)
        if group is None:
            groups.append([occ])
        else:
            group.append(occ)
    cluster_key: dict[int, str] = {}
    fullest: dict[str, Name] = {}
    surnames: dict[str, frozenset[str]] = {}
    for group in groups:
        best = max(group, key=lambda o: len(o.name.words)).name
        fullest[best.key] = best
        surnames[best.key] = frozenset().union(*(o.name.surnames() for o in group))
        cluster_key.update((o.start, best.key) for o in group)
    return cluster_key, fullest, surnames


def _full_names_by_surname(
    names: list[_NameOcc], cluster_key: dict[int, str]
) -> dict[str, list[tuple[int, str]]]:
    ahead: dict[str, list[tuple[int, str]]] = {}
    for occ in names:
        if occ.start in cluster_key:
            for surname in occ.name.surnames():
                ahead.setdefault(surname, []).append((occ.start, cluster_key[occ.start]))
    return ahead


def _sentence_numbers(doc: Doc, table: TokenTable) -> list[int]:
    """Per token, the number of its sentence, counting only sentences with words."""
    numbers = [0] * len(doc)
    number = -1
    for sentence in doc.sents:
        start, end = sentence.start, sentence.end
        if not all(table.space[start:end]):
            number += 1
        numbers[start:end] = [max(number, 0)] * (end - start)
    return numbers


def _quoted(table: TokenTable) -> bytearray:
    """Per token, 1 inside quotation marks; a paragraph break closes an open quote."""
    inside = bytearray(len(table.text))
    state = False
    for i, text in enumerate(table.text):
        if table.space[i] and "\n" in text:
            state = False
        elif text in ("“", "``"):
            state = True
        elif text in ("”", "''"):
            state = False
        elif text == '"':
            state = not state
        else:
            inside[i] = state
    return inside


def _binding_verb(pronoun: Token) -> int:
    """The verb whose subject the pronoun cannot be ("Okafor praised her"), or -1."""
    if pronoun.dep_ not in OBJECT_DEPS:
        return -1
    head = pronoun.head
    return head.head.i if pronoun.dep_ == "pobj" and head.dep_ == "prep" else head.i


def _apposition_root(pronoun: Token) -> int:
    """The name a possessive's phrase stands in apposition to ("Chidi Okafor, her
    cousin": her is not Chidi Okafor), or -1."""
    head = pronoun.head
    return head.head.i if pronoun.dep_ == "poss" and head.dep_ == "appos" else -1


def _compatible(known: Gender | None, wanted: Gender | None) -> bool:
    return known is None or wanted is None or known == wanted


def _modifiers_fit(person: Profile, modifiers: tuple[str, ...]) -> bool:
    """Every modifier of a description is one of the person's words, or a demonym
    of the person's country ("the Kenyan economist" for a person coded KEN)."""
    country = person.country()
    return all(m in person.words or (country and country_code(m) == country) for m in modifiers)


def _merged(old: DocActor | None, new: DocActor) -> DocActor:
    if old is None or old.type != "person":
        return new
    new.aliases |= old.aliases
    new.descriptors |= old.descriptors
    return new
