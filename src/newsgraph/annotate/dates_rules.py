"""The fast path of ``newsgraph_dates``: regular expressions that find date expressions
in text and parse them into small unresolved values (:data:`Expr`).

Nothing here knows the publication date: a parsed ``Day`` may lack its year, a
``WeekdayRef`` is only "Tuesday". :mod:`newsgraph.annotate.dates` resolves them to
calendar dates. Every pattern is compiled once, at import.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Literal

Part = Literal["early", "mid", "late"]
Shift = Literal["last", "next", "this"]
Unit = Literal["day", "week", "month", "year", "decade", "weekend"]


def _numbered(groups: str, start: int = 0) -> dict[str, int]:
    """``"january jan, february feb"`` -> {"january": 0, "jan": 0, "february": 1, ...}."""
    return {
        name: number
        for number, names in enumerate(groups.split(","), start=start)
        for name in names.split()
    }


MONTHS = _numbered(
    "january jan, february feb, march mar, april apr, may, june jun, july jul, august aug,"
    " september sep sept, october oct, november nov, december dec",
    start=1,
)
WEEKDAYS = _numbered(
    "monday mon, tuesday tue tues, wednesday wed, thursday thu thur thurs, friday fri,"
    " saturday sat, sunday sun"
)
NUMBER_WORDS = _numbered(
    "zero, one a an, two couple, three, four, five, six, seven, eight, nine, ten, eleven, twelve"
) | {"fifteen": 15, "twenty": 20, "thirty": 30}
SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
PARTS: dict[str, Part] = {"early": "early", "start": "early", "beginning": "early"}
PARTS |= {"mid": "mid", "middle": "mid", "late": "late", "end": "late"}


# --- parsed, unresolved values ------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Day:
    """A calendar day; ``year`` and ``weekday`` only when the text gives them.
    ``dayfirst`` records the written order ("7 March" True, "March 7" False)."""

    month: int
    day: int
    year: int | None = None
    weekday: int | None = None
    dayfirst: bool | None = None


@dataclass(frozen=True, slots=True)
class MonthRef:
    """A month, or part of one: "March 2025", "in March", "mid-June", "last September",
    "January last year" (``year_shift`` -1)."""

    month: int
    year: int | None = None
    part: Part | None = None
    shift: Shift | None = None
    year_shift: int | None = None


@dataclass(frozen=True, slots=True)
class YearRef:
    """A year, or part of one: "in 2023", "early 2024"."""

    year: int
    part: Part | None = None


@dataclass(frozen=True, slots=True)
class SeasonRef:
    """A season: "the spring of 2025", "this summer", "since the spring"."""

    month: int  # first month of the season
    year: int | None = None
    shift: Shift | None = None


@dataclass(frozen=True, slots=True)
class Decade:
    """A decade: "the 1990s", "the early 2000s"."""

    start: int
    part: Part | None = None


@dataclass(frozen=True, slots=True)
class Numeric:
    """A numeric date, "7/3/2025": which part is the day is unknown unless one is over 12."""

    first: int
    second: int
    year: int


@dataclass(frozen=True, slots=True)
class WeekdayRef:
    """A weekday: "on Tuesday", "last Friday", "Monday night"."""

    weekday: int
    shift: Shift | None = None


@dataclass(frozen=True, slots=True)
class Ago:
    """``count`` units before publication: "two days ago"; "yesterday" is one day,
    "today" zero, "tomorrow" minus one."""

    unit: Unit
    count: int


@dataclass(frozen=True, slots=True)
class PeriodRef:
    """The week, weekend, month or year containing the publication date, shifted:
    "last week" (-1), "this year" (0), "next month" (1); ``part`` narrows it:
    "earlier this month", "later this year", "the end of the month"."""

    unit: Unit
    shift: int
    part: Literal["earlier", "later", "early", "mid", "late"] | None = None


@dataclass(frozen=True, slots=True)
class PastSpan:
    """A period ending at publication: "the past week", "the past three years"."""

    unit: Unit
    count: int


@dataclass(frozen=True, slots=True)
class Range:
    """Two values of one kind: "from 10 to 12 June", "between 2018 and 2021"."""

    first: Day | MonthRef | YearRef
    last: Day | MonthRef | YearRef


Expr = (
    Day
    | MonthRef
    | YearRef
    | SeasonRef
    | Decade
    | Numeric
    | WeekdayRef
    | Ago
    | PeriodRef
    | PastSpan
    | Range
)


@dataclass(frozen=True, slots=True)
class Found:
    """One expression found in a text, with its character offsets."""

    start: int
    end: int
    expr: Expr


# --- pattern pieces -----------------------------------------------------------------

_FULL_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December)(?![a-z])"
)
_MONTH = rf"(?:{_FULL_MONTH}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?)"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\b"
_YEAR = r"(?:1[5-9]\d\d|20\d\d|21\d\d)\b(?![-–/]\d|,\d)"
_FULL_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
_WEEKDAY = rf"(?:{_FULL_WEEKDAY}|(?:Mon|Tues|Tue|Wed|Thurs|Thur|Thu|Fri|Sat|Sun)\b\.?)"
_DAYTIME = r"(?:(?i:morning|afternoon|evening|night))"
_OF_DAYTIME = r"(?:(?i:the)\s+(?:(?i:early\s+hours)|" + _DAYTIME + r")\s+of\s+)?"
_WD = rf"(?:{_OF_DAYTIME}(?P<wd>{_WEEKDAY}),?\s+)?"
_CONN = r"(?P<c>-|–|—|to|until|till|through|and)"
_PRE = r"(?:(?P<pre>(?i:from|between))\s+)?"
_PART = (
    r"(?:(?P<part>(?i:early|mid|late))[-\s]+"
    r"|(?:(?i:the)\s+)?(?P<edge>(?i:start|beginning|middle|end))\s+of\s+)"
)
_NUM = (
    r"(?P<n>\d{1,3}|(?i:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|fifteen|twenty|thirty|a\s+couple\s+of))"
)
_CUE = r"(?i:in|since|until|till|by|before|after|during|from|through|throughout|for|of)"

_NOUN_AFTER = re.compile(r"\s+[a-z]")
_SEASON_CUE = re.compile(_CUE + r"|over|by")
_NOT_DIGIT = re.compile(r"\D")

Builder = Callable[[re.Match[str]], Expr | None]


def _day_number(text: str) -> int:
    return int(_NOT_DIGIT.sub("", text))


def _month(text: str) -> int:
    return MONTHS[text.rstrip(".").lower()]


def _weekday(text: str | None) -> int | None:
    return WEEKDAYS[text.rstrip(".").lower()] if text else None


def _year(text: str | None) -> int | None:
    return int(text) if text else None


def _part(m: re.Match[str]) -> Part | None:
    groups = m.groupdict()
    word = groups.get("part") or groups.get("edge")
    return PARTS[word.lower()] if word else None


def _count(text: str) -> int:
    words = text.lower().split()
    word = "couple" if "couple" in words else words[0]
    return int(word) if word.isdigit() else NUMBER_WORDS[word]


def _connects(m: re.Match[str]) -> bool:
    """Whether the connector fits: "and" joins a range only after "between"."""
    between = (m.group("pre") or "").lower() == "between"
    return (m.group("c") == "and") == between


def _word_before(m: re.Match[str]) -> str:
    head = m.string[max(0, m.start() - 20) : m.start()].split()
    return head[-1].lower() if head else ""


# --- builders -----------------------------------------------------------------------


def _full_date(m: re.Match[str]) -> Expr | None:
    return Day(
        _month(m.group("m")),
        _day_number(m.group("d")),
        _year(m.group("y")),
        _weekday(m.group("wd")),
        dayfirst=m.start("d") < m.start("m"),
    )


def _iso(m: re.Match[str]) -> Expr | None:
    month, day = int(m.group("m")), int(m.group("d"))
    return Day(month, day, int(m.group("y"))) if 1 <= month <= 12 and 1 <= day <= 31 else None


def _numeric(m: re.Match[str]) -> Expr | None:
    first, second = int(m.group("a")), int(m.group("b"))
    if not (1 <= first <= 31 and 1 <= second <= 31) or min(first, second) > 12:
        return None
    return Numeric(first, second, int(m.group("y")))


def _day_range(m: re.Match[str]) -> Expr | None:
    if not _connects(m):
        return None
    month, year = _month(m.group("m")), _year(m.group("y"))
    first, last = _day_number(m.group("d1")), _day_number(m.group("d2"))
    if first >= last:
        return None
    dayfirst = m.start("d1") < m.start("m")
    return Range(Day(month, first, year, dayfirst=dayfirst), Day(month, last, year))


def _cross_range(m: re.Match[str]) -> Expr | None:
    if not _connects(m):
        return None
    dayfirst = m.start("d1") < m.start("m1")
    first = Day(_month(m["m1"]), _day_number(m["d1"]), _year(m["y1"]), dayfirst=dayfirst)
    return Range(first, Day(_month(m["m2"]), _day_number(m["d2"]), _year(m["y2"])))


def _month_range(m: re.Match[str]) -> Expr | None:
    if not _connects(m):
        return None
    first = MonthRef(_month(m.group("m1")), _year(m.group("y1")))
    return Range(first, MonthRef(_month(m.group("m2")), _year(m.group("y2"))))


def _year_range(m: re.Match[str]) -> Expr | None:
    first, tail = int(m.group("y1")), m.group("y2")
    last = first // 100 * 100 + int(tail) if len(tail) == 2 else int(tail)
    if not _connects(m) or not 1800 <= first < last <= 2100:
        return None
    return Range(YearRef(first), YearRef(last))


def _month_year(m: re.Match[str]) -> Expr | None:
    return MonthRef(_month(m.group("m")), int(m.group("y")), _part(m))


def _month_part(m: re.Match[str]) -> Expr | None:
    return MonthRef(_month(m.group("m")), part=_part(m))


def _is_name(text: str, end: int, month: str) -> bool:
    """Whether "May" names the politician ("in May's cabinet"), not the month."""
    return month == "May" and text.startswith(("'s", "’s"), end)


def _month_cue(m: re.Match[str]) -> Expr | None:
    if _is_name(m.string, m.end(), m.group("m")):
        return None
    return MonthRef(_month(m.group("m")))


def _year_part(m: re.Match[str]) -> Expr | None:
    return YearRef(int(m.group("y")), _part(m))


def _year_cue(m: re.Match[str]) -> Expr | None:
    year = int(m.group("y"))
    return YearRef(year) if 1800 <= year <= 2100 else None


def _decade(m: re.Match[str]) -> Expr | None:
    return Decade(int(m.group("dec")), _part(m))


def _ago(m: re.Match[str]) -> Expr | None:
    return Ago(m.group("u").lower(), _count(m.group("n")))


def _period(m: re.Match[str]) -> Expr | None:
    words = m.group("shift").lower().split()
    unit = m.group("u").lower()
    if words == ["the"] and unit != "weekend":
        return None
    shift = {"last": -1, "next": 1, "coming": 1}.get(words[0], 0)
    part = words[0] if words[0] in ("earlier", "later") else None
    return PeriodRef(unit, shift, part)


def _period_edge(m: re.Match[str]) -> Expr | None:
    shift = {"last": -1, "next": 1}.get((m.group("shift") or "").lower(), 0)
    return PeriodRef(m.group("u").lower(), shift, _part(m))


def _past_span(m: re.Match[str]) -> Expr | None:
    if m.group("n") is None and m.group(0).endswith("s"):
        return None  # "the past months": no length
    return PastSpan(m.group("u").lower(), _count(m.group("n")) if m.group("n") else 1)


def _weekday_shift(m: re.Match[str]) -> Expr | None:
    shift = m.group("shift").lower()
    return WeekdayRef(_weekday(m.group("wd")), "next" if shift == "coming" else shift)


def _weekday_ref(m: re.Match[str]) -> Expr | None:
    return WeekdayRef(_weekday(m.group("wd")))


def _month_shift(m: re.Match[str]) -> Expr | None:
    if m.group("m"):
        return MonthRef(_month(m.group("m")), shift=m.group("shift").lower())
    offset = {"last": -1, "this": 0, "next": 1}[m.group("shift_")]
    return MonthRef(_month(m.group("m_")), year_shift=offset)


def _season(m: re.Match[str]) -> Expr | None:
    month = SEASONS[m.group("s").lower()]
    if m.group("y"):
        return SeasonRef(month, int(m.group("y")))
    shift = (m.group("shift") or "").lower()
    if m.group("s").lower() == "fall":
        return None  # "the fall of the city"
    if not shift and _NOUN_AFTER.match(m.string, m.end()):
        return None  # "in winter conditions"
    if shift in ("", "the"):  # "the summer" is a date only after a preposition
        return SeasonRef(month) if _SEASON_CUE.fullmatch(_word_before(m)) else None
    return SeasonRef(month, shift=shift)


def _relative_day(m: re.Match[str]) -> Expr | None:
    word = (m.group("w") or m.group("w_") or m.group("w__")).lower()
    return Ago(
        "day", {"today": 0, "tonight": 0, "this": 0, "yesterday": 1, "last": 1}.get(word, -1)
    )


# --- the rules, longest match first when they overlap ------------------------------


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    build: Builder
    # Strings one of which every match contains, in lower case: a text (lower-cased)
    # without any is not scanned at all. Most texts have no "ago" and no season.
    needs: tuple[str, ...] = ()


def _rule(name: str, first: str, pattern: str, build: Builder, needs: str = "") -> Rule:
    """A rule whose matches begin with one of the characters ``first`` (a character
    class): checked first, it spares the full pattern at almost every position.
    ``needs``: see :attr:`Rule.needs` (space-separated)."""
    return Rule(name, re.compile(f"(?=[{first}])(?:{pattern})"), build, tuple(needs.split()))


_D1, _D2 = _DAY.replace("(?:", "(?P<d1>", 1), _DAY.replace("(?:", "(?P<d2>", 1)
_YEAR_OPT = r"(?:,?\s+(?P<{0}>" + _YEAR + "))?"

RULES: tuple[Rule, ...] = (
    _rule("iso", r"\d", r"\b(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)\b", _iso),
    _rule(
        "numeric",
        r"\d",
        r"(?<![\d/.])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4})(?![\d/])",
        _numeric,
        needs="/",
    ),
    _rule(
        "day_range",
        r"fFbBt\d",
        rf"\b{_PRE}(?:the\s+)?{_D1}\s*{_CONN}\s*(?:the\s+)?{_D2}(?:\s+of)?\s+(?P<m>{_MONTH})"
        + _YEAR_OPT.format("y"),
        _day_range,
    ),
    _rule(
        "month_day_range",
        r"fFbBJFMASOND",
        rf"\b{_PRE}(?P<m>{_MONTH})\s+{_D1}\s*{_CONN}\s*{_D2}" + _YEAR_OPT.format("y"),
        _day_range,
    ),
    _rule(
        "cross_range",
        r"fFbBt\d",
        rf"\b{_PRE}(?:the\s+)?{_D1}(?:\s+of)?\s+(?P<m1>{_MONTH}){_YEAR_OPT.format('y1')}"
        rf"\s*{_CONN}\s*(?:the\s+)?{_D2}(?:\s+of)?\s+(?P<m2>{_MONTH}){_YEAR_OPT.format('y2')}",
        _cross_range,
    ),
    _rule(
        "month_day_cross_range",
        r"fFbBJFMASOND",
        rf"\b{_PRE}(?P<m1>{_MONTH})\s+{_D1}{_YEAR_OPT.format('y1')}"
        rf"\s*{_CONN}\s*(?P<m2>{_MONTH})\s+{_D2}{_YEAR_OPT.format('y2')}",
        _cross_range,
    ),
    _rule(
        "month_range",
        r"fFbB",
        rf"\b(?P<pre>(?i:from|between))\s+(?P<m1>{_FULL_MONTH})(?:\s+(?P<y1>{_YEAR}))?"
        rf"\s+(?P<c>to|until|till|through|and)\s+(?P<m2>{_FULL_MONTH})(?:\s+(?P<y2>{_YEAR}))?",
        _month_range,
    ),
    _rule(
        "year_range",
        r"fFbB\d",
        rf"\b{_PRE}(?P<y1>\d{{4}})\s*{_CONN}\s*(?P<y2>\d{{4}}|\d\d)\b(?![-–/]\d|,\d|\s*%)",
        _year_range,
    ),
    _rule(
        "day_month_year",
        r"tTMWFS\d",
        rf"{_WD}\b(?:the\s+)?(?P<d>{_DAY})(?:\s+of)?\s+(?P<m>{_MONTH}),?\s+(?P<y>{_YEAR})",
        _full_date,
    ),
    _rule(
        "month_day_year",
        r"tTMWFSJAOND",
        rf"{_WD}\b(?P<m>{_MONTH})\s+(?:the\s+)?(?P<d>{_DAY}),?\s+(?P<y>{_YEAR})",
        _full_date,
    ),
    _rule(
        "day_month",
        r"tTMWFS\d",
        rf"{_WD}(?<![\d,.])\b(?:the\s+)?(?P<d>{_DAY})(?:\s+of)?\s+(?P<m>{_MONTH})(?P<y>)",
        _full_date,
    ),
    _rule(
        "month_day",
        r"tTMWFSJAOND",
        rf"{_WD}\b(?P<m>{_MONTH})\s+(?:the\s+)?(?P<d>{_DAY})(?![-–:,.]\d)(?P<y>)",
        _full_date,
    ),
    _rule(
        "month_year",
        r"eEmMlLtTsSbBJFMASOND",
        rf"\b{_PART}?(?P<m>{_MONTH})(?:\s+of)?,?\s+(?P<y>{_YEAR})",
        _month_year,
    ),
    _rule("month_part", r"eEmMlLtTsSbB", rf"\b{_PART}(?P<m>{_FULL_MONTH})", _month_part),
    _rule(
        "month_shift",
        r"lLnNtTJFMASOND",
        rf"\b(?:(?P<shift>(?i:last|next|this))\s+(?P<m>{_FULL_MONTH})"
        rf"|(?P<m_>{_FULL_MONTH})\s+(?P<shift_>last|next|this)\s+year\b)",
        _month_shift,
    ),
    _rule(
        "month_cue",
        r"iIsSuUtTbBaAdDfFoO",
        rf"\b{_CUE}\s+(?P<x>(?P<m>{_FULL_MONTH}))(?!\s+\d)",
        _month_cue,
    ),
    _rule("year_part", r"eEmMlLtTsSbB", rf"\b{_PART}(?P<y>{_YEAR})", _year_part),
    _rule(
        "year_cue",
        r"iIsSuUtTbBaAdDfFoO",
        rf"\b{_CUE}\s+(?P<x>(?P<y>\d{{4}}))\b(?![-–/]\d|,\d|\s*%)",
        _year_cue,
    ),
    _rule(
        "season",
        r"lLnNtTsSaAwWfF",
        r"\b(?:(?P<shift>(?i:last|next|this|the))\s+)?(?P<s>(?i:spring|summer|autumn|winter|fall))"
        rf"(?:(?:\s+of)?\s+(?P<y>{_YEAR}))?\b",
        _season,
        needs="spring summer autumn winter fall",
    ),
    _rule(
        "decade",
        r"tTeEmMlL\d",
        r"\b(?:(?i:the)\s+)?(?:(?P<part>(?i:early|mid|late))[-\s]+)?(?P<dec>(?:1[5-9]|20)\d0)['’]?s\b",
        _decade,
        needs="0s 0's 0’s",
    ),
    _rule(
        "relative_day",
        r"tTyYlL",
        rf"\b(?:(?P<w>(?i:today|tonight|yesterday|tomorrow))(?:\s+{_DAYTIME})?\b"
        r"|(?P<w_>(?i:this))\s+(?i:morning|afternoon|evening)\b|(?P<w__>(?i:last))\s+night\b)",
        _relative_day,
        needs="today yesterday tomorrow morning afternoon evening night",
    ),
    _rule(
        "ago",
        r"\daAoOtTfFsSeEnN",
        rf"\b{_NUM}\s+(?P<u>(?i:day|week|month|year|decade))s?\s+(?i:ago)\b",
        _ago,
        needs="ago",
    ),
    _rule(
        "period",
        r"lLnNtTcCeE",
        r"\b(?P<shift>(?i:last|next|this|coming|earlier\s+this|later\s+this|the))\s+"
        r"(?P<u>(?i:week|month|year|weekend))\b(?!s|-)",
        _period,
    ),
    _rule(
        "period_edge",
        r"tTsSbBmMeE",
        r"\b(?:(?i:the)\s+)?(?P<edge>(?i:start|beginning|middle|end))\s+of\s+"
        r"(?:the|this|(?P<shift>last|next))\s+(?P<u>week|month|year)\b",
        _period_edge,
    ),
    _rule(
        "past_span",
        r"tT",
        rf"\b(?i:the)\s+(?i:past|last)\s+(?:{_NUM}\s+)?(?P<u>(?i:day|week|month|year|decade))s?\b",
        _past_span,
        needs="past last",
    ),
    _rule(
        "weekday_shift",
        r"lLnNtTcC",
        rf"\b(?P<shift>(?i:last|next|this|coming))\s+(?P<wd>{_FULL_WEEKDAY})(?:\s+{_DAYTIME}\b)?",
        _weekday_shift,
    ),
    _rule(
        "weekday",
        r"tTMWFS",
        rf"{_OF_DAYTIME}\b(?P<wd>{_FULL_WEEKDAY})(?:\s+{_DAYTIME}\b)?",
        _weekday_ref,
    ),
)


# --- finding and parsing ------------------------------------------------------------


def _span(m: re.Match[str]) -> tuple[int, int]:
    return m.span("x") if "x" in m.re.groupindex else m.span()


def _matches(text: str) -> Iterator[tuple[int, int, int, Expr]]:
    # (?i:...) also matches these two letters, which lower() leaves as they are
    lowered = text.lower().replace("ı", "i").replace("ſ", "s")
    for priority, rule in enumerate(RULES):
        if rule.needs and not any(word in lowered for word in rule.needs):
            continue
        for m in rule.pattern.finditer(text):
            expr = rule.build(m)
            if expr is not None:
                start, end = _span(m)
                yield start, end, priority, expr


def find_expressions(text: str) -> list[Found]:
    """Every date expression the rules recognise in ``text``, without overlaps: where
    two matches overlap the longer wins (then the earlier rule). Sorted by offset."""
    taken = bytearray(len(text))
    found: list[Found] = []
    for start, end, _, expr in sorted(_matches(text), key=lambda t: (t[0] - t[1], t[2], t[0])):
        if not any(taken[start:end]):
            taken[start:end] = b"\x01" * (end - start)
            found.append(Found(start, end, expr))
    return sorted(found, key=lambda f: f.start)


_BARE_MONTH = re.compile(rf"(?:(?i:the)\s+)?(?P<m>{_FULL_MONTH})")
_BARE_YEAR = re.compile(r"(?:(?i:the)\s+)?(?P<y>1[89]\d\d|20\d\d)")


def parse_expression(text: str, start: int, end: int) -> Expr | None:
    """The value of ``text[start:end]`` (a date entity spaCy found) when a rule matches
    it whole, or when it is a bare month ("the May ceasefire") or year ("2015")."""
    for rule in RULES:
        m = rule.pattern.fullmatch(text, start, end)
        if m is not None and _span(m) == (start, end):
            expr = rule.build(m)
            if expr is not None:
                return expr
    if (m := _BARE_MONTH.fullmatch(text, start, end)) and not _is_name(text, end, m["m"]):
        return MonthRef(_month(m.group("m")))
    if m := _BARE_YEAR.fullmatch(text, start, end):
        return YearRef(int(m.group("y")))
    return None


_DATE_WORD = re.compile(rf"{_MONTH}|{_FULL_WEEKDAY}|\b(?:1[89]|20)\d\d\b")
_NOT_A_DATE = re.compile(
    r"(?i)-year-old|\b(?:later|earlier|every|each|ago|after|before|since|for|per)\b"
)


def worth_fallback(text: str, start: int, end: int) -> bool:
    """Whether a date entity ``text[start:end]`` the rules could not read names a
    calendar date at all (a month, a weekday or a year) and is not a duration, an age,
    a relative phrase or a politician."""
    entity = text[start:end]
    return (
        _DATE_WORD.search(entity) is not None
        and _NOT_A_DATE.search(entity) is None
        and not _is_name(text, end, entity)
    )
