"""Tests for newsgraph.extract.textdump: real dump files in tmp_path, checked with
``with`` / ``without`` snippet lists and the metadata each dump gives."""

from __future__ import annotations

import calendar
import textwrap
from pathlib import Path

import dateparser
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.extract.textdump import (
    DATEPARSER_SETTINGS,
    TextDump,
    _common_date,
    is_date_line,
    parse_date,
    parse_text_dump,
)

BROWSER_SAVE = """\
Saved from: https://www.meridianpost.example/world/africa/2025/03/04/kenya-tea-growers-strike
Retrieved 5 March 2025 09:14

Skip to content
MERIDIAN POST
Menu
Home
World
Africa
Home > World > Africa

Kenyan tea growers down tools over falling leaf prices

Smallholders in Kericho say cooperative payouts no longer cover the cost of fertiliser.

By Amina Wanjiru in Kericho
Published 4 March 2025

Thousands of smallholder tea farmers across Kenya's western highlands stopped delivering \
green leaf to factories on Monday, in the largest stoppage the sector has seen in a decade, \
after cooperative payouts fell for a third consecutive season.

"We are picking at a loss and we cannot continue like this," said Grace Chepkoech, who \
farms two acres near Litein and has sold her leaf to the same factory for nineteen years.

Farmers picket a factory gate in Kericho on Monday. (Reuters)

The Kenya Tea Development Agency, which manages 71 factories on behalf of more than \
600,000 growers, said it was "deeply concerned" and urged farmers to return to their fields \
while talks continued.

“We are picking at a loss and we cannot continue like this”

Advertisement

Agriculture officials blamed a glut on the Mombasa auction and a stronger shilling, which \
has cut the value of export earnings, and said a review of factory levies was under way.

Follow Amina Wanjiru on X: @aminawanjiru

Amina Wanjiru is the Meridian Post's East Africa correspondent.

Share
Tweet
Email
Most read
Flooding closes main road to Kisumu
Copyright 2025 Meridian Post. All rights reserved.
"""

COPY_PASTE = """\
Lake Victoria ferry resumes service after three-week suspension
Joseph Otieno | March 11, 2025 10:32 GMT
The passenger ferry linking Kisumu to the islands of Lake Victoria sailed again on \
Tuesday morning, three weeks after inspectors grounded it over cracked lifeboat davits.
About 300 passengers, many of them traders carrying fish and maize flour, boarded the \
vessel at the Kisumu pier, where the port authority had installed new boarding gates.
"We lost three weeks of business, but at least now we know the boat is safe," said \
Beatrice Akinyi, who sells dried fish on Mfangano island.
Joseph Kiprono is a retired marine engineer who advised the inspectors; he said the repairs \
were thorough and the crew had been retrained on evacuation drills.
The port authority said a second vessel would join the route before the Easter holiday.
Share this article
"""

ARCHIVE_EXPORT = """\
<!-- saved from url=(0071)https://www.lakesidecourier.example/news/2025/02/27/uganda-fuel-levy -->
Archived from https://www.lakesidecourier.example/news/2025/02/27/uganda-fuel-levy on 2025-03-05
Title: Ugandan truckers protest new fuel levy at Malaba border | Lakeside Courier
Date: 27 February 2025
Author: Peter Ssemakula
-----
===== Page 1 =====

Ugandan truckers protest new fuel levy at Malaba border

Hundreds of lorry drivers parked their trucks across the approach road to the Malaba \
border post on Thursday, protesting against a fuel levy that they say has doubled the cost \
of a round trip to Mombasa.

The drivers' association said the levy, introduced in the budget last month, would be \
passed on to shoppers in Kampala within weeks.

===== Page 2 =====

Traffic backed up for nine kilometres on the Kenyan side by mid-afternoon, according to \
the border police, and customs officers suspended clearance of fuel tankers.

Finance ministry officials said they would meet the association on Monday.

Page 2 of 2
"""

HARD_WRAPPED_PARAGRAPHS = [
    "Rwanda's coffee washing stations have opened two weeks early this year after an "
    "unusually warm January ripened cherries across the southern province, cooperative "
    "managers in Huye said on Wednesday.",
    "Growers said prices paid at the station gate had risen to a record, driven by strong "
    "demand from roasters in Europe and a poor harvest in Brazil, although a shortage of "
    "pickers was slowing the work on the steeper hillsides.",
    "Agronomists warned that early-ripening cherries are more prone to uneven drying and "
    "urged stations to add raised beds before the main harvest begins in March.",
]


def dump_file(tmp_path: Path, text: str, name: str = "page.txt") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path.read_text(encoding="utf-8")


def check(dump: TextDump, *, with_: list[str], without: list[str]) -> None:
    for snippet in with_:
        assert snippet in dump.text, f"lost content: {snippet!r}"
    for snippet in without:
        assert snippet not in dump.text, f"furniture kept: {snippet!r}"


# --- whole dumps --------------------------------------------------------------------


def test_browser_save_as_text(tmp_path: Path) -> None:
    dump = parse_text_dump(dump_file(tmp_path, BROWSER_SAVE))
    assert dump.title == "Kenyan tea growers down tools over falling leaf prices"
    assert (
        dump.url
        == "https://www.meridianpost.example/world/africa/2025/03/04/kenya-tea-growers-strike"
    )
    assert dump.published == "2025-03-04"
    assert dump.author == "Amina Wanjiru"
    check(
        dump,
        with_=[
            "Smallholders in Kericho say cooperative payouts",
            "Thousands of smallholder tea farmers",
            '"We are picking at a loss and we cannot continue like this," said Grace',
            '"deeply concerned"',
            "a review of factory levies was under way.",
        ],
        without=[
            "Saved from",
            "Retrieved",
            "Skip to content",
            "MERIDIAN POST",
            "Home > World",
            "down tools over",
            "By Amina",
            "Published 4 March",
            "(Reuters)",
            "“We are picking",
            "Advertisement",
            "Follow Amina",
            "correspondent",
            "Tweet",
            "Most read",
            "Flooding closes",
            "Copyright",
        ],
    )
    assert dump.paragraphs[0].startswith("Smallholders in Kericho")
    assert dump.paragraphs[-1].endswith("a review of factory levies was under way.")


def test_copy_paste_without_headers_or_blank_lines(tmp_path: Path) -> None:
    dump = parse_text_dump(dump_file(tmp_path, COPY_PASTE))
    assert dump.title == "Lake Victoria ferry resumes service after three-week suspension"
    assert dump.author == "Joseph Otieno"
    assert dump.published == "2025-03-11"
    assert dump.url is None
    assert len(dump.paragraphs) == 5
    check(
        dump,
        with_=[
            "The passenger ferry linking Kisumu",
            "About 300 passengers",
            '"We lost three weeks of business',
            "Joseph Kiprono is a retired marine engineer",
            "before the Easter holiday.",
        ],
        without=["Joseph Otieno |", "10:32 GMT", "Share this article", "ferry resumes service"],
    )


def test_archiver_export(tmp_path: Path) -> None:
    dump = parse_text_dump(dump_file(tmp_path, ARCHIVE_EXPORT))
    assert dump.url == "https://www.lakesidecourier.example/news/2025/02/27/uganda-fuel-levy"
    assert dump.title == "Ugandan truckers protest new fuel levy at Malaba border"
    assert dump.published == "2025-02-27"  # the Date: header, not the archive date
    assert dump.author == "Peter Ssemakula"
    assert dump.paragraphs == (
        "Hundreds of lorry drivers parked their trucks across the approach road to the Malaba "
        "border post on Thursday, protesting against a fuel levy that they say has doubled the "
        "cost of a round trip to Mombasa.",
        "The drivers' association said the levy, introduced in the budget last month, would be "
        "passed on to shoppers in Kampala within weeks.",
        "Traffic backed up for nine kilometres on the Kenyan side by mid-afternoon, according "
        "to the border police, and customs officers suspended clearance of fuel tankers.",
        "Finance ministry officials said they would meet the association on Monday.",
    )


def test_title_header_kept_when_body_has_no_headline(tmp_path: Path) -> None:
    text = "Title: Malaba border reopens\nURL: https://news.example/malaba\n\n" + "\n\n".join(
        HARD_WRAPPED_PARAGRAPHS
    )
    dump = parse_text_dump(dump_file(tmp_path, text))
    assert dump.title == "Malaba border reopens"
    assert dump.url == "https://news.example/malaba"
    assert dump.paragraphs == tuple(HARD_WRAPPED_PARAGRAPHS)


@pytest.mark.parametrize("separator", ["\n\n", "\n"], ids=["blank-lines", "no-blank-lines"])
@pytest.mark.parametrize("width", [64, 72, 80])
def test_hard_wrapped_dump_is_unwrapped(tmp_path: Path, separator: str, width: int) -> None:
    headline = "Rwanda's coffee harvest starts early after warm January"
    byline = "By Claudine Uwase"
    wrapped = separator.join(textwrap.fill(p, width=width) for p in HARD_WRAPPED_PARAGRAPHS)
    text = f"{headline}\n\n{byline}\n\n{wrapped}\n"
    dump = parse_text_dump(dump_file(tmp_path, text))
    assert dump.title == headline
    assert dump.author == "Claudine Uwase"
    assert dump.paragraphs == tuple(HARD_WRAPPED_PARAGRAPHS)


def test_hand_wrapped_dump_with_hyphen_break(tmp_path: Path) -> None:
    text = """\
Goma traders count losses after week-long border closure

By Patrick Mugisha | 2 April 2025

Traders in Goma said on Wednesday that a week-long closure of the
Grande Barrière crossing had cost them most of their stock, as crates
of tomatoes and cabbages rotted on lorries waiting on the Rwandan
side.

Market women who cross daily to sell in Gisenyi said they had borrowed
from savings groups to pay for storage, and feared the sudden cross-
border closure could return without warning.
"""
    dump = parse_text_dump(dump_file(tmp_path, text))
    assert dump.author == "Patrick Mugisha"
    assert dump.published == "2025-04-02"
    assert len(dump.paragraphs) == 2
    assert (
        "crates of tomatoes and cabbages rotted on lorries waiting on the Rwandan side."
        in (dump.paragraphs[0])
    )
    assert dump.paragraphs[1].endswith(
        "feared the sudden cross-border closure could return without warning."
    )


def test_site_name_above_menu_bar_is_not_the_title(tmp_path: Path) -> None:
    text = (
        "Skip to content\n\nLakeside Courier\nNews  Local  Maritime  Business  Weather  Sport\n\n"
        "Home › Africa\n\nMalaba border reopens after truckers end protest\n\n"
        "By Peter Ssemakula\n12 March 2025\n\n" + "\n\n".join(HARD_WRAPPED_PARAGRAPHS)
    )
    dump = parse_text_dump(dump_file(tmp_path, text))
    assert dump.title == "Malaba border reopens after truckers end protest"
    assert (dump.author, dump.published) == ("Peter Ssemakula", "2025-03-12")
    assert dump.paragraphs == tuple(HARD_WRAPPED_PARAGRAPHS)


def test_all_caps_site_name_right_above_headline_is_not_the_title(tmp_path: Path) -> None:
    text = "THE LAKESIDE COURIER\n\nMalaba border reopens\n\nBy Peter Ssemakula\n\n" + (
        "\n\n".join(HARD_WRAPPED_PARAGRAPHS)
    )
    dump = parse_text_dump(dump_file(tmp_path, text))
    assert dump.title == "Malaba border reopens"
    assert dump.paragraphs == tuple(HARD_WRAPPED_PARAGRAPHS)


def test_wrapped_dump_with_long_headline_on_the_byline_line_above(tmp_path: Path) -> None:
    headline = "Rwanda's coffee washing stations open early as warm January ripens cherries"
    assert len(headline) > 72
    wrapped = "\n\n".join(textwrap.fill(p, width=72) for p in HARD_WRAPPED_PARAGRAPHS)
    text = f"{headline}\nBy Claudine Uwase | 5 February 2025\n\n{wrapped}\n"
    dump = parse_text_dump(dump_file(tmp_path, text))
    assert dump.title == headline
    assert (dump.author, dump.published) == ("Claudine Uwase", "2025-02-05")
    assert dump.paragraphs == tuple(HARD_WRAPPED_PARAGRAPHS)


def test_share_bar_between_title_and_byline(tmp_path: Path) -> None:
    text = "Malaba border reopens\n\nShare  Tweet  Email\n\nBy Peter Ssemakula\n\n" + (
        "\n\n".join(HARD_WRAPPED_PARAGRAPHS)
    )
    dump = parse_text_dump(dump_file(tmp_path, text))
    assert (dump.title, dump.author) == ("Malaba border reopens", "Peter Ssemakula")
    assert dump.paragraphs == tuple(HARD_WRAPPED_PARAGRAPHS)


# --- title and byline details -------------------------------------------------------


@pytest.mark.parametrize(
    ("byline_lines", "author", "published"),
    [
        (["By Amina Wanjiru"], "Amina Wanjiru", None),
        (["By Jan de Vries"], "Jan de Vries", None),
        (["By April Nyambura in Nakuru"], "April Nyambura", None),
        (["By Amina Wanjiru, East Africa correspondent"], "Amina Wanjiru", None),
        (["By Amina Wanjiru and Joseph Otieno"], "Amina Wanjiru and Joseph Otieno", None),
        (["Amina Wanjiru | 4 March 2025"], "Amina Wanjiru", "2025-03-04"),
        (["By Amina Wanjiru", "Published 4 March 2025"], "Amina Wanjiru", "2025-03-04"),
        (["Updated: 6 March 2025 08:15 EAT"], None, "2025-03-06"),
        (["Published: 4 March 2025", "Updated: 6 March 2025"], None, "2025-03-04"),
        (["March 4, 2025 10:32 GMT"], None, "2025-03-04"),
        (["Tue 4 Mar 2025 10.32 GMT"], None, "2025-03-04"),
        (["2025-03-04"], None, "2025-03-04"),
        (["By Amina Wanjiru · 4 March 2025 · 5 min read"], "Amina Wanjiru", "2025-03-04"),
    ],
)
def test_byline_lines_give_author_and_date(
    tmp_path: Path, byline_lines: list[str], author: str | None, published: str | None
) -> None:
    standfirst = "Growers say payouts no longer cover the cost of fertiliser."
    lines = ["Kenyan tea growers down tools", standfirst, *byline_lines, HARD_WRAPPED_PARAGRAPHS[0]]
    dump = parse_text_dump(dump_file(tmp_path, "\n\n".join(lines)))
    assert (dump.author, dump.published) == (author, published)
    assert dump.paragraphs == (standfirst, HARD_WRAPPED_PARAGRAPHS[0])


@pytest.mark.parametrize(
    "first",
    [
        "By Tuesday, the army had withdrawn from the last checkpoints around Goma.",
        "By Tuesday, Goma was calm",
    ],
)
def test_body_line_starting_with_by_is_not_a_byline(tmp_path: Path, first: str) -> None:
    text = f"Army leaves Goma checkpoints\n\n{first}\n\n{HARD_WRAPPED_PARAGRAPHS[1]}"
    dump = parse_text_dump(dump_file(tmp_path, text))
    assert dump.author is None
    assert dump.paragraphs == (first, HARD_WRAPPED_PARAGRAPHS[1])


@pytest.mark.parametrize(
    "first",
    [
        HARD_WRAPPED_PARAGRAPHS[0],
        # no final full stop, but far too long for a headline
        "Farmers in Huye told the cooperative on Wednesday: “We have never seen the cherries "
        "ripen this early, and we do not have enough hands on the hills to pick them all in "
        "time.”",
    ],
)
def test_long_first_paragraph_is_not_taken_as_title(tmp_path: Path, first: str) -> None:
    paragraphs = [first, *HARD_WRAPPED_PARAGRAPHS[1:]]
    dump = parse_text_dump(dump_file(tmp_path, "\n\n".join(paragraphs)))
    assert dump.title is None
    assert dump.paragraphs == tuple(paragraphs)


def test_byline_wins_over_headers_which_fill_in(tmp_path: Path) -> None:
    header = "Date: 5 March 2025\nAuthor: Meridian Post staff\n\n"
    with_byline = header + "Tea strike spreads\n\nBy Amina Wanjiru | 4 March 2025\n\n"
    dump = parse_text_dump(dump_file(tmp_path, with_byline + HARD_WRAPPED_PARAGRAPHS[0]))
    assert (dump.author, dump.published) == ("Amina Wanjiru", "2025-03-04")
    silent = header + "Tea strike spreads\n\n"
    dump = parse_text_dump(dump_file(tmp_path, silent + HARD_WRAPPED_PARAGRAPHS[0]))
    assert (dump.author, dump.published) == ("Meridian Post staff", "2025-03-05")


def test_empty_and_furniture_only_dumps(tmp_path: Path) -> None:
    assert parse_text_dump(dump_file(tmp_path, "")) == TextDump(None, ())
    only_nav = parse_text_dump(dump_file(tmp_path, "Skip to content\nHome\nWorld\nShare\n"))
    assert only_nav.paragraphs == ()
    assert only_nav.title is None


def test_windows_newlines_and_bom(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_bytes(("\ufeff" + COPY_PASTE).replace("\n", "\r\n").encode("utf-8"))
    with path.open(encoding="utf-8", newline="") as handle:
        raw = handle.read()
    assert "\r\n" in raw
    dump = parse_text_dump(raw)
    assert dump.title == "Lake Victoria ferry resumes service after three-week suspension"
    assert len(dump.paragraphs) == 5


# --- dates --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("4 March 2025", True),
        ("March 4, 2025 10:32 GMT", True),
        ("Tuesday 4 March 2025, 10:32 EAT", True),
        ("2025-03-04", True),
        ("04/03/2025", True),
        ("March 2025 was dry", False),
        ("Share", False),
        ("71 factories", False),
        ("Africa", False),
    ],
)
def test_is_date_line(text: str, expected: bool) -> None:
    assert is_date_line(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("4 March 2025", "2025-03-04"),
        ("Tue, 04 Mar 2025 10:32:00 +0000", "2025-03-04"),
        ("2025-03-04T10:32:00Z", "2025-03-04"),
        ("March 2025", "2025-03-01"),
        ("2025-02-30", None),
        ("no date here", None),
    ],
)
def test_parse_date(text: str, expected: str | None) -> None:
    assert parse_date(text) == expected


def _dateparser_date(text: str) -> str | None:
    parsed = dateparser.parse(text, languages=["en"], settings=DATEPARSER_SETTINGS)
    return None if parsed is None else parsed.date().isoformat()


def _common_shapes() -> list[str]:
    """Every day of a leap year and some impossible days, in the shapes parse_date reads
    without dateparser, plus near misses that must still reach it."""
    texts = []
    for month in range(1, 13):
        full, short = calendar.month_name[month], calendar.month_abbr[month]
        for day in (*range(1, 32), 0, 32):
            texts += [
                f"{day} {full} 2024",
                f"{day:02d} {short.upper()} 2023",
                f"{short} {day}, 2024",
            ]
            texts.append(f"2024-{month:02d}-{day:02d}T{day % 24:02d}:{day % 60:02d}:59+05:30")
        texts += [f"7 {full} 1", f"7 {full} 0999", f"{full} 7, 9999", f"7 {full.lower()} 2025"]
    texts += ["7 Sept 2025", "2025-03-04T23:59:59.123456-12:00", "2025-03-04T00:00Z"]
    texts += ["2025-03-04T24:00:00Z", "2025-03-04T10:60Z", "2025-03-04T10:00+15:00", "7 May, 2025"]
    return texts


def test_parse_date_gives_what_dateparser_gives() -> None:
    """The shortcuts for common shapes must not change a single result."""
    texts = _common_shapes()
    assert [parse_date(t) for t in texts] == [_dateparser_date(t) for t in texts]
    assert sum(_common_date(t) is not None for t in texts) > 1000  # the shortcuts ran


_DUMP_LINES = st.sampled_from(
    [
        "",
        "Title: Tea strike spreads",
        "Date: 31 February 2025",
        "URL: https://news.example/a",
        "<!-- saved from url=(0024)https://news.example/a -->",
        "===== Page 1 =====",
        "-----",
        "Skip to content",
        "By Amina Wanjiru | 4 March 2025",
        "By",
        "Published",
        "Updated: never",
        "4 March 2025",
        "2025-13-45",
        "Share",
        HARD_WRAPPED_PARAGRAPHS[0],
        "cross-",
        "“We cannot continue like this”",
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(_DUMP_LINES, st.text(max_size=60)), max_size=30))
def test_parse_text_dump_never_raises(lines: list[str]) -> None:
    dump = parse_text_dump("\n".join(lines))
    assert all(p.strip() for p in dump.paragraphs)
    assert dump.published is None or len(dump.published) == 10
