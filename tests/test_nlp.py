from __future__ import annotations

import warnings

from newsgraph.nlp import get_nlp, load_model


def test_model_loads_without_the_version_warning() -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        nlp = load_model()
    assert [str(w.message) for w in caught] == []
    assert nlp.meta["name"] == "core_web_sm" and nlp.meta["version"] == "3.0.0"


def test_the_silenced_warning_is_really_raised_by_a_bare_load() -> None:
    """If spaCy stops warning, the filter in nlp.py is dead code and should go."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        import en_core_web_sm

        en_core_web_sm.load()
    assert any("[W095]" in str(w.message) for w in caught)


def test_model_still_parses_and_finds_entities_under_spacy_3_8() -> None:
    doc = load_model()("Kenyan President William Ruto met envoys in Nairobi on Tuesday.")
    assert {(e.text, e.label_) for e in doc.ents} >= {
        ("William Ruto", "PERSON"),
        ("Nairobi", "GPE"),
    }
    assert doc[4].dep_ == "ROOT" and doc[4].lemma_ == "meet"


def test_pipeline_is_built_once_per_process() -> None:
    assert get_nlp() is get_nlp()


def test_annotators_run_in_order_and_declare_what_they_use() -> None:
    from newsgraph.nlp import COMPONENTS, annotator_pipeline

    nlp = annotator_pipeline()
    assert nlp.pipe_names[-len(COMPONENTS) :] == list(COMPONENTS)
    analysis = nlp.analyze_pipes()
    assert not any(analysis["problems"].values()), analysis["problems"]
