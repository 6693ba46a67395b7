"""The quote scorer (newsgraph.evaluate.quotes) on tiny hand-made cases, the PolNeAR
standoff reader (newsgraph.evaluate.polnear) on standoff written here, and the textacy
baseline adapter on a real parse. All text is written for these tests."""

from __future__ import annotations

import io
import json
import tarfile
from pathlib import Path

import pytest
from spacy.language import Language

from newsgraph.evaluate.polnear import (
    PolnearFormatError,
    attributions,
    load_split,
    parse_ann,
    strip_marks,
)
from newsgraph.evaluate.quotes import (
    PRF,
    Quote,
    load_corpus_gold,
    make_quote,
    match,
    nearest_occurrence,
    overlap,
    score,
    significant,
    speaker_agrees,
    textacy_quotes,
)
from newsgraph.nlp import load_model

TEXT = (
    "“The port will reopen on Monday,” said Amara Okafor, the harbour master. "
    "She added that the cranes had been repaired."
)
CONTENT = "The port will reopen on Monday,"


def _at(text: str, needle: str) -> tuple[int, int]:
    start = text.index(needle)
    return start, start + len(needle)


def _quote(needle: str, *, kind: str = "direct", text: str = TEXT, **speaker) -> Quote:
    return make_quote(text, (_at(text, needle),), kind=kind, **speaker)


# -- spans -----------------------------------------------------------------------------


def test_a_perfect_match_scores_one() -> None:
    gold = [_quote(CONTENT, speaker="Amara Okafor")]
    predicted = [_quote(CONTENT, speaker="Amara Okafor")]
    result = score([predicted], [gold])
    assert result.spans == PRF(matched=1, predicted=1, gold=1)
    assert (result.spans.precision, result.spans.recall, result.spans.f1) == (1.0, 1.0, 1.0)
    assert result.speaker_accuracy == 1.0


def test_marks_and_whitespace_do_not_count() -> None:
    with_marks = _quote("“The port will reopen on Monday,”")
    without = _quote(CONTENT)
    assert overlap(with_marks.chars, without.chars) == 1.0
    text = "“We will stay.\n\n“And we will rebuild,” she said."
    assert significant(text, ((0, len(text)),)) == significant(
        text.replace("“", " "), ((0, len(text)),)
    )


@pytest.mark.parametrize(
    ("predicted", "matches"),
    [
        ("The port will reopen on Monday", True),  # all but the comma
        ("port will reopen on Monday", True),  # 22 of 26 characters: 0.85
        ("will reopen on Monday", False),  # 18 of 26: 0.69
        ("the harbour master", False),
    ],
)
def test_overlap_threshold_is_eighty_percent_of_the_longer(predicted: str, matches: bool) -> None:
    result = score([[_quote(predicted)]], [[_quote(CONTENT)]])
    assert result.spans.matched == int(matches)
    assert result.spans.precision == result.spans.recall == float(matches)


def test_a_longer_prediction_is_judged_against_its_own_length() -> None:
    # the gold is inside the prediction, but the prediction is far longer
    long = "The port will reopen on Monday,” said Amara Okafor, the harbour master"
    assert score([[_quote(long)]], [[_quote(CONTENT)]]).spans.matched == 0


def test_pairs_are_one_to_one() -> None:
    gold = [_quote(CONTENT)]
    twice = [_quote(CONTENT), _quote("The port will reopen on Monday")]
    assert match(twice, gold) == [(0, 0)]
    result = score([twice], [gold])
    assert result.spans == PRF(matched=1, predicted=2, gold=1)
    assert result.spans.precision == 0.5
    assert result.spans.f1 == pytest.approx(2 / 3)


def test_kinds_are_scored_separately() -> None:
    indirect = "the cranes had been repaired"
    gold = [_quote(CONTENT), _quote(indirect, kind="indirect")]
    predicted = [_quote(CONTENT), _quote(indirect, kind="direct")]  # wrong kind
    direct = score([predicted], [gold], kinds={"direct"})
    assert direct.spans == PRF(matched=1, predicted=2, gold=1)
    assert score([predicted], [gold], kinds={"indirect"}).spans == PRF(0, 0, 1)
    assert score([predicted], [gold]).spans == PRF(2, 2, 2)


def test_documents_must_line_up() -> None:
    with pytest.raises(ValueError, match="1 predicted documents but 2 gold"):
        score([[]], [[], []])


def test_no_predictions_gives_zeros_not_errors() -> None:
    result = score([[]], [[_quote(CONTENT)]])
    assert (result.spans.precision, result.spans.recall, result.spans.f1) == (0.0, 0.0, 0.0)
    assert result.speaker_accuracy is None


# -- speakers --------------------------------------------------------------------------


def test_wrong_speaker_keeps_the_span_but_loses_speaker_and_span() -> None:
    gold = [_quote(CONTENT, speaker="Amara Okafor")]
    predicted = [_quote(CONTENT, speaker="Juma Mwangi", speaker_aliases=("Mwangi",))]
    result = score([predicted], [gold])
    assert result.spans.f1 == 1.0
    assert result.speaker_spans == PRF(matched=0, predicted=1, gold=1)
    assert result.speaker_accuracy == 0.0


def test_speaker_by_surname_in_name_or_aliases() -> None:
    gold = _quote(CONTENT, speaker="Dr Amara Okafor")
    assert speaker_agrees(_quote(CONTENT, speaker="Amara Okafor"), gold)
    assert speaker_agrees(_quote(CONTENT, speaker="Kenya", speaker_aliases=("Okafor’s",)), gold)
    assert not speaker_agrees(_quote(CONTENT, speaker="Amara"), gold)


def test_speaker_with_accents_and_joint_speakers() -> None:
    accented = _quote(CONTENT, speaker="Tomás Echeverría Ruiz")
    assert speaker_agrees(_quote(CONTENT, speaker="Echeverria Ruiz"), accented)
    joint = _quote(CONTENT, speaker="Egypt and Qatar")
    assert speaker_agrees(_quote(CONTENT, speaker="Qatar (government)"), joint)
    assert speaker_agrees(_quote(CONTENT, speaker="Egypt"), joint)
    assert not speaker_agrees(_quote(CONTENT, speaker="Israel"), joint)


def test_anonymous_gold_wants_no_actor() -> None:
    anonymous = _quote(CONTENT, speaker=None)
    phrase_only = _quote(CONTENT, speaker_text="a senior official")
    assert speaker_agrees(phrase_only, anonymous)
    assert not speaker_agrees(_quote(CONTENT, speaker="Amara Okafor"), anonymous)


def test_speaker_by_overlapping_mention_or_phrase() -> None:
    pronoun = _at(TEXT, "She")
    gold = make_quote(
        TEXT,
        (_at(TEXT, "the cranes had been repaired"),),
        kind="indirect",
        speaker="She",
        speaker_fragments=(pronoun,),
    )
    by_mention = make_quote(
        TEXT, gold.fragments, kind="indirect", speaker="Amara Okafor", speaker_fragments=(pronoun,)
    )
    elsewhere = make_quote(
        TEXT,
        gold.fragments,
        kind="indirect",
        speaker="Amara Okafor",
        speaker_fragments=(_at(TEXT, "Amara Okafor"),),
    )
    assert speaker_agrees(by_mention, gold)
    assert not speaker_agrees(elsewhere, gold)
    # no actor resolved: the phrase's words stand in for the name (textacy)
    named = _quote(CONTENT, speaker="Amara Okafor")
    assert speaker_agrees(_quote(CONTENT, speaker_text="Amara Okafor , the harbour master"), named)


def test_nearest_occurrence_takes_whole_words_near_the_anchor() -> None:
    text = "She said it. Then the minister said she would go, she said."
    anchor = text.index("would")
    near = text.index("she would")
    assert nearest_occurrence(text, "she", anchor) == (near, near + 3)
    assert nearest_occurrence(text, "he", anchor) is None  # never inside "the" or "she"
    assert nearest_occurrence(text, "", anchor) is None


# -- PolNeAR standoff ------------------------------------------------------------------

ARTICLE = (
    "Harbour talks stall.\n\n"
    "“We are not leaving,” the union leader said. "
    "Officials said the port would reopen soon, “within days.” "
    "“It is over,” he said, “for now.”"
)


def _in(text: str, context: str, part: str | None = None) -> tuple[int, int]:
    """Offsets of ``part`` (default: all) of the unique ``context`` in ``text``."""
    start, end = _at(text, context)
    if part is None:
        return start, end
    inner = context.index(part)
    return start + inner, start + inner + len(part)


def _t(n: int, label: str, text: str, *spans: tuple[int, int]) -> str:
    offsets = ";".join(f"{s} {e}" for s, e in spans)
    return f"T{n}\t{label} {offsets}\t{' '.join(text[s:e] for s, e in spans)}"


def _ann(text: str) -> str:
    """A standoff file over ``text``, with offsets computed here."""
    return "\n".join(
        [
            _t(1, "Content", text, _in(text, "“We are not leaving,”")),
            _t(2, "Cue", text, _in(text, "leader said", "said")),
            _t(3, "Source", text, _in(text, "the union leader")),
            "E1\tAttribution:T2 Content:T1 Cue:T2 Source:T3",
            _t(4, "Content", text, _in(text, "the port would reopen soon, “within days.”")),
            _t(5, "Cue", text, _in(text, "Officials said", "said")),
            _t(6, "Source", text, _in(text, "Officials")),
            "E2\tAttribution:T5 Cue:T5 Source:T6 Content:T4",
            _t(7, "Content", text, _in(text, "“It is over,”"), _in(text, "“for now.”")),
            _t(8, "Cue", text, _in(text, "he said,", "said")),
            _t(9, "Source", text, _in(text, "he said,", "he")),
            "E3\tAttribution:T8 Content:T7 Cue:T8 Source:T9",
            _t(10, "Content", text, _in(text, "Harbour talks stall")),
            _t(11, "Cue", text, _in(text, "stall")),
            "E4\tAttribution-no-source:T11 Content:T10 Cue:T11",
            _t(12, "Discard", text, _in(text, "Harbour")),
            "#1\tAnnotatorNotes T12\tthe headline",
        ]
    )


def test_parse_ann_reads_spans_and_events() -> None:
    bounds, events = parse_ann(_ann(ARTICLE))
    assert bounds["T1"].label == "Content"
    assert ARTICLE[slice(*bounds["T3"].fragments[0])] == "the union leader"
    assert len(bounds["T7"].fragments) == 2
    assert bounds["T12"].label == "Discard"
    assert events[0] == {"Attribution": ["T2"], "Content": ["T1"], "Cue": ["T2"], "Source": ["T3"]}
    assert "Source" not in events[3]


def test_attributions_decide_direct_and_strip_marks() -> None:
    found = attributions(_ann(ARTICLE), ARTICLE)
    texts = [" | ".join(ARTICLE[s:e] for s, e in a.content) for a in found]
    assert texts == [
        "We are not leaving,",
        "the port would reopen soon, “within days.”",
        "It is over, | for now.",
        "Harbour talks stall",
    ]
    assert [a.kind for a in found] == ["direct", "indirect", "direct", "indirect"]
    assert [a.source_text for a in found] == ["the union leader", "Officials", "he", None]
    assert found[3].source == ()


def test_content2_role_joins_the_content() -> None:
    lines = _ann(ARTICLE).splitlines()
    lines[8] = _t(7, "Content", ARTICLE, _in(ARTICLE, "“It is over,”"))
    lines.append(_t(13, "Content", ARTICLE, _in(ARTICLE, "“for now.”")))
    lines[11] = "E3\tAttribution:T8 Content:T7 Content2:T13 Cue:T8 Source:T9"
    found = attributions("\n".join(lines), ARTICLE)
    assert [ARTICLE[s:e] for s, e in found[2].content] == ["It is over,", "for now."]
    assert found[2].kind == "direct"


def test_strip_marks_needs_a_mark_at_both_ends() -> None:
    text = "“Half,” she said, and then more. 'Straight' ''doubled,'' “Closed”. Open ”"
    assert strip_marks(text, (_at(text, "“Half,”"),)) == (_at(text, "Half,"),)
    assert strip_marks(text, (_at(text, "''doubled,''"),)) == (_at(text, "doubled,"),)
    assert strip_marks(text, (_at(text, "“Closed”."),)) == (_at(text, "Closed"),)
    assert strip_marks(text, (_at(text, "and then more."),)) is None
    assert strip_marks(text, (_at(text, "Open ”"),)) is None
    assert strip_marks(text, (_at(text, "'Straight' ''doubled"),)) is None


def test_bad_standoff_is_a_named_error() -> None:
    with pytest.raises(PolnearFormatError, match="line 1.*offsets"):
        parse_ann("T1\tContent 5 x\tfoo", name="a_1.ann")
    with pytest.raises(PolnearFormatError, match="unknown annotations"):
        attributions("E1\tContent:T9", "text", name="a_1.ann")


def _write_split(root: Path) -> None:
    split = root / "dev"
    (split / "text").mkdir(parents=True)
    (split / "attributions").mkdir()
    (split / "text" / "paper_2016-09-01_harbour.txt").write_text(ARTICLE, encoding="utf-8")
    (split / "text" / "paper_2016-09-02_orphan.txt").write_text("No notes.", encoding="utf-8")
    attributions_dir = split / "attributions"
    (attributions_dir / "paper_2016-09-01_harbour_ffff.ann").write_text("", encoding="utf-8")
    (attributions_dir / "paper_2016-09-01_harbour_0a1b.ann").write_text(
        _ann(ARTICLE), encoding="utf-8"
    )


def test_load_split_reads_a_folder_and_takes_the_first_annotator(tmp_path: Path) -> None:
    _write_split(tmp_path)
    (article,) = load_split(tmp_path, "dev")
    assert (article.name, article.annotator) == ("paper_2016-09-01_harbour", "0a1b")
    assert article.text == ARTICLE
    assert len(article.attributions) == 4
    quotes = article.gold_quotes()
    assert [q.kind for q in quotes] == ["direct", "indirect", "direct", "indirect"]
    assert quotes[0].speaker == "the union leader"
    assert load_split(tmp_path, "dev", limit=0) == []


def test_load_split_reads_a_tarball_without_extracting(tmp_path: Path) -> None:
    _write_split(tmp_path / "unpacked")
    archive = tmp_path / "train.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        for path in sorted((tmp_path / "unpacked" / "dev").rglob("*")):
            name = "train/" + path.relative_to(tmp_path / "unpacked" / "dev").as_posix()
            if path.is_file():
                data = path.read_bytes()
                info = tarfile.TarInfo(name)
                info.size = len(data)
                tar.addfile(info, io.BytesIO(data))
    (article,) = load_split(tmp_path, "train")
    assert article.annotator == "0a1b"
    assert [a.kind for a in article.attributions] == ["direct", "indirect", "direct", "indirect"]
    assert not (tmp_path / "train").exists()


def test_missing_split_says_where_it_looked(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="--benchmarks"):
        load_split(tmp_path, "dev")


# -- the textacy baseline on a real parse ------------------------------------------------


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_model()


def test_textacy_quotes_strip_marks_and_keep_the_speaker(nlp: Language) -> None:
    text = (
        "“The road to the coast will stay closed until the bridge is safe,” "
        "the governor said on Tuesday."
    )
    quotes, skipped = textacy_quotes(nlp(text))
    assert skipped == 0
    (quote,) = quotes
    content = "The road to the coast will stay closed until the bridge is safe,"
    assert quote.chars == significant(text, (_at(text, content),))
    assert quote.kind == "direct"
    assert quote.speaker is None
    assert quote.speaker_text == "governor"  # textacy's speaker: the noun and its compounds
    assert quote.speaker_chars == significant(text, (_at(text, "governor"),))


def test_textacy_quotes_fall_back_to_paragraphs_with_paired_marks(nlp: Language) -> None:
    text = (
        "The farmers' union met in the market hall on Friday evening.\n\n"
        "“Prices for maize have fallen by a third since the spring,” the chairman said."
    )
    doc = nlp(text)
    quotes, skipped = textacy_quotes(doc)
    assert skipped == 1  # the apostrophe leaves the first paragraph unpaired
    (quote,) = quotes
    content = "Prices for maize have fallen by a third since the spring,"
    assert quote.chars == significant(text, (_at(text, content),))
    assert quote.speaker_chars == significant(text, (_at(text, "chairman"),))


# -- the sample corpus gold reader -------------------------------------------------------


def _write_corpus(tmp_path: Path, lines: list[dict]) -> tuple[Path, Path]:
    articles = tmp_path / "articles"
    articles.mkdir()
    paragraphs = [
        "The harbour master, Amara Okafor, spoke on Monday.",
        "“The port will reopen,” she said. Officials called it a “soft” reopening.",
    ]
    article = {"published": "2025-03-04", "paragraphs": paragraphs}
    (articles / "01-port.json").write_text(json.dumps(article), encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    return gold, articles


def test_load_corpus_gold_reads_quotes_not_quotes_and_mentions(tmp_path: Path) -> None:
    quote = {"article": "01-port", "quote": "The port will reopen,", "kind": "direct"}
    quote |= {"speaker": "Amara Okafor", "speaker_mention": "she"}
    gold, articles = _write_corpus(tmp_path, [quote, {"article": "01-port", "not_quote": "soft"}])
    (article,) = load_corpus_gold(gold, articles)
    assert article.text.split("\n\n")[0] == "The harbour master, Amara Okafor, spoke on Monday."
    assert article.published == "2025-03-04"
    (found,) = article.quotes
    assert article.text[slice(*found.fragments[0])] == "The port will reopen,"
    assert (found.kind, found.speaker, found.speaker_chars) == ("direct", "Amara Okafor", set())
    assert [article.text[slice(*q.fragments[0])] for q in article.not_quotes] == ["soft"]
    (with_mention,) = load_corpus_gold(gold, articles, mentions=True)[0].quotes
    assert with_mention.speaker_chars == significant(article.text, (_at(article.text, "she"),))


def test_load_corpus_gold_rejects_ambiguous_or_unknown_lines(tmp_path: Path) -> None:
    twice = {"article": "01-port", "quote": "reopen", "kind": "direct"}
    twice |= {"speaker": None, "speaker_mention": "she"}
    gold, articles = _write_corpus(tmp_path, [twice])
    with pytest.raises(ValueError, match="occurs 2 times"):
        load_corpus_gold(gold, articles)
    odd = twice | {"quote": "The port will reopen,", "kind": "reported"}
    gold.write_text(json.dumps(odd), encoding="utf-8")
    with pytest.raises(ValueError, match="'reported' is not one of"):
        load_corpus_gold(gold, articles)
    far = twice | {"quote": "The port will reopen,", "speaker_mention": "Kenya"}
    gold.write_text(json.dumps(far), encoding="utf-8")
    with pytest.raises(ValueError, match="speaker_mention 'Kenya' not found"):
        load_corpus_gold(gold, articles, mentions=True)


def test_nearest_occurrence_skips_the_quote_itself() -> None:
    text = "“She will go,” she said."
    inside = _at(text, "She will go,")
    assert nearest_occurrence(text, "She", 0) == (1, 4)
    assert nearest_occurrence(text, "She", 0, outside=inside) is None
    start = text.index("she said")
    assert nearest_occurrence(text, "she", 0, outside=inside) == (start, start + 3)
