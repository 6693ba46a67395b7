"""The regular-expression pass of ``newsgraph_dates``, on plain strings (no spaCy)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

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
    find_expressions,
    parse_expression,
    worth_fallback,
)

MONTH_NAMES = [date(2000, m, 1).strftime("%B") for m in range(1, 13)]
WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def expressions(text: str) -> list[tuple[str, object]]:
    return [(text[f.start : f.end], f.expr) for f in find_expressions(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("signed on 14 March 2025 in Doha", ("14 March 2025", Day(3, 14, 2025, dayfirst=True))),
        ("on March 3rd, 2025, officials", ("March 3rd, 2025", Day(3, 3, 2025, dayfirst=False))),
        ("met on Friday, 7 March, in", ("Friday, 7 March", Day(3, 7, None, 4, dayfirst=True))),
        ("on Tue., 4 March the", ("Tue., 4 March", Day(3, 4, None, 1, dayfirst=True))),
        ("on the 7th of March", ("the 7th of March", Day(3, 7, dayfirst=True))),
        ("due on Sept. 5, 2025", ("Sept. 5, 2025", Day(9, 5, 2025, dayfirst=False))),
        ("dated 2025-03-07.", ("2025-03-07", Day(3, 7, 2025))),
        ("dated 7/3/2025.", ("7/3/2025", Numeric(7, 3, 2025))),
        ("in June 2025, when", ("June 2025", MonthRef(6, 2025))),
        ("rose in mid-June", ("mid-June", MonthRef(6, part="mid"))),
        ("by the end of August", ("the end of August", MonthRef(8, part="late"))),
        ("in early 2024", ("early 2024", YearRef(2024, "early"))),
        ("sanctions last September", ("last September", MonthRef(9, shift="last"))),
        ("in January last year", ("January last year", MonthRef(1, year_shift=-1))),
        ("fell in February.", ("February", MonthRef(2))),
        ("was dissolved in 2023 after", ("2023", YearRef(2023))),
        ("the spring of 2025", ("the spring of 2025", SeasonRef(3, 2025))),
        ("closed since the autumn.", ("the autumn", SeasonRef(9))),
        ("songs of the 1990s", ("the 1990s", Decade(1990))),
        ("the talks collapsed yesterday", ("yesterday", Ago("day", 1))),
        ("Tomorrow morning the", ("Tomorrow morning", Ago("day", -1))),
        ("a bomb two days ago", ("two days ago", Ago("day", 2))),
        ("a couple of weeks ago", ("a couple of weeks ago", Ago("week", 2))),
        ("Earlier this month the", ("Earlier this month", PeriodRef("month", 0, "earlier"))),
        ("vote next week", ("next week", PeriodRef("week", 1))),
        ("at the weekend", ("the weekend", PeriodRef("weekend", 0))),
        ("before the end of the month", ("the end of the month", PeriodRef("month", 0, "late"))),
        ("over the past three years", ("the past three years", PastSpan("year", 3))),
        ("will meet next Tuesday", ("next Tuesday", WeekdayRef(1, "next"))),
        ("met on Monday night", ("Monday night", WeekdayRef(0))),
        ("between 2018 and 2021.", ("between 2018 and 2021", Range(YearRef(2018), YearRef(2021)))),
        ("Japan's 1910-45 rule", ("1910-45", Range(YearRef(1910), YearRef(1945)))),
        (
            "from March to May 2024",
            ("from March to May 2024", Range(MonthRef(3), MonthRef(5, 2024))),
        ),
    ],
)
def test_one_expression(text, expected) -> None:
    assert expressions(text) == [expected]


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("from 10 to 12 June", Day(6, 10, dayfirst=True), Day(6, 12)),
        ("between 3 and 5 May", Day(5, 3, dayfirst=True), Day(5, 5)),
        ("10-12 June", Day(6, 10, dayfirst=True), Day(6, 12)),
        ("10–12 June 2025", Day(6, 10, 2025, dayfirst=True), Day(6, 12, 2025)),
        ("June 10-12", Day(6, 10, dayfirst=False), Day(6, 12)),
        ("from 20 April to 19 July", Day(4, 20, dayfirst=True), Day(7, 19)),
        ("from April 1 to June 30", Day(4, 1, dayfirst=False), Day(6, 30)),
        (
            "from 28 December 2024 to 3 January 2025",
            Day(12, 28, 2024, dayfirst=True),
            Day(1, 3, 2025),
        ),
    ],
)
def test_ranges(text, first, last) -> None:
    assert expressions(f"The talks ran {text}, officials said.") == [(text, Range(first, last))]


@pytest.mark.parametrize(
    "text",
    [
        "A 54-year-old teacher",
        "for three years",
        "eleven weeks of talks",
        "at 10:30 on the dot",
        "arrested 2,000 protesters",
        "between 20 and 30 people",
        "from 2 to 3 per cent",
        "Mayor Adams met the Sun reporters",
        "the Arab Spring",
        "the fall of the city",
        "in May's cabinet",
        "the past months",
        "3/25",
    ],
)
def test_not_dates(text) -> None:
    assert expressions(text) == []


def test_and_joins_two_days_only_after_between() -> None:
    assert expressions("on 3 and 5 May") == [("5 May", Day(5, 5, dayfirst=True))]


def test_the_longest_overlapping_match_wins() -> None:
    text = "on the evening of Saturday, 23 August, and from 1 to 3 September 2025"
    assert [t for t, _ in expressions(text)] == [
        "the evening of Saturday, 23 August",
        "from 1 to 3 September 2025",
    ]


def test_parse_expression_reads_a_whole_entity() -> None:
    text = "the May ceasefire and the 2015 earthquake and a 52-year-old and Friday, 7 March"
    assert parse_expression(text, 4, 7) == MonthRef(5)
    assert parse_expression(text, 26, 30) == YearRef(2015)
    start = text.index("52")
    assert parse_expression(text, start, start + len("52-year-old")) is None
    start = text.index("Friday")
    assert parse_expression(text, start, len(text)) == Day(3, 7, None, 4, dayfirst=True)


@pytest.mark.parametrize(
    ("entity", "worth"),
    [
        ("Mar-05-2025", True),
        ("the week of 10 March", True),
        ("three years", False),
        ("a year later", False),
        ("52-year-old", False),
        ("Christmas", False),
    ],
)
def test_worth_fallback(entity, worth) -> None:
    assert worth_fallback(entity, 0, len(entity)) is worth


days = st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31))


@given(days)
def test_any_full_date_parses(day: date) -> None:
    month = MONTH_NAMES[day.month - 1]
    for text, dayfirst in (
        (f"{day.day} {month} {day.year}", True),
        (f"{month} {day.day}, {day.year}", False),
    ):
        assert expressions(f"It happened on {text}.") == [
            (text, Day(day.month, day.day, day.year, dayfirst=dayfirst))
        ]


@given(days)
def test_any_weekday_date_parses(day: date) -> None:
    text = f"{WEEKDAY_NAMES[day.weekday()]}, {day.day} {MONTH_NAMES[day.month - 1]}"
    expected = Day(day.month, day.day, None, day.weekday(), dayfirst=True)
    assert expressions(f"The vote was held on {text}, officials said.") == [(text, expected)]


fragments = st.sampled_from(
    [
        "on 3 March",
        "from 10 to 12 June",
        "Friday, 7 March 2025",
        "last week",
        "in 2023",
        "two days ago",
        "between 2018 and 2021",
        "mid-June",
        "12",
        "people",
        ", ",
        "and",
        "May",
        "the",
        "-",
    ]
)


@given(st.lists(fragments, max_size=12))
def test_matches_never_overlap_and_are_in_order(parts: list[str]) -> None:
    found = find_expressions(" ".join(parts))
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))


def test_weekday_numbers_follow_the_calendar() -> None:
    monday = date(2025, 3, 10)
    for offset, name in enumerate(WEEKDAY_NAMES):
        found = expressions(f"on {name}")
        assert found == [(name, WeekdayRef((monday + timedelta(days=offset)).weekday()))]
