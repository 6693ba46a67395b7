"""newsgraph.annotate.event_verbs: the CAMEO code table, the verb patterns, the frame
codes, and the status and mood of a verb (on parses of sentences written here)."""

from __future__ import annotations

import json
from importlib import resources

import pytest
from spacy.language import Language
from spacy.tokens import Token

from newsgraph.annotate.event_verbs import (
    FRAMES,
    EventDataError,
    Lexicon,
    Pattern,
    cameo,
    cameo_codes,
    frame_code,
    lexicon,
    mood,
    phrase_in,
    status,
    threat_code,
    verb_lemma,
)
from newsgraph.nlp import load_model

ROOT_NAMES = {
    "01": "Make public statement",
    "02": "Appeal",
    "04": "Consult",
    "14": "Protest",
    "19": "Fight",
    "20": "Use unconventional mass violence",
}


def _rows(filename: str) -> list[dict]:
    text = resources.files("newsgraph.data").joinpath(filename).read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_model()


def _verb(nlp: Language, text: str, word: str) -> Token:
    doc = nlp(text)
    return next(t for t in doc if t.text == word)


# --- the CAMEO table ---------------------------------------------------------------------


def test_every_root_and_its_sub_codes_are_in_the_table() -> None:
    codes = cameo_codes()
    assert {c for c in codes if len(c) == 2} == {f"{n:02d}" for n in range(1, 21)}
    assert len(codes) == 313
    for sample in ("010", "0211", "036", "0874", "1124", "1385", "1454", "1663", "2042"):
        assert sample in codes


def test_every_code_is_consistent_with_its_root() -> None:
    codes = cameo_codes()
    for code, entry in codes.items():
        assert entry.code == code
        assert code.startswith(entry.root) and entry.root in codes
        assert len(code) in (2, 3, 4) and code.isdigit()
        if len(code) == 4:
            assert code[:3] in codes, f"{code} has no 3-digit parent"
        root = int(entry.root)
        expected = 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4
        assert entry.quad_class == expected, code
        assert -10.0 <= entry.goldstein <= 10.0
        assert entry.name and entry.name[0].isupper()


def test_goldstein_values_follow_the_published_scale() -> None:
    published = {
        "010": 0.0, "020": 3.0, "036": 4.0, "040": 1.0, "042": 1.9, "043": 2.8,
        "051": 3.4, "057": 8.0, "070": 7.0, "0874": 10.0, "111": -2.0, "112": -2.0,
        "130": -4.4, "138": -7.0, "163": -8.0, "172": -5.0, "173": -5.0, "180": -9.0,
        "190": -10.0, "193": -10.0, "195": -10.0, "200": -10.0,
    }  # fmt: skip
    assert {code: cameo(code).goldstein for code in published} == published
    for code, name in ROOT_NAMES.items():
        assert cameo(code).name == name


def test_cooperation_is_positive_and_material_conflict_negative() -> None:
    for entry in cameo_codes().values():
        if entry.quad_class == 4:
            assert entry.goldstein < 0, entry.code
        if entry.quad_class == 2:
            assert entry.goldstein > 0, entry.code


def test_an_unknown_code_is_a_named_error_that_says_where_to_look() -> None:
    with pytest.raises(EventDataError, match=r"'999'.*cameo\.v1\.jsonl"):
        cameo("999")


# --- the verb patterns -----------------------------------------------------------------------


def test_every_pattern_code_is_in_the_table_and_every_frame_is_known() -> None:
    codes = cameo_codes()
    rows = _rows("verbs.v1.jsonl")
    assert len(rows) == len(lexicon()) > 2000
    for row in rows:
        assert row["code"] is None or row["code"] in codes, row
        assert row.get("frame") in (None, *FRAMES), row
        assert row["origin"] in ("newsgraph", "petrarch2")
        assert row.get("pos", "VERB") in ("VERB", "NOUN", "ADJ")


def test_at_least_one_verb_for_every_root() -> None:
    roots = {row["code"][:2] for row in _rows("verbs.v1.jsonl") if row["code"]}
    assert roots == {f"{n:02d}" for n in range(1, 21)}


def test_curated_verbs_carry_the_codes_of_the_brief() -> None:
    def default(lemma: str) -> str | None:
        patterns = [p for p in lexicon().verbs(lemma) if p.specificity == 0]
        return patterns[0].code if patterns else None

    expected = {
        "say": "010", "deny": "016", "appeal": "020", "urge": "020", "pledge": "030",
        "meet": "040", "visit": "042", "host": "043", "mediate": "045", "negotiate": "046",
        "praise": "051", "sign": "057", "investigate": "090", "demand": "100",
        "criticise": "111", "accuse": "112", "refuse": "120", "threaten": "130",
        "protest": "141", "mobilise": "154", "arrest": "173", "deport": "174",
        "kidnap": "181", "attack": "190", "blockade": "191", "invade": "192",
        "shell": "194", "bomb": "195", "massacre": "202",
    }  # fmt: skip
    assert {lemma: default(lemma) for lemma in expected} == expected


def test_curated_patterns_come_before_converted_ones() -> None:
    patterns = lexicon().verbs("kill")
    origins = [p.origin for p in patterns]
    assert origins == sorted(origins, key=lambda o: o != "newsgraph")
    assert any(p.code is None and p.subjects for p in patterns)  # "killed in a flood"


def test_specificity_counts_constraints() -> None:
    assert Pattern("impose", "163").specificity == 0
    assert Pattern("impose", "163", objects=("sanction",)).specificity == 2
    assert Pattern("call", "020", prep="on", particle="off").specificity == 2


def test_lexicon_indexes_by_part_of_speech() -> None:
    found = Lexicon([Pattern("strike", "190", pos="NOUN"), Pattern("strike", "143")])
    assert [p.code for p in found.nouns("strike")] == ["190"]
    assert [p.code for p in found.verbs("strike")] == ["143"]
    assert found.patterns("ADJ", "strike") == []
    assert len(found) == 2


# --- frames ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("frame", "complement", "default", "expected"),
    [
        ("appeal", "0841", "020", "0253"),  # urged X to release prisoners
        ("appeal", "046", "020", "026"),  # called for talks
        ("appeal", "0871", "020", "0256"),  # called for a ceasefire
        ("appeal", "073", "020", "0233"),  # appealed for food aid
        ("appeal", "190", "020", "020"),  # urged X to attack: a plain appeal
        ("appeal", "163", "020", "113"),  # called for sanctions against X
        ("demand", "0841", "100", "1053"),
        ("demand", "040", "100", "106"),
        ("intend", "040", "030", "036"),  # pledged to meet
        ("intend", "073", "030", "0333"),  # promised food aid
        ("intend", "163", "030", "1312"),  # vowed to impose sanctions: a threat
        ("intend", "190", "030", "1384"),  # vowed to attack
        ("intend", None, None, None),  # planned to ... (nothing coded): no event
        ("threaten", "163", "130", "1312"),
        ("threaten", "192", "130", "1382"),
        ("threaten", "1661", "130", "136"),
        ("threaten", "0874", "130", "130"),
        ("reject", "040", "120", "125"),  # refused to meet
        ("reject", "0841", "120", "1243"),
        ("reject", "057", "120", "127"),
        ("say", "190", "010", "010"),
        ("deny", "190", "016", "016"),
        ("allege", "194", "112", "1123"),  # accused X of shelling
        ("allege", "1122", "1121", "1121"),  # the act is not covered: the verb's own code
    ],
)
def test_frame_codes_follow_cameo_parallel_sub_codes(
    frame: str, complement: str | None, default: str | None, expected: str | None
) -> None:
    assert frame_code(frame, complement, default) == expected


def test_every_frame_code_is_a_cameo_code() -> None:
    codes = cameo_codes()
    for frame in ("appeal", "demand", "intend", "threaten", "reject"):
        for complement in codes:
            if len(complement) > 2:
                found = frame_code(frame, complement, None)
                assert found in codes, (frame, complement, found)


def test_threats_name_the_action_threatened() -> None:
    assert threat_code("1723") == "1323"
    assert threat_code("183") == "1383"
    assert threat_code("2041") == "1385"
    assert threat_code("057") is None


# --- phrases ----------------------------------------------------------------------------


def test_phrase_in_reads_modifiers_lemmas_and_of_phrases(nlp: Language) -> None:
    doc = nlp(
        "The agency delivered tons of urgent humanitarian aid and lifted a state of emergency."
    )
    tons = doc[3]
    assert (tons.text, doc[-4].text) == ("tons", "state")
    assert phrase_in(tons, "humanitarian aid")
    assert phrase_in(tons, "aid")
    assert not phrase_in(tons, "military aid")
    state = doc[-4]
    assert phrase_in(state, "state of emergency")


# --- status and mood --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Rebels attacked the town on Monday.", "attacked", "fact"),
        ("Rebels did not attack the town.", "attack", "negated"),
        ("The minister never defended the plan.", "defended", "negated"),
        ("Kenya failed to reach the border post.", "reach", "negated"),
        ("The move would anger Beijing.", "anger", "hypothetical"),
        ("Brussels could impose tariffs.", "impose", "hypothetical"),
        ("If Cairo manages to convince Hamas, the talks will resume.", "convince", "hypothetical"),
        ("The talks will resume if Cairo convinces Hamas.", "resume", "hypothetical"),
        ("Will Beijing retaliate?", "retaliate", "question"),
        ("The envoys will meet next week.", "meet", "future"),
        ("The two leaders are set to sign the accord.", "sign", "future"),
        ("The army is going to withdraw.", "withdraw", "future"),
    ],
)
def test_status(nlp: Language, text: str, word: str, expected: str) -> None:
    verb = _verb(nlp, text, word)
    assert status(verb, verb.sent) == expected


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Washington said China must drop its barriers.", "drop", "must"),
        ("Officials said Kenya needs to open the border.", "open", "must"),
        ("Kenya said it will send troops.", "send", "will"),
        ("Kenya said it would send troops.", "send", "would"),
        ("Kenya said its troops crossed the border.", "crossed", None),
    ],
)
def test_mood(nlp: Language, text: str, word: str, expected: str | None) -> None:
    assert mood(_verb(nlp, text, word)) == expected


def test_noun_status(nlp: Language) -> None:
    doc = nlp("The planned talks were cancelled, and a possible invasion was averted.")
    talks, invasion = doc[2], doc[9]
    assert (talks.text, invasion.text) == ("talks", "invasion")
    assert status(talks, talks.sent) == "future"
    assert status(invasion, invasion.sent) == "hypothetical"


def test_verb_lemma_corrects_the_model(nlp: Language) -> None:
    doc = nlp("Students staged a rally and hoped to meet the minister.")
    assert [verb_lemma(t) for t in doc if t.pos_ == "VERB"][:2] == ["stage", "hope"]
    assert verb_lemma(doc[0]) == "student"
