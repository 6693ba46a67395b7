"""The newsgraph_places component: place mentions found in real parses and geocoded.

Every text here was written for these tests (the two corpus articles are the project's own
fiction, read from examples/ at test time).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

import newsgraph.annotate.places  # noqa: F401  (registers the factory)
from newsgraph.annotate.types import PlaceValue, register_extensions
from newsgraph.errors import ConfigError
from newsgraph.nlp import load_model

ARTICLES = Path(__file__).resolve().parents[2] / "examples" / "corpus_src" / "articles"


@pytest.fixture(scope="module")
def nlp() -> Language:
    pipeline = load_model()
    pipeline.add_pipe("newsgraph_places")
    return pipeline


def annotate(nlp: Language, text: str, published: str = "2025-03-04") -> Doc:
    register_extensions()
    doc = nlp.make_doc(text)
    doc._.published = published
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


def places(nlp: Language, text: str) -> list[tuple[str, PlaceValue]]:
    doc = annotate(nlp, text)  # the span group needs its Doc alive
    return [(span.text, span._.place) for span in doc.spans["places"]]


def countries(nlp: Language, text: str) -> list[tuple[str, str | None]]:
    return [(mention, place.country) for mention, place in places(nlp, text)]


def article_text(prefix: str) -> str:
    (path,) = ARTICLES.glob(f"{prefix}-*.json")
    return "\n\n".join(json.loads(path.read_text(encoding="utf-8"))["paragraphs"])


# -- kinds of place --------------------------------------------------------------------------


def test_cities_are_geocoded_with_geonames_ids(nlp: Language) -> None:
    found = dict(
        places(
            nlp,
            "Talks between the two delegations moved from Nairobi to Addis Ababa on Monday, "
            "officials in Mogadishu said.",
        )
    )
    assert set(found) == {"Nairobi", "Addis Ababa", "Mogadishu"}
    nairobi = found["Nairobi"]
    assert (nairobi.kind, nairobi.country, nairobi.name) == ("city", "KEN", "Nairobi")
    assert nairobi.lat == pytest.approx(-1.28, abs=0.1)
    assert nairobi.lon == pytest.approx(36.82, abs=0.1)
    assert isinstance(nairobi.geonameid, int)
    assert found["Addis Ababa"].country == "ETH"
    assert found["Mogadishu"].country == "SOM"


def test_countries_sit_at_their_capital(nlp: Language) -> None:
    found = dict(
        places(
            nlp,
            "Kenya and Britain signed the agreement, and the United States said it would "
            "send observers to the Democratic Republic of Congo.",
        )
    )
    assert {name: (p.kind, p.country) for name, p in found.items()} == {
        "Kenya": ("country", "KEN"),
        "Britain": ("country", "GBR"),
        "United States": ("country", "USA"),
        "Democratic Republic of Congo": ("country", "COD"),
    }
    assert found["Kenya"].lat == pytest.approx(-1.28, abs=0.1)  # Nairobi
    assert found["Britain"].name == "United Kingdom"
    assert found["Britain"].lon == pytest.approx(-0.13, abs=0.1)  # London


def test_abbreviated_countries_but_not_all_capital_organisations(nlp: Language) -> None:
    text = (
        "The U.S. envoy told the UN that the UK and the UAE would fund the mission, "
        "which the US Congress must still approve."
    )
    found = countries(nlp, text)
    assert ("U.S.", "USA") in found
    assert ("UK", "GBR") in found
    assert ("UAE", "ARE") in found
    assert all(mention != "UN" for mention, _ in found)  # not Un, a town in India


def test_regions_and_seas(nlp: Language) -> None:
    found = dict(
        places(
            nlp,
            "Fighting continued in Darfur and in the Donbas, while insurers told ships to "
            "avoid the Strait of Hormuz and the Red Sea. Settlers clashed with villagers in "
            "the West Bank, and aid trucks waited at the crossing into Gaza.",
        )
    )
    assert (found["Darfur"].kind, found["Darfur"].country) == ("region", "SDN")
    assert (found["Donbas"].kind, found["Donbas"].country) == ("region", "UKR")
    assert found["Strait of Hormuz"].country is None
    assert found["Strait of Hormuz"].lat == pytest.approx(26.6, abs=0.5)
    assert found["Red Sea"].kind == "other"
    assert (found["West Bank"].kind, found["West Bank"].country) == ("region", "PSE")
    assert found["Gaza"].name == "Gaza Strip"


def test_a_word_the_model_left_out_of_the_entity_is_taken_in(nlp: Language) -> None:
    # The model tags "Delgado province" in corpus article 31 and "Dar es" here.
    assert ("Cabo Delgado province", "MOZ") in countries(nlp, article_text("31"))
    found = countries(nlp, "The ferry from Dar es Salaam reached the island at noon.")
    assert found == [("Dar es Salaam", "TZA")]


def test_us_states(nlp: Language) -> None:
    found = dict(
        places(
            nlp,
            "Officials in Texas and Louisiana ordered evacuations on Sunday, and Florida "
            "lifted its emergency declaration.",
        )
    )
    assert {name: (p.kind, p.country) for name, p in found.items()} == {
        "Texas": ("region", "USA"),
        "Louisiana": ("region", "USA"),
        "Florida": ("region", "USA"),
    }
    assert found["Texas"].lat == pytest.approx(30.27, abs=0.1)  # Austin


def test_a_state_qualifier_picks_the_state_not_the_country(nlp: Language) -> None:
    us = dict(places(nlp, "The suspect was arrested in Atlanta, Georgia, on Friday."))
    assert (us["Georgia"].kind, us["Georgia"].country) == ("region", "USA")
    assert us["Atlanta"].country == "USA"
    abroad = dict(places(nlp, "The minister flew from Tbilisi in Georgia to Ankara."))
    assert (abroad["Georgia"].kind, abroad["Georgia"].country) == ("country", "GEO")


def test_a_small_namesake_needs_a_qualifier(nlp: Language) -> None:
    # Paris, Texas is ~85 times smaller than Paris: a US-heavy document does not flip it.
    us_heavy = (
        "Governors from Texas, Ohio and Florida met in Washington on Monday before flying "
        "to Paris for the trade fair."
    )
    assert countries(nlp, us_heavy)[-1] == ("Paris", "FRA")
    found = dict(places(nlp, "The festival in Paris, Texas, drew record crowds."))
    assert found["Paris"].country == "USA"
    assert found["Paris"].lat == pytest.approx(33.66, abs=0.1)


# -- what is and is not a mention ------------------------------------------------------------


def test_hyphenated_adjective_is_a_mention_of_the_place(nlp: Language) -> None:
    # The model tags neither "Accra" nor "Kigali" (as a place) here: the hyphen rule finds them.
    doc = annotate(
        nlp,
        "The Nairobi-based think tank said a New York-based fund, the Accra-based lender "
        "and a Kigali-born analyst had pulled out.",
    )
    found = [(span.text, span._.place.country) for span in doc.spans["places"]]
    assert found == [("Nairobi", "KEN"), ("New York", "USA"), ("Accra", "GHA"), ("Kigali", "RWA")]


def test_common_words_that_are_city_names_do_not_match(nlp: Language) -> None:
    text = (
        "Reading the report, the minister said March would be decisive. Nice words will "
        "not help, and a Split decision by the judges of the Mobile phone appeal is likely."
    )
    assert places(nlp, text) == []


def test_a_common_word_city_named_as_a_place_still_matches(nlp: Language) -> None:
    found = countries(nlp, "Police in Mobile, Alabama, said the port would reopen.")
    assert ("Mobile", "USA") in found
    assert ("Alabama", "USA") in found


def test_demonyms_and_person_names_are_not_places(nlp: Language) -> None:
    text = (
        "Kenyan and Ugandan officials met Ethiopian envoys. Chad Williams, a spokesman, "
        "said Farah had left the meeting early."
    )
    assert places(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Two smugglers were detained by police in Agrigento after the landing.", "ITA"),
        ("The convoy was stopped on the road to Macomia by armed men.", "MOZ"),
        ("Residents of north Mitrovica blocked the bridge.", "XKX"),
        ("Diplomats said Budapest lifted its veto on Friday.", "HUN"),
        ("Factories on the outskirts of Gazipur were closed.", "BGD"),
    ],
)
def test_places_the_model_tagged_as_people_are_recovered(
    nlp: Language, text: str, expected: str
) -> None:
    doc = annotate(nlp, text)
    assert [ent.label_ for ent in doc.ents if ent.label_ not in ("CARDINAL", "DATE")] == ["PERSON"]
    assert [span._.place.country for span in doc.spans["places"]] == [expected]


def test_a_person_named_like_a_country_is_not_recovered(nlp: Language) -> None:
    assert places(nlp, "Jordan said the club would appeal the ban.") == []


def test_metonyms_are_place_mentions(nlp: Language) -> None:
    found = countries(
        nlp, "Beijing said the drills were routine, while Washington called them provocative."
    )
    assert found == [("Beijing", "CHN"), ("Washington", "USA")]


def test_a_list_tagged_as_one_entity_gives_one_mention_per_place(nlp: Language) -> None:
    doc = annotate(
        nlp,
        "The summit confirmed the suspensions of Mali, Burkina Faso, Niger, Sudan and "
        "Guinea, officials said.",
    )
    found = {span.text: span._.place.country for span in doc.spans["places"]}
    assert {"Mali": "MLI", "Burkina Faso": "BFA", "Guinea": "GIN"}.items() <= found.items()


def test_spans_are_sorted_do_not_overlap_and_are_labelled_by_kind(nlp: Language) -> None:
    doc = annotate(nlp, article_text("07"))
    spans = list(doc.spans["places"])
    assert spans
    for left, right in zip(spans, spans[1:], strict=False):
        assert left.end <= right.start
    assert all(span.label_ == span._.place.kind for span in spans)


# -- ambiguous names: Tripoli --------------------------------------------------------------


def tripolis(doc: Doc) -> list[str | None]:
    return [span._.place.country for span in doc.spans["places"] if span.text == "Tripoli"]


def test_tripoli_by_document_context_lebanon(nlp: Language) -> None:
    text = (
        "Power cuts in Beirut lasted up to twenty hours on Monday. Lebanon's energy "
        "ministry said fuel for the plants near Sidon had run out.\n\n"
        "Shopkeepers in Tripoli closed early. The army was deployed to keep order."
    )
    assert tripolis(annotate(nlp, text)) == ["LBN"]


def test_tripoli_by_document_context_libya(nlp: Language) -> None:
    text = (
        "Rival administrations in Libya traded accusations on Monday after clashes near "
        "Misrata, and oil exports from Benghazi were suspended.\n\n"
        "Armed groups set up checkpoints across Tripoli. The army was deployed to keep order."
    )
    assert tripolis(annotate(nlp, text)) == ["LBY"]


def test_a_local_qualifier_beats_the_document_vote(nlp: Language) -> None:
    text = (
        "Libya's oil output fell again as militias in Benghazi and Misrata blockaded the "
        "terminals, and the government in Libya appealed for calm.\n\n"
        "Smugglers also used the port of Tripoli, in northern Lebanon, the coastguard said. "
        "Later, a convoy left the Lebanese city of Tripoli for the border."
    )
    assert tripolis(annotate(nlp, text)) == ["LBN", "LBN"]
    reverse = (
        "Lebanon's cabinet met in Beirut, and Lebanese banks in Sidon stayed closed.\n\n"
        "The envoy flew on to the Libyan capital Tripoli. A second envoy went to Tripoli, "
        "Libya, a day later."
    )
    assert tripolis(annotate(nlp, reverse)) == ["LBY", "LBY"]


def test_both_tripolis_in_corpus_article_07(nlp: Language) -> None:
    # 1: "the northern Lebanese port of Tripoli"; 2: "in Tripoli, Libya"; 3: "in Tripoli or
    # in Akkar" beside "Lebanon's energy minister"; 4: "In Tripoli, ... the Libyan
    # government"; 5: the last paragraph, by the document's weight (Lebanon).
    doc = annotate(nlp, article_text("07"), published="2025-09-17")
    assert tripolis(doc) == ["LBN", "LBY", "LBN", "LBY", "LBN"]


def test_both_tripolis_in_corpus_article_30(nlp: Language) -> None:
    # "west of Tripoli, the Libyan capital"; "authorities in Tripoli and Benghazi";
    # "set out from Tripoli, in northern Lebanon".
    doc = annotate(nlp, article_text("30"), published="2025-04-22")
    assert tripolis(doc) == ["LBY", "LBY", "LBN"]


# -- a hand-labelled set -------------------------------------------------------------------

# (text, [(mention, ISO3 or None)]): every place a reader would mark, including ones the
# small model does not tag, so the recall floor is honest.
GOLD: list[tuple[str, list[tuple[str, str | None]]]] = [
    (
        "Flooding along the Shabelle river forced 40,000 people from their homes in "
        "Beledweyne, Somali officials said on Sunday, as aid agencies in Nairobi and "
        "Mogadishu appealed for boats.",
        [("Beledweyne", "SOM"), ("Nairobi", "KEN"), ("Mogadishu", "SOM")],
    ),
    (
        "Ukraine said Russian drones struck an energy facility near Kharkiv overnight, while "
        "air defence units around Kyiv shot down eleven missiles.",
        [("Ukraine", "UKR"), ("Kharkiv", "UKR"), ("Kyiv", "UKR")],
    ),
    (
        "The ministers met in Jakarta before flying on to Manila and Hanoi for talks on "
        "fishing rights in the South China Sea.",
        [("Jakarta", "IDN"), ("Manila", "PHL"), ("Hanoi", "VNM"), ("South China Sea", None)],
    ),
    (
        "Protests spread from Santiago to Valparaíso after Chile's congress voted to raise "
        "the retirement age, and smaller rallies were reported in Buenos Aires.",
        [("Santiago", "CHL"), ("Valparaíso", "CHL"), ("Chile", "CHL"), ("Buenos Aires", "ARG")],
    ),
    (
        "Officials in Texas and Louisiana ordered evacuations as the storm approached "
        "Houston, while Florida lifted its emergency declaration.",
        [("Texas", "USA"), ("Louisiana", "USA"), ("Houston", "USA"), ("Florida", "USA")],
    ),
    (
        "A Lagos-based lender said it would open branches in Accra and Abidjan next year, "
        "betting on trade growth across West Africa.",
        [("Lagos", "NGA"), ("Accra", "GHA"), ("Abidjan", "CIV"), ("West Africa", None)],
    ),
    (
        "Shipping insurers raised premiums for vessels crossing the Strait of Hormuz after "
        "Iran seized a tanker bound for Fujairah in the United Arab Emirates.",
        [
            ("Strait of Hormuz", None),
            ("Iran", "IRN"),
            ("Fujairah", "ARE"),
            ("United Arab Emirates", "ARE"),
        ],
    ),
    (
        "Germany and France pressed Brussels to delay the tariff vote, but Poland and the "
        "Netherlands backed the Commission.",
        [
            ("Germany", "DEU"),
            ("France", "FRA"),
            ("Brussels", "BEL"),
            ("Poland", "POL"),
            ("Netherlands", "NLD"),
        ],
    ),
    (
        "The earthquake was felt as far away as Islamabad, and rescue teams from Lahore "
        "reached the worst-hit villages in northern Pakistan by nightfall.",
        [("Islamabad", "PAK"), ("Lahore", "PAK"), ("Pakistan", "PAK")],
    ),
    (
        "Beijing said the drills near Taiwan were routine, while Washington and Tokyo "
        "called them a dangerous escalation.",
        [("Beijing", "CHN"), ("Taiwan", "TWN"), ("Washington", "USA"), ("Tokyo", "JPN")],
    ),
    (
        "Sudan's army retook parts of Omdurman as fighting in Darfur and South Kordofan "
        "displaced thousands more, the United Nations said in Geneva.",
        [
            ("Sudan", "SDN"),
            ("Omdurman", "SDN"),
            ("Darfur", "SDN"),
            ("South Kordofan", "SDN"),
            ("Geneva", "CHE"),
        ],
    ),
    (
        "The delegation travelled from Ankara to Baghdad and then to Erbil, the capital of "
        "Iraq's Kurdistan region.",
        [("Ankara", "TUR"), ("Baghdad", "IRQ"), ("Erbil", "IRQ"), ("Iraq", "IRQ")],
    ),
    (
        "Canada and Mexico said they would respond in kind, and officials in Ottawa "
        "described the measures as unjustified.",
        [("Canada", "CAN"), ("Mexico", "MEX"), ("Ottawa", "CAN")],
    ),
    (
        "Troops were sent to Goma after rebels advanced from Rutshuru, and the government in "
        "Kinshasa accused Rwanda of backing them.",
        [("Goma", "COD"), ("Rutshuru", "COD"), ("Kinshasa", "COD"), ("Rwanda", "RWA")],
    ),
    (
        "In Caracas, the government said it would hold a vote on the Essequibo region, "
        "which Guyana administers.",
        [("Caracas", "VEN"), ("Essequibo", "GUY"), ("Guyana", "GUY")],
    ),
    (
        "The summit in New Delhi ended without a joint statement, and the next meeting will "
        "be held in Johannesburg, South Africa.",
        [("New Delhi", "IND"), ("Johannesburg", "ZAF"), ("South Africa", "ZAF")],
    ),
    (
        "A Paris-based watchdog said the Tripoli-based government in Libya had blocked its "
        "inspectors, and Kenyan and Ugandan monitors were also turned away.",
        [("Paris", "FRA"), ("Tripoli", "LBY"), ("Libya", "LBY")],
    ),
]
PRECISION_FLOOR = 0.95  # measured 1.00 when the floor was set
RECALL_FLOOR = 0.85  # measured 0.89: the misses are names the model does not tag at all


def test_hand_labelled_set_meets_precision_and_recall_floors(nlp: Language) -> None:
    assert sum(len(gold) for _, gold in GOLD) >= 40
    true_positives = predicted = expected = 0
    for text, gold in GOLD:
        found = countries(nlp, text)
        remaining = list(gold)
        for mention in found:
            if mention in remaining:
                remaining.remove(mention)
                true_positives += 1
        predicted += len(found)
        expected += len(gold)
    precision = true_positives / predicted
    recall = true_positives / expected
    assert precision >= PRECISION_FLOOR, f"precision {precision:.3f}"
    assert recall >= RECALL_FLOOR, f"recall {recall:.3f}"


# -- the component in its pipeline ---------------------------------------------------------


def test_pipeline_analysis_finds_no_problems(nlp: Language) -> None:
    analysis = nlp.analyze_pipes()
    assert analysis["problems"]["newsgraph_places"] == []
    assert "doc.spans" in analysis["attrs"] and "span._.place" in analysis["attrs"]


def test_spans_key_is_configurable() -> None:
    pipeline = load_model()
    pipeline.add_pipe("newsgraph_places", config={"spans_key": "where"})
    doc = pipeline("The ferry from Mombasa reached port at noon, officials in Tanzania said.")
    assert "places" not in doc.spans
    assert [span.text for span in doc.spans["where"]] == ["Mombasa", "Tanzania"]


def test_an_unknown_city_list_is_a_config_error() -> None:
    pipeline = load_model()
    with pytest.raises(ConfigError, match="min_city_population=2000"):
        pipeline.add_pipe("newsgraph_places", config={"min_city_population": 2000})
