"""The ``newsgraph_actors`` component: countries, governments and organisations as actors.

For every GPE, NORP, ORG, FAC and LOC entity, and every gazetteer name spaCy did not tag
(a :class:`~spacy.matcher.PhraseMatcher` over capitals, seats of power, country names,
demonyms and organisation names), it decides whether the span names an actor:

1. an organisation in the gazetteer ("Hezbollah", "the African Union", "Houthi rebels")
   -> ``org:<name>`` with the gazetteer's CAMEO code;
2. a demonym or country name with a collective role noun ("Kenyan police", "Russia's
   Foreign Ministry", "the Chinese Foreign Ministry", "US troops") -> one actor per
   country and role, ``country:KEN:COP``;
3. a capital or seat of power used as an agent ("Beijing said", "the Kremlin's
   response") -> the government, ``country:CHN:GOV``, mention kind "metonym"; used as a
   place ("in Beijing", "arrived from Nairobi") it is no actor;
4. a country by name, or a demonym standing alone ("the Chinese said") ->
   ``country:CHN``; a demonym modifying another noun ("Chinese vehicles", "the Kenyan
   economist") is no actor mention;
5. any other ORG -> ``org:<normalised name>``, with a country when its name starts with
   one ("Kenya Airways").

PERSON entities are left to ``newsgraph_people``, except "Xi's government" style
phrases, where the government noun becomes the country's GOV actor.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from newsgraph.annotate import gazetteer as gz
from newsgraph.annotate.types import DocActor, doc_actors, register_extensions

log = logging.getLogger(__name__)

ACTOR_LABELS = frozenset({"GPE", "NORP", "ORG", "FAC", "LOC"})
MATCH_LABEL = "GAZETTEER"
MODIFIER_DEPS = frozenset({"amod", "compound", "nmod"})
HEAD_DEPS = MODIFIER_DEPS | {"poss"}
# Dependencies of a word that stands as a participant: "the Chinese said", "Kenyans' anger".
ARGUMENT_DEPS = frozenset(
    {"nsubj", "nsubjpass", "dobj", "iobj", "dative", "pobj", "attr", "appos", "poss",
     "ROOT", "agent", "oprd"}
)  # fmt: skip
LOCATIVE_PREPS = frozenset(
    {"in", "at", "near", "inside", "within", "across", "throughout", "around", "outside",
     "into", "via", "through", "off", "beyond", "towards", "toward", "onto", "along"}
)  # fmt: skip
MOTION_VERBS = frozenset(
    {"go", "travel", "fly", "return", "arrive", "head", "move", "come", "flee", "drive",
     "sail", "march", "relocate", "deploy", "send", "take", "bring", "evacuate", "walk"}
)  # fmt: skip
# Verbs whose direct object is a place: "left Cairo", "visited Kenya".
PLACE_OBJECT_VERBS = frozenset(
    {"leave", "visit", "reach", "enter", "tour", "depart", "flee", "cross", "evacuate",
     "approach", "arrive"}
)  # fmt: skip
# Nouns whose "of" object is a place: "the port of Tripoli", "residents of Kinshasa".
PLACE_NOUNS = frozenset(
    {"city", "town", "port", "capital", "outskirt", "outskirts", "street", "streets",
     "suburb", "centre", "center", "region", "province", "area", "village", "heart",
     "part", "coast", "airport", "resident", "residents", "district", "neighbourhood",
     "neighborhood", "mayor", "governor", "edge", "gate", "gates", "north", "south",
     "east", "west", "outside"}
)  # fmt: skip
# "London-based", "Kenyan-born": the place word is no actor.
PLACE_PARTICIPLES = frozenset({"based", "born", "bound", "headquartered", "registered", "flagged"})
# Roles a country + plural noun stands for as a collective actor ("Kenyan soldiers").
GROUP_ROLES = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY", "REB", "OPP", "MED", "UAF"})
# Singular nouns that name an institution rather than one person ("the Kenyan army").
COLLECTIVE_HEADS = frozenset(
    {"government", "ministry", "department", "army", "police", "military", "parliament",
     "court", "cabinet", "administration", "authorities", "authority", "forces", "force",
     "troops", "navy", "guard", "junta", "regime", "opposition", "judiciary", "legislature",
     "senate", "congress", "presidency", "embassy", "intelligence", "media", "delegation",
     "leadership", "gendarmerie", "militia", "office", "agency", "service", "council",
     "commission", "establishment", "security", "executive"}
)  # fmt: skip
# Words that make a multi-word ORG entity look like a real organisation.
ORG_WORDS = frozenset(
    {"ministry", "council", "party", "force", "forces", "army", "front", "movement", "agency",
     "bank", "institute", "institution", "society", "association", "union", "committee",
     "commission", "authority", "group", "alliance", "company", "corporation", "corp", "inc",
     "ltd", "plc", "services", "service", "news", "times", "post", "radio", "television",
     "press", "network", "organization", "organisation", "foundation", "fund", "programme",
     "program", "office", "court", "chamber", "federation", "coalition", "brigade",
     "brigades", "guard", "police", "airways", "airlines", "university", "hospital",
     "centre", "center", "trust", "watch", "mission", "assembly", "department", "bureau",
     "board", "league", "congress", "parliament", "senate", "government", "administration",
     "cabinet", "tribunal", "secretariat", "directorate", "command", "corps", "militia",
     "daily", "herald", "tribune", "gazette", "broadcasting", "channel", "worldwide",
     "holdings", "industries", "unit", "team"}
)  # fmt: skip
GOVERNMENT_NOUNS = frozenset({"government", "administration", "cabinet", "regime", "junta"})
DIRECTIONS = frozenset(
    {"eastern", "western", "northern", "southern", "central", "north", "south", "east",
     "west", "northeastern", "northwestern", "southeastern", "southwestern", "mainland"}
)  # fmt: skip
# Given names that are also country or capital names; a PERSON entity so named stays a person.
GIVEN_NAMES = frozenset(
    {"chad", "jordan", "georgia", "israel", "kenya", "india", "paris", "sofia", "victoria",
     "lima", "santiago", "china", "asia", "america", "adelaide", "florence", "valletta"}
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Mention:
    """One actor mention found in a document, before it is written to the Doc."""

    start: int
    end: int
    key: str
    kind: str  # a MentionKind
    name: str
    type: str  # an ActorType
    country: str | None = None
    role: str | None = None
    code: str | None = None


@Language.factory(
    "newsgraph_actors",
    requires=["doc.ents", "token.dep"],
    assigns=["doc.spans", "doc._.actors", "span._.actor", "span._.mention_kind"],
    default_config={"spans_key": "actors", "unknown_orgs": True},
)
def make_actors(nlp: Language, name: str, *, spans_key: str, unknown_orgs: bool) -> Actors:
    """Build the actors component (``nlp.add_pipe("newsgraph_actors")``)."""
    register_extensions()
    return Actors(nlp, name, spans_key=spans_key, unknown_orgs=unknown_orgs)


class Actors:
    """Finds country, government and organisation actors; see the module docstring."""

    def __init__(self, nlp: Language, name: str, *, spans_key: str, unknown_orgs: bool) -> None:
        self.name = name
        self.spans_key = spans_key
        self.unknown_orgs = unknown_orgs
        self.matcher = _build_matcher(nlp)

    def __call__(self, doc: Doc) -> Doc:
        found = _mention_spans(doc, self._mentions(doc))
        spans = filter_spans(list(found))
        existing = list(doc.spans[self.spans_key]) if self.spans_key in doc.spans else []
        actors = doc_actors(doc)
        for span in spans:
            mention = found[span]
            span._.actor = mention.key
            span._.mention_kind = mention.kind
            _record(actors, mention, span.text)
        doc.spans[self.spans_key] = sorted(existing + spans, key=lambda s: (s.start, s.end))
        return doc

    def _mentions(self, doc: Doc) -> Iterator[Mention]:
        persons: set[str] = set()
        places: set[str] = set()
        for ent in doc.ents:
            if ent.label_ == "PERSON":
                persons.update(tok.lower_ for tok in ent)
            elif ent.label_ in ("GPE", "LOC"):
                places.add(ent.text.lower())
        hits = self._hits(doc)
        for span, inner in _candidates(doc, hits):
            mention = _classify(span)
            if mention is None and inner:
                yield from filter(None, (_classify(hit) for hit in inner))
                continue
            if mention is None and span.label_ == "ORG" and self.unknown_orgs:
                mention = _unknown_org(span, persons, places)
            if mention is None and span.label_ == "PERSON":
                mention = _leader_government(span)
            if mention is not None:
                yield mention

    def _hits(self, doc: Doc) -> list[Span]:
        return [Span(doc, s, e, label=MATCH_LABEL) for _, s, e in self.matcher(doc)]


# --- building -------------------------------------------------------------------------


def _build_matcher(nlp: Language) -> PhraseMatcher:
    matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
    names = {*gz.metonym_names(), *gz.org_names(), *gz.country_names(), *gz.demonym_names()}
    variants = sorted({form for name in names for form in (name, gz.fold_accents(name))})
    matcher.add(MATCH_LABEL, list(nlp.tokenizer.pipe(variants)))
    log.debug("actors matcher: %d patterns", len(variants))
    return matcher


# --- candidates -----------------------------------------------------------------------


def _candidates(doc: Doc, hits: list[Span]) -> Iterator[tuple[Span, list[Span]]]:
    """Entity spans worth classifying, each with the gazetteer hits inside it, then the
    gazetteer hits outside every entity."""
    covered = [False] * len(doc)
    for ent in doc.ents:
        for i in range(ent.start, ent.end):
            covered[i] = True
        if ent.label_ in ACTOR_LABELS or _is_mislabelled_person(ent):
            inner = [h for h in hits if h.start >= ent.start and h.end <= ent.end]
            yield _strip_det(ent), inner if _only_names(ent, inner) else []
        elif ent.label_ == "PERSON" and ent.root.dep_ == "poss":
            yield ent, []
    for hit in filter_spans(hits):
        if not any(covered[i] for i in range(hit.start, hit.end)):
            yield hit, []


def _is_mislabelled_person(ent: Span) -> bool:
    """A PERSON entity that is really an organisation or a seat of power ("Hamas")."""
    if ent.label_ != "PERSON" or ent.text.lower() in GIVEN_NAMES:
        return False
    return gz.org(ent.text) is not None or gz.metonym(ent.text) is not None


def _only_names(ent: Span, inner: list[Span]) -> bool:
    """True when every token of ``ent`` outside the hits is punctuation, a conjunction,
    a determiner or a compass word: "Mali, Burkina Faso", "eastern DR Congo"."""
    inside = {i for hit in inner for i in range(hit.start, hit.end)}
    return bool(inner) and all(
        tok.i in inside or tok.is_punct or tok.pos_ in ("CCONJ", "DET") or tok.lower_ in DIRECTIONS
        for tok in ent
    )


def _strip_det(span: Span) -> Span:
    """``span`` without a leading "the" or a trailing possessive ending."""
    start, end = span.start, span.end
    while start < end - 1 and span.doc[start].lower_ == "the":
        start += 1
    while end - 1 > start and span.doc[end - 1].tag_ == "POS":
        end -= 1
    return Span(span.doc, start, end, label=span.label_)


# --- classification -------------------------------------------------------------------


def _classify(span: Span) -> Mention | None:
    """The actor ``span`` names, per the numbered rules in the module docstring."""
    text = span.text
    extended = _role_phrase(span)
    if extended is not None and (entry := gz.org(extended[0].text)) is not None:
        return _org_mention(extended[0], entry)
    if (entry := gz.org(text)) is not None:
        return _org_mention(span, entry)
    if (iso3 := gz.demonym(text)) is not None:
        return _demonym_mention(span, iso3, extended)
    named = gz.country_code(text)
    place = gz.metonym(text)
    if named is not None and place is None:
        return _country_mention(span, named, extended, kind="name")
    if place is not None:
        return _metonym_mention(span, place, extended)
    return None


def _org_mention(span: Span, entry: gz.OrgEntry, *, country: str | None = None) -> Mention:
    """A gazetteer organisation; with ``country``, a national branch of an international
    one ("the Nepalese Red Cross") unless the entry has its own country."""
    if country is None or entry.country is not None:
        key = "org:" + gz.normalise(entry.name)
        return Mention(
            span.start, span.end, key, "name", entry.name, "organisation",
            entry.country, entry.role, entry.code,
        )  # fmt: skip
    code = country + entry.role if entry.role else None
    name = _clean(span.text)
    key = "org:" + gz.normalise(name)
    return Mention(
        span.start, span.end, key, "name", name, "organisation", country, entry.role, code
    )


def _demonym_mention(span: Span, iso3: str, extended: tuple | None) -> Mention | None:
    if extended is not None:
        return _role_mention(extended, iso3, kind="demonym")
    if _governing_dep(span.root) not in ARGUMENT_DEPS:
        return None  # "Chinese vehicles", "the Kenyan economist", "Greek-owned"
    return _country(span, iso3, kind="demonym")


def _country_mention(span: Span, iso3: str, extended: tuple | None, *, kind: str) -> Mention | None:
    if extended is not None and (mention := _role_mention(extended, iso3, kind=kind)):
        return mention
    if _is_locative(span.root):
        return None
    return _country(span, iso3, kind=kind)


def _metonym_mention(span: Span, iso3: str, extended: tuple | None) -> Mention | None:
    if extended is not None and (mention := _role_mention(extended, iso3, kind="metonym")):
        return mention
    root = span.root
    if root.dep_ in MODIFIER_DEPS and root.head.pos_ in ("NOUN", "PROPN", "VERB"):
        return None  # "Paris attacks", "a Moscow-based analyst"
    if _is_locative(root):
        return None
    role = gz.metonym_role(span.text) or "GOV"
    return _state(span.start, span.end, iso3, role, span.text, kind="metonym")


def _role_mention(extended: tuple, iso3: str, *, kind: str) -> Mention | None:
    """A country + collective role mention over the extended phrase, or None when the
    noun the country word modifies is no collective role."""
    phrase, rest, head = extended
    if (entry := gz.org(rest.text)) is not None:
        return _org_mention(phrase, entry, country=iso3)
    if _is_locative(head):
        return None  # "outside the Turkish embassy"
    found = _role_end(rest)
    if found is None or not _is_collective(found[0], found[1]):
        return None
    end = found[0].i + 1 if phrase.end > found[0].i else phrase.end
    text = phrase.doc[phrase.start : end].text
    return _state(phrase.start, end, iso3, found[1], text, kind=kind)


def _role_end(rest: Span) -> tuple[Token, str] | None:
    """The word that ends the role in ``rest`` and its role: the head noun ("Foreign
    Ministry", "riot police"), else a role compound before it ("coast guard ships")."""
    doc = rest.doc
    role = gz.role_code(rest.text)
    if role is not None:
        return rest[-1], role
    for end in range(rest.end - 2, rest.start - 1, -1):
        words = doc[rest.start : end + 1].text
        if doc[end].dep_ == "compound" and gz.is_role_phrase(words):
            return doc[end], gz.role_code(words) or ""
    return None


def _leader_government(person: Span) -> Mention | None:
    """ "Xi's government" -> CHN GOV over the noun "government"."""
    head = person.root.head
    if head.lower_ not in GOVERNMENT_NOUNS or (iso3 := gz.leader_country(person.text)) is None:
        return None
    name = person.doc[person.start : head.i + 1].text
    return _state(head.i, head.i + 1, iso3, "GOV", name, kind="description")


def _unknown_org(span: Span, persons: set[str], places: set[str]) -> Mention | None:
    """An ORG entity the gazetteer does not know: an organisation actor unless it is a
    bare role ("the Foreign Ministry"), a misread person or place, or used as a place."""
    span = _before_open_bracket(span)
    text = _clean(span.text)
    if not _looks_like_org(span) or gz.is_role_phrase(text) or _is_locative(span.root):
        return None
    lowered = {tok.lower_ for tok in span if tok.is_alpha}
    if (lowered and lowered <= persons) or span.text.lower() in places:
        return None
    iso3, rest, kind = _leading_country(span)
    if iso3 and rest is not None:
        if (entry := gz.org(rest.text)) is not None:
            return _org_mention(span, entry, country=iso3)
        role = gz.role_code(rest.text)
        if role in GROUP_ROLES and _is_collective(rest.root, role):
            return _state(span.start, span.end, iso3, role, text, kind=kind)
    role = None if iso3 is None else gz.role_code(span.root.text)
    code = iso3 + role if iso3 and role else None
    key = "org:" + gz.normalise(text)
    return Mention(span.start, span.end, key, "name", text, "organisation", iso3, role, code)


def _looks_like_org(span: Span) -> bool:
    """An acronym ("KFOR"), a brand written in camel case ("ExxonMobil"), or a name with
    an organisation word in it ("Mainland Affairs Council"); not a lone capitalised word
    or a person's name the tagger called an ORG ("Quispe", "Luiza Menezes")."""
    words = [tok.text for tok in span if tok.is_alpha]
    if not words:
        return False
    if len(words) == 1:
        word = words[0]
        return word.isupper() and len(word) > 1 or any(ch.isupper() for ch in word[1:])
    return any(tok.lower_ in ORG_WORDS for tok in span)


def _before_open_bracket(span: Span) -> Span:
    """``span`` cut before an unclosed "(" ("Gambia Radio and Television Services (GRTS")."""
    for tok in span:
        if tok.text == "(" and not any(t.text == ")" for t in span[tok.i - span.start :]):
            return Span(span.doc, span.start, max(tok.i, span.start + 1), label=span.label_)
    return span


def _leading_country(span: Span) -> tuple[str | None, Span | None, str]:
    """ISO3 of a country, demonym or capital opening ``span`` (up to three tokens, then
    an optional possessive), the rest of the span, and the mention kind."""
    for size in (3, 2, 1):
        if span.end - span.start <= size:
            continue
        words = span.doc[span.start : span.start + size].text
        iso3 = gz.country_code(words)
        if iso3:
            rest_start = span.start + size
            if span.doc[rest_start].tag_ == "POS":
                rest_start += 1
            rest = span.doc[rest_start : span.end] if rest_start < span.end else None
            return iso3, rest, _kind_of(words)
    return None, None, "name"


def _kind_of(words: str) -> str:
    if gz.demonym(words):
        return "demonym"
    return "metonym" if gz.metonym(words) else "name"


# --- dependency helpers ---------------------------------------------------------------


def _role_phrase(span: Span) -> tuple[Span, Span, Token] | None:
    """When ``span`` modifies or possesses a noun just after it ("Kenyan police",
    "Russia's Foreign Ministry"), return (whole phrase, the part after ``span``, head)."""
    doc = span.doc
    first = _first_conjunct(span.root)
    head = first.head
    if first.dep_ not in HEAD_DEPS or head.i < span.end or head.pos_ not in ("NOUN", "PROPN"):
        return None
    # "Indian and Pakistani troops": the role starts after the last coordinated word.
    coordinated = [tok.i for tok in first.conjuncts if span.end <= tok.i < head.i]
    rest_start = max(coordinated, default=span.end - 1) + 1
    if head.i - rest_start > 4:
        return None
    while rest_start < head.i and doc[rest_start].tag_ == "POS":
        rest_start += 1
    if any(tok.is_punct and tok.text not in ("-", "/") for tok in doc[rest_start : head.i]):
        return None
    phrase_end = span.end if coordinated else head.i + 1
    return doc[span.start : phrase_end], doc[rest_start : head.i + 1], head


def _is_collective(head: Token, role: str) -> bool:
    if role not in GROUP_ROLES:
        return False
    return (
        head.tag_ in ("NNS", "NNPS")
        or head.lemma_.lower() in COLLECTIVE_HEADS
        or (head.lower_ in COLLECTIVE_HEADS)
    )


def _first_conjunct(token: Token) -> Token:
    while token.dep_ in ("conj", "appos") and token.head.i != token.i:
        token = token.head
    return token


def _governing_dep(token: Token) -> str:
    """The dependency label of ``token``, or of the first conjunct it is coordinated with."""
    return _first_conjunct(token).dep_


def _is_locative(token: Token) -> bool:
    """True when ``token`` (or the conjunct it belongs to) is the object of a place
    preposition: "in Beijing", "arrived from Nairobi", "flew to Paris"."""
    token = _first_conjunct(token)
    if token.head.lower_ in PLACE_PARTICIPLES:
        return True  # "the London-based institute"
    if token.dep_ == "dobj":
        return token.head.lemma_.lower() in PLACE_OBJECT_VERBS  # "left Cairo"
    if token.dep_ != "pobj":
        return False
    prep = token.head
    word = prep.lower_
    if word in LOCATIVE_PREPS:
        return True
    if word == "of":
        return prep.head.lemma_.lower() in PLACE_NOUNS  # "the port of Tripoli"
    if word in ("from", "to"):
        verb = prep.head
        if word == "from":
            return verb.pos_ in ("VERB", "AUX")
        return verb.pos_ == "VERB" and verb.lemma_.lower() in MOTION_VERBS
    return False


# --- mentions to actors ---------------------------------------------------------------


def _country(span: Span, iso3: str, *, kind: str) -> Mention:
    name = gz.country_name(iso3) or iso3
    return Mention(span.start, span.end, f"country:{iso3}", kind, name, "country", iso3, None, iso3)


def _state(start: int, end: int, iso3: str, role: str, text: str, *, kind: str) -> Mention:
    key = f"country:{iso3}:{role}"
    return Mention(start, end, key, kind, _clean(text), "country", iso3, role, iso3 + role)


def _clean(text: str) -> str:
    words = text.split()
    while words and words[0].lower() == "the":
        words = words[1:]
    return " ".join(words)


def _mention_spans(doc: Doc, mentions: Iterable[Mention]) -> dict[Span, Mention]:
    """Each mention as a span without a leading "the"; the first mention of a stretch
    of text wins."""
    spans: dict[Span, Mention] = {}
    for mention in mentions:
        span = _strip_det(Span(doc, mention.start, mention.end, label=mention.type.upper()))
        spans.setdefault(span, mention)
    return spans


# Labels for the canonical names of country + role actors ("Russia (military)").
ROLE_LABELS = {
    "GOV": "government",
    "MIL": "military",
    "COP": "police",
    "JUD": "judiciary",
    "LEG": "legislature",
    "OPP": "opposition",
    "REB": "rebels",
    "SPY": "intelligence services",
    "MED": "media",
    "BUS": "business",
    "CVL": "civilians",
    "EDU": "education",
    "HLH": "health",
    "REF": "refugees",
    "LAB": "labour",
    "ELI": "elites",
    "NGO": "non-governmental organisations",
    "IGO": "international organisations",
}


def role_actor_name(iso3: str, role: str) -> str:
    """One canonical name per country + role, whatever the surface form
    ("the Kremlin", "Russia's Foreign Ministry" -> "Russia (government)")."""
    return f"{gz.country_name(iso3) or iso3} ({ROLE_LABELS.get(role, role)})"


def _record(actors: dict[str, DocActor], mention: Mention, surface: str) -> None:
    actor = actors.get(mention.key)
    if actor is None:
        role_actor = mention.key.count(":") == 2 and mention.country and mention.role
        actor = DocActor(
            key=mention.key,
            name=role_actor_name(mention.country, mention.role) if role_actor else mention.name,
            type=mention.type,  # type: ignore[arg-type]
            country=mention.country,
            role=mention.role,
            code=mention.code,
        )
        actors[mention.key] = actor
    actor.aliases.add(surface)
