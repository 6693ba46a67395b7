"""Resolution for ``newsgraph_dates``: parsed expressions (:mod:`.dates_rules`) to
calendar values, given what the document says about its own time (:class:`Evidence`).

With a publication date, a yearless day takes the year that puts it nearest that date
(in a past clause the latest one not after it, in a future clause the first one not
before it); relative expressions count from it. Without one, a day dated with a weekday
("Friday, 7 March") or a leap day takes a year the calendar allows, nearest the
article's full dates, else the latest not before the years it mentions, else the
latest up to today; other yearless days take the year nearest those anchored days.
Relative expressions in an undated text stay unresolved.
"""

from __future__ import annotations

import calendar
import logging
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Literal

from newsgraph.annotate.dates_rules import (
    Ago,
    Day,
    Decade,
    Expr,
    MonthRef,
    Numeric,
    PastSpan,
    PeriodRef,
    Range,
    SeasonRef,
    WeekdayRef,
    YearRef,
)
from newsgraph.annotate.types import DateValue

log = logging.getLogger(__name__)

Tense = Literal["past", "future"]
Bounds = tuple[date, date]

EXPLICIT = 1.0
WEEKDAY_CONFIRMED = 0.95  # year from the publication date, weekday agrees
FROM_PUBLISHED = 0.9
FROM_CALENDAR = 0.8  # year from a weekday and the article's other dates
FROM_TODAY = 0.75  # year from a weekday alone: the latest such year up to today
FROM_ANCHORS = 0.7  # year from the article's weekday-dated days
FROM_EXPLICIT = 0.6  # year from the article's other full dates
MISMATCH = 0.6  # the weekday contradicts the date and the year was inferred
WRONG_WEEKDAY = 0.8  # the weekday contradicts a date given in full
RELATIVE_DAY = 0.95
RELATIVE_WEEKDAY = 0.85
PERIOD = 0.9
VAGUE = 0.7  # factor for "mid-June", "early 2024", "three weeks ago"
SEASON = 0.5
DECADE = 0.4
FALLBACK = 0.6

_ISO = re.compile(r"(\d{4})-(\d\d)-(\d\d)")


@dataclass(frozen=True, slots=True)
class Evidence:
    """What a document says about its own time."""

    published: date | None
    today: date
    explicit: tuple[date, ...] = ()  # full dates the text gives with their year
    years: tuple[int, ...] = ()  # bare years it mentions, up to today
    dayfirst: bool | None = None  # "7 March" (True) or "March 7" (False) style
    frame: date | None = None  # where an undated text sits: its latest anchored day
    frame_confidence: float = 0.0


# --- calendar helpers ---------------------------------------------------------------


def _valid(year: int, month: int, day: int) -> date | None:
    if 1 <= year <= 9999 and 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]:
        return date(year, month, day)
    return None


def _month_bounds(year: int, month: int) -> Bounds:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _thirds(bounds: Bounds, part: str | None) -> Bounds:
    """The early, middle or late part of a period: of a month, days 1-10, 11-20 and
    21 to the end ("mid-June"); of whole years, thirds by months ("early 2024": January
    to April); of anything else, thirds by days."""
    start, end = bounds
    if part is None:
        return bounds
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
        months = (end.year - start.year + 1) * 12
        cut1, cut2 = _add_months(start, months // 3), _add_months(start, 2 * months // 3)
    elif start.day == 1 and (start.year, start.month) == (end.year, end.month):
        cut1, cut2 = start + timedelta(days=10), start + timedelta(days=20)
    else:
        length = (end - start).days + 1
        cut1 = start + timedelta(days=length // 3)
        cut2 = start + timedelta(days=2 * length // 3)
    if part == "early":
        return start, cut1 - timedelta(days=1)
    if part == "mid":
        return cut1, cut2 - timedelta(days=1)
    return cut2, end


def _distance(bounds: Bounds, ref: date) -> int:
    if bounds[0] <= ref <= bounds[1]:
        return 0
    return min(abs((bounds[0] - ref).days), abs((bounds[1] - ref).days))


def _pick(candidates: list[Bounds], ref: date, tense: Tense | None) -> Bounds | None:
    """The candidate nearest ``ref``; in the past clause only those begun by ``ref``, in
    the future clause only those not over by it (when there are any)."""
    if tense == "past":
        pool = [c for c in candidates if c[0] <= ref]
    elif tense == "future":
        pool = [c for c in candidates if c[1] >= ref]
    else:
        pool = []
    return min(pool or candidates, key=lambda c: (_distance(c, ref), c[0] > ref), default=None)


def date_value(bounds: Bounds, confidence: float, granularity: str) -> DateValue:
    """A DateValue from two dates."""
    start, end = bounds
    return DateValue(start.isoformat(), end.isoformat(), round(confidence, 2), granularity)


# --- days ---------------------------------------------------------------------------


def _day_candidates(day: Day, years: range) -> list[Bounds]:
    found = (_valid(year, day.month, day.day) for year in years)
    return [(d, d) for d in found if d and day.weekday in (None, d.weekday())]


def _near(day: Day, ref: date, tense: Tense | None) -> tuple[date, float] | None:
    """The year of a yearless day, from the publication date."""
    around = range(ref.year - 1, ref.year + 2)
    if day.weekday is not None and (matching := _day_candidates(day, around)):
        return _pick(matching, ref, None)[0], WEEKDAY_CONFIRMED
    confidence = FROM_PUBLISHED if day.weekday is None else MISMATCH
    loose = replace(day, weekday=None)
    candidates = _day_candidates(loose, around) or _day_candidates(
        loose, range(ref.year - 4, ref.year + 5)
    )
    chosen = _pick(candidates, ref, tense)
    return (chosen[0], confidence) if chosen else None


def _by_calendar(day: Day, ev: Evidence) -> tuple[date, float] | None:
    """The year of an undated day that only some years allow ("Friday, 7 March",
    "29 February"): the one nearest the article's full dates; else the latest not
    before the years it mentions; else the latest up to today."""
    horizon = ev.today + timedelta(days=366)
    years = range(ev.today.year - 60, ev.today.year + 2)
    days = [c[0] for c in _day_candidates(day, years) if c[0] <= horizon]
    weak = 1.0 if day.weekday is not None else 0.75  # leap years come every four
    if not days:
        return None
    if ev.explicit:
        best = min(
            days, key=lambda d: (min(abs((d - e).days) for e in ev.explicit), -d.toordinal())
        )
        return best, FROM_CALENDAR * weak
    floor = max(ev.years, default=0)
    recent = [d for d in days if floor <= d.year and d <= ev.today]
    if recent:
        return recent[-1], (FROM_CALENDAR if floor else FROM_TODAY) * weak
    later = [d for d in days if d.year >= floor]
    return (later[0], FROM_TODAY * weak) if later else (days[-1], FROM_TODAY * weak)


def _day(day: Day, ev: Evidence, tense: Tense | None) -> tuple[date, float] | None:
    if day.year is not None:
        value = _valid(day.year, day.month, day.day)
        if value is None:
            return None
        return value, EXPLICIT if day.weekday in (None, value.weekday()) else WRONG_WEEKDAY
    if ev.published is not None:
        return _near(day, ev.published, tense)
    if day.weekday is not None or (ev.frame is None and (day.month, day.day) == (2, 29)):
        return _by_calendar(day, ev)
    if ev.frame is None:
        return None
    years = range(ev.frame.year - 4, ev.frame.year + 2)  # four: room for a leap day
    chosen = _pick(_day_candidates(day, years), ev.frame, tense)
    return (chosen[0], ev.frame_confidence) if chosen else None


def _day_value(day: Day, ev: Evidence, tense: Tense | None) -> DateValue | None:
    found = _day(day, ev, tense)
    return date_value((found[0], found[0]), found[1], "day") if found else None


def _numeric_value(num: Numeric, ev: Evidence, tense: Tense | None) -> DateValue | None:
    if num.first == num.second:
        day, confidence = Day(num.first, num.first, num.year), EXPLICIT
    elif num.first > 12:
        day, confidence = Day(num.second, num.first, num.year), FROM_PUBLISHED
    elif num.second > 12:
        day, confidence = Day(num.first, num.second, num.year), FROM_PUBLISHED
    elif ev.dayfirst is not None:
        order = (num.second, num.first) if ev.dayfirst else (num.first, num.second)
        day, confidence = Day(*order, num.year), 0.5
    else:
        return None  # 7/3/2025: 7 March or July 3, and nothing in the text says which
    value = _day_value(day, ev, tense)
    return None if value is None else replace(value, confidence=confidence)


# --- months, years, seasons, decades ------------------------------------------------


def _base(ev: Evidence) -> tuple[date, float] | None:
    if ev.published is not None:
        return ev.published, FROM_PUBLISHED
    return (ev.frame, ev.frame_confidence) if ev.frame else None


def _month_year(ref: MonthRef, ev: Evidence, tense: Tense | None) -> tuple[int, float] | None:
    if ref.year is not None:
        return ref.year, EXPLICIT
    base = _base(ev)
    if base is None or (ev.published is None and (ref.shift or ref.year_shift is not None)):
        return None  # "last September" counts from publication only
    at, confidence = base
    if ref.year_shift is not None:
        return at.year + ref.year_shift, confidence
    if ref.shift == "last":
        return at.year - (ref.month >= at.month), confidence
    if ref.shift == "next":
        return at.year + (ref.month <= at.month), confidence
    if ref.shift == "this":
        return at.year, confidence
    months = [_month_bounds(year, ref.month) for year in range(at.year - 1, at.year + 2)]
    return _pick(months, at, tense)[0].year, confidence


def _month_value(ref: MonthRef, ev: Evidence, tense: Tense | None) -> DateValue | None:
    found = _month_year(ref, ev, tense)
    if found is None:
        return None
    year, confidence = found
    bounds = _thirds(_month_bounds(year, ref.month), ref.part)
    if ref.part:
        return date_value(bounds, confidence * VAGUE, "range")
    return date_value(bounds, confidence, "month")


def _year_value(ref: YearRef, ev: Evidence, tense: Tense | None) -> DateValue | None:
    bounds = (date(ref.year, 1, 1), date(ref.year, 12, 31))
    if ref.part:
        return date_value(_thirds(bounds, ref.part), EXPLICIT * VAGUE, "range")
    return date_value(bounds, EXPLICIT, "year")


def _season_bounds(year: int, month: int) -> Bounds:
    return date(year, month, 1), _add_months(date(year, month, 1), 3) - timedelta(days=1)


def _season_value(ref: SeasonRef, ev: Evidence, tense: Tense | None) -> DateValue | None:
    if ref.year is not None:
        return date_value(_season_bounds(ref.year, ref.month), SEASON, "range")
    base = _base(ev)
    if base is None or (ev.published is None and ref.shift):
        return None
    at = base[0]
    seasons = [_season_bounds(year, ref.month) for year in range(at.year - 2, at.year + 2)]
    if ref.shift == "last":
        chosen = max(s for s in seasons if s[1] < at)
    elif ref.shift == "next":
        chosen = min(s for s in seasons if s[0] > at)
    else:
        chosen = _pick(seasons, at, "future" if ref.shift == "this" else tense)
    return date_value(chosen, SEASON * base[1], "range")


def _decade_value(ref: Decade, ev: Evidence, tense: Tense | None) -> DateValue | None:
    bounds = _thirds((date(ref.start, 1, 1), date(ref.start + 9, 12, 31)), ref.part)
    return date_value(bounds, DECADE, "range")


# --- relative to publication --------------------------------------------------------


def _weekday_value(ref: WeekdayRef, ev: Evidence, tense: Tense | None) -> DateValue | None:
    published = ev.published
    if published is None:
        return None
    back = (published.weekday() - ref.weekday) % 7
    ahead = (ref.weekday - published.weekday()) % 7
    if ref.shift == "last":
        day = published - timedelta(days=back or 7)
    elif ref.shift == "next":
        day = published + timedelta(days=ahead or 7)
    elif tense == "future":
        day = published + timedelta(days=ahead)
    else:  # news convention: the latest such weekday on or before publication
        day = published - timedelta(days=back)
    return date_value((day, day), RELATIVE_WEEKDAY, "day")


def unit_bounds(unit: str, at: date) -> Bounds:
    """The week (Monday to Sunday), month or year containing ``at``."""
    if unit == "week":
        monday = at - timedelta(days=at.weekday())
        return monday, monday + timedelta(days=6)
    if unit == "month":
        return _month_bounds(at.year, at.month)
    return date(at.year, 1, 1), date(at.year, 12, 31)


def _ago_value(ref: Ago, ev: Evidence, tense: Tense | None) -> DateValue | None:
    published = ev.published
    if published is None:
        return None
    if ref.unit == "day":
        day = published - timedelta(days=ref.count)
        return date_value((day, day), RELATIVE_DAY if abs(ref.count) <= 1 else PERIOD, "day")
    if ref.unit == "week":
        return date_value(
            unit_bounds("week", published - timedelta(weeks=ref.count)), VAGUE, "week"
        )
    if ref.unit == "month":
        return date_value(unit_bounds("month", _add_months(published, -ref.count)), VAGUE, "month")
    years = ref.count * (10 if ref.unit == "decade" else 1)
    at = date(published.year - years, 1, 1)
    return date_value(unit_bounds("year", at), VAGUE * (0.7 if ref.unit == "decade" else 1), "year")


def _weekend(published: date, ref: PeriodRef, tense: Tense | None) -> Bounds:
    if published.weekday() >= 5:
        saturday = published - timedelta(days=published.weekday() - 5)
    elif tense == "future" or ref.shift > 0:
        saturday = published + timedelta(days=5 - published.weekday())
    else:
        saturday = published - timedelta(days=published.weekday() + 2)
    if ref.shift and published.weekday() >= 5:
        saturday += timedelta(weeks=ref.shift)
    return saturday, saturday + timedelta(days=1)


def _period_value(ref: PeriodRef, ev: Evidence, tense: Tense | None) -> DateValue | None:
    published = ev.published
    if published is None:
        return None
    if ref.unit == "weekend":
        return date_value(_weekend(published, ref, tense), PERIOD * 0.9, "range")
    if ref.unit == "week":
        at = published + timedelta(weeks=ref.shift)
    elif ref.unit == "month":
        at = _add_months(published, ref.shift)
    else:
        at = date(published.year + ref.shift, 1, 1)
    start, end = unit_bounds(ref.unit, at)
    if ref.part == "earlier":
        return date_value((start, max(start, published)), PERIOD * 0.9, "range")
    if ref.part == "later":
        return date_value((min(published, end), end), PERIOD * 0.9, "range")
    if ref.part:
        return date_value(_thirds((start, end), ref.part), VAGUE * 0.85, "range")
    return date_value((start, end), PERIOD, ref.unit)


def _past_span_value(ref: PastSpan, ev: Evidence, tense: Tense | None) -> DateValue | None:
    published = ev.published
    if published is None:
        return None
    if ref.unit in ("day", "week"):
        start = published - timedelta(days=ref.count * (7 if ref.unit == "week" else 1))
    else:
        months = ref.count * {"month": 1, "year": 12, "decade": 120}[ref.unit]
        start = _add_months(published, -months)
    return date_value((start, published), FROM_EXPLICIT, "range")


# --- ranges -------------------------------------------------------------------------


def _order(ref: Day | MonthRef) -> tuple[int, int]:
    return ref.month, getattr(ref, "day", 0)


def _range_value(ref: Range, ev: Evidence, tense: Tense | None) -> DateValue | None:
    """Both ends of a range share the year the text gives (or the one inferred for its
    start); an end before its start falls in the next year ("28 December to 3 January")."""
    first, last = ref.first, ref.last
    if isinstance(first, Day | MonthRef) and isinstance(last, Day | MonthRef):
        if first.year is None and last.year is not None:
            first = replace(first, year=last.year - int(_order(first) > _order(last)))
    head = resolve(first, ev, tense)
    if head is None:
        return None
    if isinstance(last, Day | MonthRef) and last.year is None:
        year = int(head.start[:4]) + int(_order(last) < _order(first))
        last = replace(last, year=year)
    tail = resolve(last, ev, tense)
    if tail is None or tail.end < head.start:
        return None
    confidence = min(head.confidence, tail.confidence)
    return DateValue(head.start, tail.end, confidence, "range")


_RESOLVERS = {
    Day: _day_value,
    Numeric: _numeric_value,
    MonthRef: _month_value,
    YearRef: _year_value,
    SeasonRef: _season_value,
    Decade: _decade_value,
    WeekdayRef: _weekday_value,
    Ago: _ago_value,
    PeriodRef: _period_value,
    PastSpan: _past_span_value,
    Range: _range_value,
}


def resolve(expr: Expr, ev: Evidence, tense: Tense | None = None) -> DateValue | None:
    """The calendar value of ``expr``, or None when the evidence cannot fix it (a
    relative expression in an undated text, a yearless day with nothing to date it)."""
    if ev.published is None and tense == "past":
        tense = None  # past of an unknown date, not of the article's other dates
    return _RESOLVERS[type(expr)](expr, ev, tense)


# --- evidence -----------------------------------------------------------------------


def _explicit_dates(expr: Expr) -> list[date]:
    if isinstance(expr, Range):
        return _explicit_dates(expr.first) + _explicit_dates(expr.last)
    if isinstance(expr, Day) and expr.year is not None:
        found = _valid(expr.year, expr.month, expr.day)
        return [found] if found else []
    if isinstance(expr, MonthRef) and expr.year is not None and expr.part is None:
        return [date(expr.year, expr.month, 15)]
    return []


def _dayfirst(exprs: list[Expr]) -> bool | None:
    orders = [e.dayfirst for e in exprs if isinstance(e, Day) and e.dayfirst is not None]
    if not orders or orders.count(True) * 2 == len(orders):
        return None
    return orders.count(True) * 2 > len(orders)


def gather_evidence(exprs: list[Expr], *, published: date | None, today: date) -> Evidence:
    """The document's own time: its publication date, or else the dates it gives in
    full, the years it mentions and the days its weekday-dated days must fall on."""
    explicit = tuple(d for e in exprs for d in _explicit_dates(e) if d <= today)
    years = tuple(e.year for e in exprs if isinstance(e, YearRef) and e.year <= today.year)
    ev = Evidence(published, today, explicit, years, _dayfirst(exprs))
    if published is not None:
        return ev
    anchored = [
        found[0]
        for e in exprs
        if isinstance(e, Day) and e.year is None and e.weekday is not None
        if (found := _by_calendar(e, ev))
    ]
    if anchored:
        return replace(ev, frame=max(anchored), frame_confidence=FROM_ANCHORS)
    if explicit:
        return replace(ev, frame=max(explicit), frame_confidence=FROM_EXPLICIT)
    return ev


def parse_date(text: str) -> date | None:
    """``YYYY-MM-DD`` (anything after it ignored) as a date; None when it is not one."""
    match = _ISO.match(text)
    return _valid(*(int(g) for g in match.groups())) if match else None


def parse_published(value: object) -> date | None:
    """``Doc._.published`` as a date; a value that is not a date is logged and ignored."""
    if value is None:
        return None
    found = parse_date(str(value))
    if found is None:
        log.warning("ignoring publication date %r: expected YYYY-MM-DD", value)
    return found
