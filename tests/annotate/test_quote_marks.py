"""Quoted passages found in raw text, before any parse (newsgraph.annotate.quote_marks).

Every text here is written for these tests.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.annotate.quote_marks import (
    find_passages,
    is_headline,
    paragraphs,
    uses_single_marks,
)


def contents(text: str) -> list[str]:
    return [text[p.start : p.end] for p in find_passages(text)]


# --- the marks --------------------------------------------------------------------------


def test_straight_double_quotes_without_the_handing_over_comma() -> None:
    text = '"We are ready to sign," the minister said. "The text is final."'
    assert contents(text) == ["We are ready to sign", "The text is final."]


def test_curly_double_quotes() -> None:
    text = "“The convoy reached the city at dawn,” she said. “It carried food for a week.”"
    assert contents(text) == [
        "The convoy reached the city at dawn",
        "It carried food for a week.",
    ]


def test_guillemets_with_inner_spaces_are_stripped() -> None:
    text = "« Nous sommes prêts, » a-t-il dit. « Le texte est final. »"
    assert contents(text) == ["Nous sommes prêts", "Le texte est final."]


def test_german_low_high_quotes_close_with_the_left_double_quote() -> None:
    text = "The Kremlin called the measures „illegal“ and said they would „only harm Europe“."
    assert contents(text) == ["illegal", "only harm Europe"]


def test_nested_single_quotes_stay_inside_the_double_quote() -> None:
    text = "He told reporters: “People keep asking me, ‘Why so slow?’ We have no answer.”"
    assert contents(text) == ["People keep asking me, ‘Why so slow?’ We have no answer."]


def test_ellipsis_and_bracketed_insertion_stay_in_the_content() -> None:
    text = "She said: “If [the ministers] agree … we can start in June.”"
    assert contents(text) == ["If [the ministers] agree … we can start in June."]


def test_two_character_marks_of_archive_text() -> None:
    text = (
        "The envoy said the port would tell ''a story of loss and repair.''\n\n"
        "''We will rebuild,'' she said. ``Slowly,'' her deputy added."
    )
    assert contents(text) == ["a story of loss and repair.", "We will rebuild", "Slowly"]


# --- single quotes and apostrophes ------------------------------------------------------


def test_single_quotes_count_only_where_they_are_the_primary_marks() -> None:
    headline_style = "Minister says port deal ‘will not be signed’ before the vote."
    assert uses_single_marks(headline_style)
    assert contents(headline_style) == ["will not be signed"]
    double_style = "She said “the ‘deal’ is off” and left."
    assert not uses_single_marks(double_style)
    assert contents(double_style) == ["the ‘deal’ is off"]


def test_apostrophes_are_not_quotation_marks() -> None:
    text = (
        "‘We don’t accept Okafor’s figures from the ’90s,’ the ministers’ adviser said. "
        "‘The ministers’ plan is dead.’"
    )
    assert contents(text) == [
        "We don’t accept Okafor’s figures from the ’90s",
        "The ministers’ plan is dead.",
    ]


def test_straight_single_quotes_in_a_single_quote_document() -> None:
    text = "Officials say talks 'made progress' but Kenya's envoy isn't convinced."
    assert contents(text) == ["made progress"]


def test_apostrophes_alone_never_make_a_quote() -> None:
    text = "The ministers’ talks in the ’90s failed. Okafor’s team didn’t return."
    assert contents(text) == []


# --- paragraphs -------------------------------------------------------------------------


def test_a_quote_running_over_a_paragraph_break_is_one_passage() -> None:
    text = (
        "Otieno said: “We are not promising miracles.\n\n"
        "“It is a shared problem, and it has a shared address.”\n\n"
        "The talks end on Friday."
    )
    (passage,) = find_passages(text)
    assert text[passage.start : passage.end] == (
        "We are not promising miracles.\n\n“It is a shared problem, and it has a shared address."
    )
    assert (passage.paragraph, passage.paragraphs) == (0, 2)


def test_a_continuation_needs_the_same_mark() -> None:
    text = (
        'The harbour master wrote on Monday: "The port is closed to all traffic.\n\n'
        "“Nobody knows when it will reopen,” she said."
    )
    assert contents(text) == [
        "The port is closed to all traffic.",
        "Nobody knows when it will reopen",
    ]


def test_uneven_marks_in_one_paragraph_do_not_spoil_the_next() -> None:
    text = (
        "The spokesman said the “talks had failed and left.\n\n"
        "“We will return,” the envoy said. “Not before June.”"
    )
    assert contents(text) == ["We will return", "Not before June."]


def test_a_quote_opening_its_paragraph_without_a_closing_mark_ends_with_it() -> None:
    text = (
        "“We have nothing left to give, and the donors know it.\n\n"
        "The minister left the room without another word."
    )
    assert contents(text) == ["We have nothing left to give, and the donors know it."]


def test_a_stray_closing_mark_is_skipped() -> None:
    text = "The vote ” was close, and the “recount” starts today."
    assert contents(text) == ["recount"]


def test_a_second_opening_mark_restarts_an_unclosed_quote() -> None:
    text = "He said “the first never closed and “the second did” today."
    assert contents(text) == ["the second did"]


def test_headlines_are_skipped() -> None:
    text = "Minister: ‘We will not resign’\n\nThe minister said “we will not resign” on Monday."
    paras = paragraphs(text)
    assert is_headline(text, paras[0])
    assert not is_headline(text, paras[1])
    assert contents(text) == ["we will not resign"]


def test_passages_record_their_marks_and_paragraph() -> None:
    text = "First paragraph.\n\nShe said: “Yes.”"
    (passage,) = find_passages(text)
    assert text[passage.open] == "“" and text[passage.close] == "”"
    assert passage.paragraph == 1


# --- any text ---------------------------------------------------------------------------


MARKS = list("\"'“”„‟«»‘’‚‛[]()…") + ["\n", "\n\n", " ", ", ", ". "]
WORDS = ["We", "said", "the", "talks", "don’t", "Okafor’s", "’90s", "é", "北京", "\u00a0"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(MARKS + WORDS) | st.text(max_size=3), max_size=60))
def test_any_text_gives_ordered_non_overlapping_passages_inside_it(parts: list[str]) -> None:
    text = "".join(parts)
    passages = find_passages(text)
    last_end = 0
    for p in passages:
        assert 0 <= p.open < p.start < p.end <= len(text)
        assert p.start >= last_end
        assert text[p.start : p.end].strip() == text[p.start : p.end]
        last_end = p.end
