"""Resolution of parsed date expressions against a document's evidence (no spaCy)."""

from __future__ import annotations

import logging
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsgraph.annotate.dates_resolve import (
    Evidence,
    gather_evidence,
    parse_date,
    parse_published,
    resolve,
)
from newsgraph.annotate.dates_rules import (
    Ago,
    Day,
    Decade,
    MonthRef,
    Numeric,
    PastSpan,
    PeriodRef,
    Range,
    SeasonRef,
    WeekdayRef,
    YearRef,
)

TODAY = date(2026, 11, 25)
WEDNESDAY = Evidence(published=date(2025, 3, 12), today=TODAY)
UNDATED = Evidence(published=None, today=TODAY)


def span(expr, ev=WEDNESDAY, tense=None) -> tuple[str, str]:
    value = resolve(expr, ev, tense)
    assert value is not None, expr
    return value.start, value.end


@pytest.mark.parametrize(
    ("expr", "tense", "expected"),
    [
        (WeekdayRef(1), None, "2025-03-11"),  # "on Tuesday": the latest on or before
        (WeekdayRef(2), None, "2025-03-12"),  # the publication day itself
        (WeekdayRef(1), "future", "2025-03-18"),  # "will meet on Tuesday"
        (WeekdayRef(2), "future", "2025-03-12"),
        (WeekdayRef(2, "last"), None, "2025-03-05"),
        (WeekdayRef(2, "next"), None, "2025-03-19"),
        (WeekdayRef(4, "next"), None, "2025-03-14"),
        (Ago("day", 0), None, "2025-03-12"),
        (Ago("day", 1), None, "2025-03-11"),
        (Ago("day", -1), None, "2025-03-13"),
    ],
)
def test_relative_days(expr, tense, expected) -> None:
    assert span(expr, tense=tense) == (expected, expected)


@pytest.mark.parametrize(
    ("expr", "tense", "expected"),
    [
        (PeriodRef("week", -1), None, ("2025-03-03", "2025-03-09")),
        (PeriodRef("month", 1), None, ("2025-04-01", "2025-04-30")),
        (PeriodRef("year", 0, "later"), None, ("2025-03-12", "2025-12-31")),
        (PeriodRef("weekend", 0), None, ("2025-03-08", "2025-03-09")),
        (PeriodRef("weekend", 0), "future", ("2025-03-15", "2025-03-16")),
        (PeriodRef("month", 0, "late"), None, ("2025-03-21", "2025-03-31")),
        (Ago("month", 2), None, ("2025-01-01", "2025-01-31")),
        (Ago("year", 3), None, ("2022-01-01", "2022-12-31")),
        (PastSpan("week", 1), None, ("2025-03-05", "2025-03-12")),
        (PastSpan("year", 2), None, ("2023-03-12", "2025-03-12")),
    ],
)
def test_periods(expr, tense, expected) -> None:
    assert span(expr, tense=tense) == expected


@pytest.mark.parametrize(
    ("expr", "tense", "expected"),
    [
        (Day(3, 3), None, ("2025-03-03", "2025-03-03")),
        (Day(12, 28), None, ("2024-12-28", "2024-12-28")),  # nearest the publication date
        (Day(6, 24), None, ("2025-06-24", "2025-06-24")),
        (Day(6, 24), "past", ("2024-06-24", "2024-06-24")),  # "was signed on 24 June"
        (Day(2, 29), None, ("2024-02-29", "2024-02-29")),  # the nearest leap year
        (MonthRef(8), None, ("2025-08-01", "2025-08-31")),
        (MonthRef(9), None, ("2024-09-01", "2024-09-30")),  # 163 days back, 173 ahead
        (MonthRef(8), "past", ("2024-08-01", "2024-08-31")),
        (MonthRef(3), "past", ("2025-03-01", "2025-03-31")),  # the month under way
        (MonthRef(1), "future", ("2026-01-01", "2026-01-31")),
        (MonthRef(3, shift="last"), None, ("2024-03-01", "2024-03-31")),
        (MonthRef(3, shift="next"), None, ("2026-03-01", "2026-03-31")),
        (MonthRef(1, year_shift=-1), None, ("2024-01-01", "2024-01-31")),
        (MonthRef(6, part="mid"), None, ("2025-06-11", "2025-06-20")),
        (MonthRef(2, 2024, part="late"), None, ("2024-02-21", "2024-02-29")),
        (YearRef(2024, "early"), None, ("2024-01-01", "2024-04-30")),
        (YearRef(2024, "late"), None, ("2024-09-01", "2024-12-31")),
        (SeasonRef(12, 2024), None, ("2024-12-01", "2025-02-28")),
        (SeasonRef(6, shift="last"), None, ("2024-06-01", "2024-08-31")),
        (SeasonRef(12, shift="last"), None, ("2024-12-01", "2025-02-28")),
        (SeasonRef(12, shift="this"), None, ("2025-12-01", "2026-02-28")),
        (Decade(1990), None, ("1990-01-01", "1999-12-31")),
    ],
)
def test_calendar_expressions_with_a_publication_date(expr, tense, expected) -> None:
    assert span(expr, tense=tense) == expected


@pytest.mark.parametrize(
    ("expr", "expected"),
    [
        (Range(Day(6, 10), Day(6, 12)), ("2025-06-10", "2025-06-12")),
        (Range(Day(12, 28), Day(1, 3)), ("2024-12-28", "2025-01-03")),  # across the new year
        (Range(Day(12, 28), Day(1, 3, 2024)), ("2023-12-28", "2024-01-03")),
        (Range(Day(4, 20, 2026), Day(7, 19)), ("2026-04-20", "2026-07-19")),
        (Range(MonthRef(11), MonthRef(2)), ("2024-11-01", "2025-02-28")),
        (Range(YearRef(2018), YearRef(2021)), ("2018-01-01", "2021-12-31")),
    ],
)
def test_ranges_share_a_year(expr, expected) -> None:
    value = resolve(expr, WEDNESDAY)
    assert (value.start, value.end, value.granularity) == (*expected, "range")


def test_a_backwards_range_is_not_a_date() -> None:
    assert resolve(Range(Day(6, 12, 2025), Day(6, 10, 2024)), WEDNESDAY) is None


@pytest.mark.parametrize(
    ("expr", "dayfirst", "expected"),
    [
        (Numeric(25, 3, 2025), None, "2025-03-25"),
        (Numeric(3, 25, 2025), None, "2025-03-25"),
        (Numeric(4, 4, 2025), None, "2025-04-04"),
        (Numeric(7, 3, 2025), True, "2025-03-07"),
        (Numeric(7, 3, 2025), False, "2025-07-03"),
    ],
)
def test_numeric_dates(expr, dayfirst, expected) -> None:
    ev = Evidence(published=None, today=TODAY, dayfirst=dayfirst)
    assert span(expr, ev) == (expected, expected)


def test_an_ambiguous_numeric_date_without_a_style_is_unresolved() -> None:
    assert resolve(Numeric(7, 3, 2025), UNDATED) is None


def test_an_impossible_date_is_not_a_date() -> None:
    assert resolve(Day(2, 30, 2025), WEDNESDAY) is None
    assert resolve(Day(2, 29, 2025), WEDNESDAY) is None


def test_a_weekday_that_contradicts_the_date_lowers_confidence() -> None:
    right = resolve(Day(3, 7, None, 4), WEDNESDAY)
    wrong = resolve(Day(3, 7, None, 2), WEDNESDAY)
    assert (right.start, right.confidence) == ("2025-03-07", 0.95)
    assert (wrong.start, wrong.confidence) == ("2025-03-07", 0.6)


@pytest.mark.parametrize(
    "expr",
    [
        WeekdayRef(1),
        Ago("day", 1),
        PeriodRef("week", -1),
        PastSpan("year", 2),
        Day(3, 3),
        MonthRef(5),
    ],
)
def test_an_undated_text_leaves_relative_and_yearless_expressions_open(expr) -> None:
    assert resolve(expr, UNDATED) is None


def test_last_winter_in_january() -> None:
    ev = Evidence(published=date(2025, 1, 15), today=TODAY)
    assert span(SeasonRef(12, shift="last"), ev) == ("2023-12-01", "2024-02-29")


def test_evidence_of_an_undated_text() -> None:
    exprs = [Day(3, 14, 2023), Day(3, 7, None, 4), YearRef(2014), YearRef(2031), MonthRef(6, 2027)]
    ev = gather_evidence(exprs, published=None, today=TODAY)
    assert ev.explicit == (date(2023, 3, 14),)  # not the future June 2027
    assert ev.years == (2014,)  # not 2031
    assert ev.frame == date(2025, 3, 7)  # the weekday-dated day
    assert resolve(Day(3, 20), ev).start == "2025-03-20"
    assert resolve(Day(2, 29), ev, "past").start == "2024-02-29"  # past of what, unknown
    assert resolve(MonthRef(9, shift="last"), ev) is None  # counts from publication only


def test_a_weekday_date_alone_takes_the_latest_fitting_year_up_to_today() -> None:
    assert resolve(Day(11, 17, None, 0), UNDATED).start == "2025-11-17"
    assert resolve(Day(2, 29, None, 3), UNDATED).start == "2024-02-29"


def test_bare_years_are_a_floor() -> None:
    ev = gather_evidence([Day(3, 1, None, 5), YearRef(2014)], published=None, today=TODAY)
    assert resolve(Day(3, 1, None, 5), ev).start == "2025-03-01"  # also a Saturday in 2014


def test_dates_are_parsed_strictly(caplog) -> None:
    assert parse_date("2025-03-04T09:30:00Z") == date(2025, 3, 4)
    assert parse_date("2025-02-30") is None
    with caplog.at_level(logging.WARNING):
        assert parse_published("4 March") is None
    assert "4 March" in caplog.text
    assert parse_published(None) is None


days = st.dates(min_value=date(1950, 1, 1), max_value=date(2099, 12, 31))


@given(days, st.integers(min_value=-150, max_value=150), st.booleans())
def test_a_yearless_day_near_publication_is_found(day: date, offset: int, weekday: bool) -> None:
    ev = Evidence(published=day + timedelta(days=offset), today=TODAY)
    expr = Day(day.month, day.day, None, day.weekday() if weekday else None)
    assert resolve(expr, ev).start == day.isoformat()


@given(st.dates(min_value=date(1970, 1, 1), max_value=TODAY), st.integers(-120, 120))
def test_an_undated_weekday_date_near_the_texts_own_dates_is_found(day: date, offset: int) -> None:
    ev = Evidence(published=None, today=TODAY, explicit=(day + timedelta(days=offset),))
    value = resolve(Day(day.month, day.day, None, day.weekday()), ev)
    assert value.start == day.isoformat() and value.confidence == 0.8
