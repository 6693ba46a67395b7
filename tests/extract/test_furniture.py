"""Tests for newsgraph.extract.furniture: each rule removes its furniture and keeps the
article text around it. Bodies are written as files in tmp_path and read back, the way
the extractor hands them over."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.extract.furniture import (
    _BIO_TAIL,
    _NAME,
    _is_bio,
    is_menu_line,
    normalise_words,
    remove_furniture,
)

LEDE = (
    "Thousands of smallholder tea farmers across Kenya's western highlands stopped "
    "delivering green leaf to factories on Monday, the largest stoppage in a decade."
)
CONTEXT_QUOTE = (
    "Grace Chepkoech, who has farmed two acres near Litein for nineteen years, said the "
    "payouts had collapsed. “We are picking at a loss and we cannot continue like this,” "
    "she told reporters at the factory gate, holding up her last payment slip."
)
ONE_OFF_QUOTE = (
    "“Nobody in this valley remembers a season when the bonus was this small,” said "
    "Joseph Kiprono, a factory director."
)
AGENCY = (
    "The Kenya Tea Development Agency, which manages 71 factories, said it was deeply "
    "concerned and urged farmers to return to their fields while talks continued."
)
CLOSING = (
    "Talks between the cooperative boards and the agriculture ministry are due to resume "
    "in Nairobi on Thursday, officials said."
)


def body_from_file(tmp_path: Path, paragraphs: list[str]) -> list[str]:
    """Write paragraphs to a file, blank-line separated, and read them back."""
    path = tmp_path / "body.txt"
    path.write_text("\n\n".join(paragraphs), encoding="utf-8")
    return path.read_text(encoding="utf-8").split("\n\n")


def clean(tmp_path: Path, paragraphs: list[str], **kwargs: str) -> list[str]:
    return remove_furniture(body_from_file(tmp_path, paragraphs), **kwargs)


def check(kept: list[str], *, with_: list[str], without: list[str]) -> None:
    text = "\n".join(kept)
    for snippet in with_:
        assert snippet in text, f"lost content: {snippet!r}"
    for snippet in without:
        assert snippet not in text, f"furniture kept: {snippet!r}"


# --- normalisation ------------------------------------------------------------------


def test_normalise_words_folds_quotes_case_and_punctuation() -> None:
    assert normalise_words("“We’ll GO,” she said — «now».") == normalise_words(
        '"we\'ll go" she said now'
    )


# --- pull-quotes --------------------------------------------------------------------


@pytest.mark.parametrize(
    "pull_quote",
    [
        "“We are picking at a loss and we cannot continue like this”",
        '"We are picking at a loss and we cannot continue like this."',
        "‘We are picking at a loss and we cannot continue like this’",
        "«We are picking at a loss and we cannot continue like this»",
        "„We are picking at a loss and we cannot continue like this“",
        "We are picking at a loss and we cannot continue like this",
        "“picking at a loss and we cannot continue”",
    ],
)
def test_standalone_pull_quote_goes_and_context_stays(tmp_path: Path, pull_quote: str) -> None:
    kept = clean(tmp_path, [LEDE, CONTEXT_QUOTE, AGENCY, pull_quote, CLOSING])
    assert kept == [LEDE, CONTEXT_QUOTE, AGENCY, CLOSING]


def test_pull_quote_placed_before_its_source_still_goes(tmp_path: Path) -> None:
    pull = "“We cannot continue like this,” says Grace Chepkoech, a tea farmer"
    source = (
        "Farmers gathered outside the factory before dawn. “We cannot continue like this,” "
        "says Grace Chepkoech, a tea farmer, as she waited with her neighbours for news."
    )
    kept = clean(tmp_path, [LEDE, pull, source, CLOSING])
    assert kept == [LEDE, source, CLOSING]


def test_one_off_quotation_paragraph_stays(tmp_path: Path) -> None:
    paragraphs = [LEDE, ONE_OFF_QUOTE, AGENCY, CLOSING]
    assert clean(tmp_path, paragraphs) == paragraphs


@pytest.mark.parametrize(
    "template",
    [
        "Her words echoed across the valley. {shared} Other growers at the meeting in Kericho "
        "described borrowing money to pay pickers, selling cattle to cover school fees and "
        "abandoning plots of old tea bushes that no longer paid their way.",
        # about 60% of this paragraph repeats the quote: still below the 80% bar
        "Her neighbours nodded as she spoke: {shared} Nobody disagreed.",
    ],
)
def test_paragraph_sharing_a_sentence_but_mostly_new_stays(tmp_path: Path, template: str) -> None:
    recap = template.format(shared="We are picking at a loss and we cannot continue like this.")
    paragraphs = [LEDE, CONTEXT_QUOTE, recap, CLOSING]
    assert clean(tmp_path, paragraphs) == paragraphs


def test_identical_paragraph_repeated_keeps_the_first(tmp_path: Path) -> None:
    kept = clean(tmp_path, [LEDE, AGENCY, CLOSING, AGENCY])
    assert kept == [LEDE, AGENCY, CLOSING]


def test_short_quoted_fragment_repeat_goes(tmp_path: Path) -> None:
    kept = clean(tmp_path, [LEDE, CONTEXT_QUOTE, "“we cannot continue like”", AGENCY, CLOSING])
    assert kept == [LEDE, CONTEXT_QUOTE, AGENCY, CLOSING]


def test_short_unquoted_fragment_that_is_no_sentence_stays(tmp_path: Path) -> None:
    paragraphs = [LEDE, CONTEXT_QUOTE, "Picking at a loss", AGENCY, CLOSING]
    assert clean(tmp_path, paragraphs) == paragraphs


def test_short_standalone_sentence_repeat_goes(tmp_path: Path) -> None:
    source = (
        "Officials at the ministry would not say when the bonus would be paid. Nobody "
        "answered calls. The farmers waited outside until dusk before walking home."
    )
    kept = clean(tmp_path, [LEDE, source, "“Nobody answered calls.”", CLOSING])
    assert kept == [LEDE, source, CLOSING]


# --- captions -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "caption",
    [
        "Farmers picket a factory gate in Kericho on Monday. [AFP]",
        "Farmers picket a factory gate in Kericho on Monday (Reuters)",
        "A picker weighs green leaf near Litein. (AP Photo/Brian Otieno)",
        "Pickers wait to be paid in Bomet. Photo: Daniel Kiprop/AFP",
        "Pickers wait to be paid in Bomet. Tony Mwangi/AFP via Getty Images",
        "Tea bushes on a hillside in Nandi county. Credit: Meridian Post",
        "Tea bushes on a hillside in Nandi county. Image: Getty Images",
        "A factory clerk counts payment slips © Wanjiku Mbugua",
        "Photo: Daniel Kiprop/AFP. A farmer sorts leaf at dawn",
        "(File photo) A collection centre near Kapsabet",
        "Pickers at work on an estate in Kericho in 2023. (Photograph by Esther Njeri)",
        "Lorries queue at a weighbridge outside Kapsabet. [KTDA]",
    ],
)
def test_caption_goes(tmp_path: Path, caption: str) -> None:
    check(
        clean(tmp_path, [LEDE, caption, AGENCY, CLOSING]),
        with_=[LEDE[:40], AGENCY[:40], CLOSING[:40]],
        without=[caption[:30]],
    )


def test_caption_like_sentence_inside_long_paragraph_stays(tmp_path: Path) -> None:
    long_paragraph = (
        "The cooperative published its own account of the stoppage on Tuesday, together "
        "with pictures of empty weighing sheds and a letter to the ministry signed by 40 "
        "factory directors, who warned that the season's leaf would rot on the bushes "
        "unless prices recovered. The pictures carried the line Photo: Kericho Growers/AFP"
    )
    paragraphs = [LEDE, long_paragraph, CLOSING]
    assert clean(tmp_path, paragraphs) == paragraphs


@pytest.mark.parametrize(
    "paragraph",
    [
        "NAIROBI (Reuters) - Kenyan tea farmers stopped deliveries on Monday.",
        "(Reuters) - Kenyan tea farmers stopped deliveries to factories on Monday.",
        "The figures were confirmed to the Associated Press (AP).",
        "Prices were first reported by Agence France-Presse (AFP).",
        "The sign at the gate read “Wellcome to Litein” [sic]",
        "“If [the agency] pays on time, we will pick,” she said.",
    ],
)
def test_dateline_and_acronym_are_not_captions(tmp_path: Path, paragraph: str) -> None:
    paragraphs = [paragraph, LEDE, CLOSING]
    assert clean(tmp_path, paragraphs) == paragraphs


# --- follow lines, interstitials ----------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Follow Amina Wanjiru on Twitter: @aminawanjiru",
        "Follow us on X @meridianpost",
        "Follow Meridian Post Africa on Facebook, Instagram and TikTok",
        "You can follow Amina on Bluesky at @amina.example",
        "Twitter: @aminawanjiru",
    ],
)
def test_follow_line_goes(tmp_path: Path, line: str) -> None:
    assert clean(tmp_path, [LEDE, AGENCY, line, CLOSING]) == [LEDE, AGENCY, CLOSING]


def test_follow_up_sentence_stays(tmp_path: Path) -> None:
    paragraphs = [LEDE, "Follow-up talks will be streamed on YouTube, the ministry said.", CLOSING]
    assert clean(tmp_path, paragraphs) == paragraphs


def test_newsletter_signup_and_promo_go_mid_body(tmp_path: Path) -> None:
    paragraphs = [
        LEDE,
        "Sign up for our newsletter",
        "The Morning Brief: the day's headlines, straight to your inbox.",
        AGENCY,
        CLOSING,
    ]
    assert clean(tmp_path, paragraphs) == [LEDE, AGENCY, CLOSING]


def test_paragraph_after_signup_without_promo_words_stays(tmp_path: Path) -> None:
    after = "Factory managers said they had not been told when the talks would end."
    paragraphs = [LEDE, "Sign up for our newsletter", after, CLOSING]
    assert clean(tmp_path, paragraphs) == [LEDE, after, CLOSING]


@pytest.mark.parametrize(
    "line",
    [
        "Advertisement",
        "ADVERTISEMENT",
        "Story continues below advertisement",
        "Read more: Why Kenya's tea auction prices keep falling",
        "Also read: Kericho farmers turn to avocados",
    ],
)
def test_interstitial_goes_mid_body(tmp_path: Path, line: str) -> None:
    assert clean(tmp_path, [LEDE, line, AGENCY, CLOSING]) == [LEDE, AGENCY, CLOSING]


# --- edge widgets and menus ---------------------------------------------------------


def test_trailing_widgets_and_leading_menu_go(tmp_path: Path) -> None:
    paragraphs = [
        "Skip to content",
        "Menu",
        "Home > World > Africa",
        "World | Africa",
        LEDE,
        AGENCY,
        CLOSING,
        "Share this article",
        "Share Tweet Email",
        "Comments",
        "Sign up for our newsletter",
        "Listen live",
        "Back to top",
        "Copyright 2025 Meridian Post Ltd. All rights reserved.",
        "We use cookies to improve your experience. Accept",
    ]
    assert clean(tmp_path, paragraphs) == [LEDE, AGENCY, CLOSING]


def test_tail_mixing_widgets_caption_bio_and_follow_line_goes(tmp_path: Path) -> None:
    paragraphs = [
        LEDE,
        AGENCY,
        CLOSING,
        "Share",
        "Tweet",
        "Email",
        "Sign up for our newsletter",
        "Lorries queue at a weighbridge outside Kapsabet. [KTDA]",
        "Amina Wanjiru is the Meridian Post's East Africa correspondent. She reports from "
        "Nairobi and Kampala.",
        "Follow Amina Wanjiru on Twitter: @aminawanjiru",
    ]
    assert clean(tmp_path, paragraphs) == [LEDE, AGENCY, CLOSING]


def test_trailing_related_block_goes(tmp_path: Path) -> None:
    paragraphs = [
        LEDE,
        AGENCY,
        CLOSING,
        "Related",
        "Kericho county bans night deliveries of green leaf",
        "Why tea auction prices in Mombasa keep falling",
        "Most read",
        "Flooding closes main road to Kisumu",
    ]
    assert clean(tmp_path, paragraphs) == [LEDE, AGENCY, CLOSING]


def test_menu_words_inside_the_body_stay(tmp_path: Path) -> None:
    subhead = "Analysis"  # a section name used as a subheading mid-article
    paragraphs = [LEDE, subhead, AGENCY, ONE_OFF_QUOTE, CLOSING]
    assert clean(tmp_path, paragraphs) == paragraphs


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Share", True),
        ("Most read", True),
        ("Home > World > Africa", True),
        ("News › Africa › Kenya", True),
        ("Kenya | Politics", True),
        ("Copyright © 2025 Meridian Post", True),
        ("(c) 2025 Meridian Post", True),
        ("News  Local  Maritime  Business  Weather  Sport", True),
        ("Kenyan Farmers Reject New Tea Levy Deal", False),
        ("World Leaders Gather In Nairobi", False),
        ("Business Leaders Warn Over Weather", False),
        ("Amina Wanjiru | 4 March 2025", False),
        ("Kenyan tea growers down tools", False),
        (LEDE, False),
    ],
)
def test_is_menu_line(line: str, expected: bool) -> None:
    assert is_menu_line(line) is expected


# --- author bio and staff credits ---------------------------------------------------


@pytest.mark.parametrize(
    "bio",
    [
        "Amina Wanjiru is the Meridian Post's East Africa correspondent.",
        "Amina Wanjiru is a freelance journalist based in Nairobi.",
        "Daniel Kiprop Rotich is an editor on the Africa desk.",
        "Esther Njeri reported from Kericho.",
        "Joseph Otieno contributed reporting from Nairobi.",
        "Additional reporting by Esther Njeri in Bomet",
        "Reporting by Amina Wanjiru; Editing by Peter Maina",
        "(Reporting by Amina Wanjiru; Writing by Joseph Otieno; Editing by Peter Maina)",
    ],
)
def test_author_bio_and_credits_at_end_go(tmp_path: Path, bio: str) -> None:
    kept = clean(tmp_path, [LEDE, AGENCY, CLOSING, bio, "Share"])
    assert kept == [LEDE, AGENCY, CLOSING]


def test_bio_before_a_correction_note_goes_and_the_note_stays(tmp_path: Path) -> None:
    bio = "Amina Wanjiru is the Meridian Post's East Africa correspondent."
    note = "This article was amended on 6 March 2025 to correct the number of factories."
    kept = clean(tmp_path, [LEDE, AGENCY, CLOSING, bio, note])
    assert kept == [LEDE, AGENCY, CLOSING, note]


def test_bio_followed_by_follow_line_and_credit_goes(tmp_path: Path) -> None:
    paragraphs = [
        LEDE,
        AGENCY,
        CLOSING,
        "Additional reporting by Esther Njeri",
        "Amina Wanjiru is the Meridian Post's East Africa correspondent.",
        "Follow Amina on X: @aminawanjiru",
    ]
    assert clean(tmp_path, paragraphs) == [LEDE, AGENCY, CLOSING]


def test_bio_of_given_author_with_lowercase_particle_goes(tmp_path: Path) -> None:
    bio = "Amina wa Kamau is a correspondent for the Meridian Post in Kampala."
    kept = clean(tmp_path, [LEDE, AGENCY, CLOSING, bio], author="Amina wa Kamau")
    assert kept == [LEDE, AGENCY, CLOSING]


_BYLINES = st.sampled_from(["Amina wa Kamau", " (AP) Amina", "", "  ", "J.R. Stone", "a+b"])
_BIO_PIECES = st.sampled_from(
    [
        "Amina wa Kamau",
        "(AP) Amina",
        "J.R. Stone",
        "a+b",
        " is a ",
        "correspondent",
        "—",
        ".",
        " reported from Kisumu",
        "Joseph Kiprono",
        " ",
        "“",
        "the",
        "writer",
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_BIO_PIECES, max_size=8).map("".join), _BYLINES)
def test_bio_test_is_the_one_pattern_with_the_byline_in_it(text: str, author: str) -> None:
    """_is_bio tries the byline name without compiling a pattern per page; it must agree
    with the single pattern ``^\\W*(?:AUTHOR|NAME)TAIL`` it stands for."""
    name = rf"(?:{re.escape(author.strip())}|{_NAME})" if author else _NAME
    pattern = re.compile(rf"^\W*{name}{_BIO_TAIL}")
    assert _is_bio(text, author) == bool(pattern.match(text))


def test_name_is_a_sentence_mid_article_stays(tmp_path: Path) -> None:
    mid = "Joseph Kiprono is a former reporter who now runs the largest factory in Nandi."
    paragraphs = [LEDE, mid, AGENCY, ONE_OFF_QUOTE, CLOSING]
    assert clean(tmp_path, paragraphs) == paragraphs


def test_closing_sentence_about_non_journalist_stays(tmp_path: Path) -> None:
    last = "Grace Chepkoech is a mother of four and the chair of her village tea committee."
    paragraphs = [LEDE, AGENCY, CLOSING, last]
    assert clean(tmp_path, paragraphs) == paragraphs


# --- title, contract ----------------------------------------------------------------


@pytest.mark.parametrize(
    "title",
    [
        "Kenyan tea growers down tools over falling leaf prices",
        "Kenyan tea growers down tools over falling leaf prices | Meridian Post",
    ],
)
def test_repeated_headline_goes(tmp_path: Path, title: str) -> None:
    headline = "Kenyan tea growers down tools over falling leaf prices"
    kept = clean(tmp_path, [headline, LEDE, AGENCY, CLOSING], title=title)
    assert kept == [LEDE, AGENCY, CLOSING]


def test_headline_stays_without_title(tmp_path: Path) -> None:
    headline = "Kenyan tea growers down tools over falling leaf prices"
    paragraphs = [headline, LEDE, AGENCY, CLOSING]
    assert clean(tmp_path, paragraphs) == paragraphs


def test_returns_new_list_and_leaves_input_alone() -> None:
    paragraphs = [LEDE, "Advertisement", CLOSING]
    kept = remove_furniture(paragraphs)
    assert kept == [LEDE, CLOSING]
    assert paragraphs == [LEDE, "Advertisement", CLOSING]
    clean_body = [LEDE, CLOSING]
    assert remove_furniture(clean_body) is not clean_body


def test_empty_input() -> None:
    assert remove_furniture([]) == []
    assert remove_furniture(["", "   "]) == []


_PIECES = st.sampled_from(
    [
        "Share",
        "Advertisement",
        "(Reuters)",
        "[AFP]",
        "Photo:",
        "©",
        "“",
        "”",
        "«",
        "»",
        "„",
        '"',
        "'",
        "Follow",
        "@handle",
        "on X",
        "is the",
        "correspondent",
        "Amina Wanjiru",
        "Reporting by",
        "Home >",
        "|",
        "we cannot continue like this",
        "tea farmers",
        ".",
        ",",
        "\n",
    ]
)
_PARAGRAPH = st.one_of(
    st.lists(_PIECES, max_size=20).map(" ".join),
    st.text(max_size=80),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PARAGRAPH, max_size=12), st.one_of(st.none(), _PARAGRAPH))
def test_never_raises_and_returns_an_ordered_subset(paragraphs: list[str], title: str | None):
    kept = remove_furniture(paragraphs, title=title, author=title)
    remaining = iter(paragraphs)
    assert all(any(p is q for q in remaining) for p in kept), "not an ordered subset"
