"""``newsgraph_dates``: every date expression in a document, resolved to a
:class:`~newsgraph.annotate.types.DateValue` on ``Span._.date``, in ``doc.spans["dates"]``.

1. Find: the rules of :mod:`.dates_rules` over ``doc.text`` (the fast path), then spaCy's
   DATE and TIME entities the rules did not cover, snapped to tokens; never overlapping.
2. Gather what the document says about its own time (:func:`.dates_resolve.gather_evidence`):
   the publication date ``Doc._.published`` when known, else the full dates and bare
   years it mentions and the days its weekday-dated days ("Friday, 7 March") fall on.
3. Resolve each expression (:mod:`.dates_resolve`) against that evidence and the tense of
   its clause ("on Tuesday" is the latest Tuesday on or before publication, unless the
   verb is future). An entity no rule reads falls back to ``dateparser``, once per span.

Confidence: 1.0 for a full explicit date, 0.9 when the year comes from the publication
date, 0.8 from a weekday and the calendar, 0.85 for a relative weekday, lower for vague
expressions ("early 2024", seasons, decades).
"""

from __future__ import annotations

import functools
import logging
import re
from datetime import date, datetime

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from newsgraph.annotate.dates_resolve import (
    FALLBACK,
    Evidence,
    Tense,
    date_value,
    gather_evidence,
    parse_date,
    parse_published,
    resolve,
    unit_bounds,
)
from newsgraph.annotate.dates_rules import (
    Day,
    Expr,
    MonthRef,
    Range,
    SeasonRef,
    YearRef,
    find_expressions,
    parse_expression,
    worth_fallback,
)
from newsgraph.annotate.types import DateValue, doc_text, register_extensions
from newsgraph.errors import ConfigError

log = logging.getLogger(__name__)

_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "would"})
_FUTURE_LEMMAS = frozenset({"expect", "schedule", "plan", "due", "intend", "likely"})
_CALENDAR = (Day, MonthRef, SeasonRef, Range)  # expressions named, not counted, in a text
_OPEN_ENDED = frozenset({"from", "until", "till", "by"})
_YEAR_IN_TEXT = re.compile(r"\b(?:1[89]|20)\d\d\b")


# --- tense of the clause ------------------------------------------------------------


def _verb_tense(verb: Token) -> str | None:
    """The tense of a finite ``verb``: "future", "past", "present" or "modal"; None for
    a non-finite one ("to meet", "killing", "published"), whose tense is its governor's."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in _FUTURE_AUX for a in auxes):
        return "future"
    if any(a.tag_ == "MD" for a in auxes):
        return "modal"  # "could begin in June": no preference
    perfect = verb.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxes)
    if perfect or verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return "past"
    if verb.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in auxes):
        return "present"
    return None


def _complements(verb: Token) -> list[Token]:
    """Complements that can make a clause future: "due" in "was due in Tripoli"."""
    return [c for c in verb.children if c.dep_ in ("acomp", "xcomp", "oprd", "attr")]


def clause_tense(span: Span) -> Tense | None:
    """Past or future, from the verb governing ``span``; None when present, modal or
    unclear. A clause through "expected", "due", "scheduled" and the like is future
    whatever its verb's tense ("was expected to meet on Thursday"); so is "will" or
    "would", and "until" a day in a clause that is not past. Under an infinitive, or
    after "from", "until" or "by", a past verb says nothing about the date ("planned to
    send convoys from 15 February")."""
    before = span.doc[span.start - 1].lower_ if span.start else ""
    tense = _governing_tense(span.root)
    if before == "since":
        return "past"
    if before in ("until", "till") and tense != "past":
        return "future"  # "has until Wednesday to respond"
    if tense == "past" and before in _OPEN_ENDED:
        return None
    return tense


def _governing_tense(token: Token) -> Tense | None:
    hinted, soft, infinitive = False, False, False
    for _ in range(8):
        hinted = hinted or token.lemma_ in _FUTURE_LEMMAS or token.lower_ == "going"
        soft = soft or token.lemma_ == "set"  # "is set for Friday", not "was set on fire"
        if token.pos_ in ("VERB", "AUX"):
            hinted = hinted or any(c.lemma_ in _FUTURE_LEMMAS for c in _complements(token))
            tense = _verb_tense(token)
            if tense == "future" or (tense == "present" and soft):
                return "future"
            if tense in ("past", "present") and hinted:
                return "future"
            if tense is not None:
                return "past" if tense == "past" and not infinitive else None
            infinitive = infinitive or any(c.lower_ == "to" for c in token.children)
        if token.head.i == token.i:
            return None
        token = token.head
    return None


# --- dateparser, the slow fallback --------------------------------------------------


@functools.cache
def _date_data_parser() -> type:
    from dateparser.date import DateDataParser  # slow to import: only when needed

    return DateDataParser


def fallback_value(text: str, ev: Evidence) -> DateValue | None:
    """``dateparser``'s reading of one entity the rules could not read. Without a
    publication date only text that names its year is tried."""
    if ev.published is None and not _YEAR_IN_TEXT.search(text):
        return None
    base = ev.published or ev.today
    settings = {
        "RELATIVE_BASE": datetime(base.year, base.month, base.day),
        "PREFER_DATES_FROM": "past",
        "PARSERS": ["relative-time", "absolute-time"],
    }
    data = _date_data_parser()(languages=["en"], settings=settings).get_date_data(text)
    if data.date_obj is None:
        return None
    day = data.date_obj.date()
    if data.period in ("week", "month", "year"):
        return date_value(unit_bounds(data.period, day), FALLBACK, data.period)
    return date_value((day, day), FALLBACK, "day")


# --- the component ------------------------------------------------------------------


class DateAnnotator:
    """Finds and resolves the date expressions of a document (see the module docs)."""

    def __init__(self, *, spans_key: str, today: date | None, use_dateparser: bool) -> None:
        self.spans_key = spans_key
        self.today = today
        self.use_dateparser = use_dateparser

    def __call__(self, doc: Doc) -> Doc:
        found, unread = self._find(doc)
        ev = gather_evidence(
            [expr for _, expr in found],
            published=parse_published(doc._.published),
            today=self.today or date.today(),
        )
        values = _resolve_all(found, ev)
        if self.use_dateparser:
            values += [(span, fallback_value(span.text, ev)) for span in unread]
        spans = []
        for span, value in sorted(values, key=lambda pair: pair[0].start):
            if value is not None:
                span._.date = value
                spans.append(span)
        doc.spans[self.spans_key] = spans
        return doc

    def _find(self, doc: Doc) -> tuple[list[tuple[Span, Expr]], list[Span]]:
        """Rule matches snapped to tokens, then the DATE/TIME entities they missed:
        parsed by the rules when one reads the whole entity, else left for dateparser."""
        text, taken = doc_text(doc), bytearray(len(doc))
        found: list[tuple[Span, Expr]] = []
        for hit in find_expressions(text):
            span = doc.char_span(hit.start, hit.end, label="DATE", alignment_mode="expand")
            if span is None or any(taken[span.start : span.end]) or _count_not_year(span, hit.expr):
                continue
            taken[span.start : span.end] = b"\x01" * len(span)
            found.append((span, hit.expr))
        unread: list[Span] = []
        for ent in doc.ents:
            if ent.label_ not in ("DATE", "TIME") or any(taken[ent.start : ent.end]):
                continue
            span = Span(doc, ent.start, ent.end, label="DATE")
            expr = parse_expression(text, ent.start_char, ent.end_char)
            if expr is None:
                if ent.label_ == "DATE" and worth_fallback(text, ent.start_char, ent.end_char):
                    unread.append(span)
            elif not _count_not_year(span, expr):
                found.append((span, expr))
        return found, unread


def _resolve_all(
    found: list[tuple[Span, Expr]], ev: Evidence
) -> list[tuple[Span, DateValue | None]]:
    """Each expression resolved in the tense of its clause. A yearless month or day
    repeated in a clause of no clear tense takes the value it had where the tense was
    clear ("erupted in May" ... "before May": the same May)."""
    tenses = [clause_tense(span) for span, _ in found]
    settled = {
        expr: resolve(expr, ev, tense)
        for (_, expr), tense in zip(found, tenses, strict=True)
        if tense is not None and isinstance(expr, _CALENDAR)
    }
    return [
        (span, settled[expr] if expr in settled else resolve(expr, ev, tense))
        for (span, expr), tense in zip(found, tenses, strict=True)
    ]


def _count_not_year(span: Span, expr: Expr) -> bool:
    """A number a rule or spaCy read as a year that counts a plural noun after it ("in
    2000 villages", but not "the 2021 elections"), or any noun when spaCy did not tag it
    as a date either."""
    doc = span.doc
    if not isinstance(expr, YearRef) or expr.part is not None or span.end >= len(doc):
        return False
    after = doc[span.end]
    before = doc[span.start - 1] if span.start else None
    determined = before is not None and (before.pos_ in ("DET", "PRON") or before.tag_ == "POS")
    if after.tag_ == "NNS" and not determined:
        return True
    return span[0].ent_type_ != "DATE" and after.pos_ in ("NOUN", "PROPN", "ADJ", "NUM")


def _parse_today(text: str | None) -> date | None:
    if text is None:
        return None
    found = parse_date(text) if len(text) == 10 else None
    if found is None:
        raise ConfigError(f"newsgraph_dates: today={text!r} is not a date; use YYYY-MM-DD or null")
    return found


@Language.factory(
    "newsgraph_dates",
    requires=["doc.ents", "token.dep", "token.tag"],
    assigns=["doc.spans", "span._.date"],
    default_config={"spans_key": "dates", "today": None, "use_dateparser": True},
)
def make_dates(
    nlp: Language, name: str, *, spans_key: str, today: str | None, use_dateparser: bool
) -> DateAnnotator:
    """``today`` (YYYY-MM-DD, default: the real date) bounds the years a text without a
    publication date can refer to; ``use_dateparser`` turns the slow fallback off."""
    register_extensions()
    return DateAnnotator(
        spans_key=spans_key, today=_parse_today(today), use_dateparser=use_dateparser
    )
