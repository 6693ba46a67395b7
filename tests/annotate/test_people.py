"""The newsgraph_people component: people, their attributes and every mention of them.

All text here is written for these tests (or read from the project's own sample corpus
of original fiction); the pipeline is the real model plus newsgraph_actors and
newsgraph_people.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Span

import newsgraph.annotate.actors  # noqa: F401  (registers the factory)
import newsgraph.annotate.people  # noqa: F401  (registers the factory)
from newsgraph.annotate.types import DocActor, register_extensions
from newsgraph.nlp import load_model

ARTICLES = Path(__file__).resolve().parents[2] / "examples" / "corpus_src" / "articles"


@pytest.fixture(scope="module")
def nlp() -> Language:
    register_extensions()
    pipeline = load_model()
    pipeline.add_pipe("newsgraph_actors")
    pipeline.add_pipe("newsgraph_people")
    return pipeline


def _run(nlp: Language, text: str, *, published: str | None = "2025-03-04") -> Doc:
    doc = nlp.make_doc(text)
    doc._.published = published
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


def _people(doc: Doc) -> list[Span]:
    return [s for s in doc.spans["actors"] if (s._.actor or "").startswith("person:")]


def _mentions(doc: Doc) -> list[tuple[str, str, str]]:
    """(text, kind, key) of every person mention, in text order."""
    return [(s.text, s._.mention_kind, s._.actor) for s in _people(doc)]


def _actor(doc: Doc, key: str) -> DocActor:
    assert key in doc._.actors, f"{key} not among {sorted(doc._.actors)}"
    return doc._.actors[key]


# --- the component in the pipeline ----------------------------------------------------


def test_runs_after_actors_and_its_requirements_are_met(nlp: Language) -> None:
    assert nlp.pipe_names[-2:] == ["newsgraph_actors", "newsgraph_people"]
    assert nlp.analyze_pipes()["problems"]["newsgraph_people"] == []


def test_nlp_pipe_gives_the_same_mentions_as_calling_the_components(nlp: Language) -> None:
    text = "Dr Amara Okafor spoke first. Okafor said she was hopeful."
    doc = nlp.make_doc(text)
    doc._.published = "2025-03-04"
    (piped,) = nlp.pipe([doc])
    assert _mentions(piped) == _mentions(_run(nlp, text))
    assert [m[0] for m in _mentions(piped)] == ["Amara Okafor", "Okafor", "she"]


# --- names, titles, short forms -------------------------------------------------------


OKAFOR = (
    "Dr Amara Okafor, who runs the cholera treatment centre in Maiduguri, warned on "
    "Tuesday that the outbreak was spreading faster than expected. Okafor said 312 cases "
    "had been confirmed in the past fortnight. “We are seeing clusters in camps that had "
    "no cases a month ago,” she said. Dr Okafor's team has asked the state government "
    "for more oral rehydration kits."
)


def test_title_name_surname_possessive_and_pronoun(nlp: Language) -> None:
    doc = _run(nlp, OKAFOR)
    key = "person:amara okafor"
    assert _mentions(doc) == [
        ("Amara Okafor", "name", key),
        ("Okafor", "surname", key),
        ("she", "pronoun", key),
        ("Dr Okafor", "title", key),
    ]
    okafor = _actor(doc, key)
    assert (okafor.name, okafor.type, okafor.title) == ("Amara Okafor", "person", "Dr")
    assert okafor.aliases == {"Amara Okafor", "Okafor", "Dr Okafor"}  # never pronouns


def test_president_and_title_with_surname(nlp: Language) -> None:
    doc = _run(
        nlp,
        "President Ruth Adjei opened the new port at Tema on Saturday. Speaking to "
        "dock workers, President Adjei said the terminal would double container traffic.",
    )
    key = "person:ruth adjei"
    assert ("President Adjei", "title", key) in _mentions(doc)
    adjei = _actor(doc, key)
    assert (adjei.name, adjei.title, adjei.role) == ("Ruth Adjei", "President", "GOV")


def test_demonym_before_a_title_gives_country_role_and_code(nlp: Language) -> None:
    doc = _run(
        nlp,
        "Chinese Foreign Minister Wang Lei said on Tuesday that Beijing would not send "
        "a delegation to the summit. Wang told reporters the invitation had come too late. "
        "The foreign minister did not say whether he would attend later talks.",
    )
    key = "person:wang lei"
    wang = _actor(doc, key)
    assert (wang.name, wang.title) == ("Wang Lei", "Foreign Minister")
    assert (wang.country, wang.role, wang.code) == ("CHN", "GOV", "CHNGOV")
    assert _mentions(doc) == [
        ("Wang Lei", "name", key),
        ("Wang", "surname", key),
        ("The foreign minister", "description", key),
        ("he", "pronoun", key),
    ]


def test_minister_of_a_ministry_is_a_title(nlp: Language) -> None:
    doc = _run(nlp, "Minister of Finance Ama Boateng resigned on Monday after the audit.")
    boateng = _actor(doc, "person:ama boateng")
    assert (boateng.name, boateng.title, boateng.role) == (
        "Ama Boateng",
        "Minister of Finance",
        "GOV",
    )


def test_key_and_name_are_the_fullest_form(nlp: Language) -> None:
    doc = _run(
        nlp,
        "Miriam Otieno chaired the session. Miriam Achieng Otieno, the principal "
        "secretary, later told reporters the talks had gone well. Otieno left at noon.",
    )
    keys = {key for _, _, key in _mentions(doc)}
    assert keys == {"person:miriam achieng otieno"}
    assert _actor(doc, "person:miriam achieng otieno").name == "Miriam Achieng Otieno"


def test_shared_surname_goes_to_the_most_recently_named(nlp: Language) -> None:
    doc = _run(
        nlp,
        "Ali Hassan, the mayor of Port Sudan, met Omar Hassan, a businessman who owns "
        "the city's largest flour mill, on Sunday. Hassan told reporters the mill would "
        "reopen next week. Ali Hassan later said the city council had not been consulted. "
        "Hassan said he would raise the matter with the governor.",
    )
    assert [(text, key) for text, _, key in _mentions(doc)] == [
        ("Ali Hassan", "person:ali hassan"),
        ("Omar Hassan", "person:omar hassan"),
        ("Hassan", "person:omar hassan"),
        ("Ali Hassan", "person:ali hassan"),
        ("Hassan", "person:ali hassan"),
        ("he", "person:ali hassan"),
    ]
    assert _actor(doc, "person:ali hassan").descriptors == {"mayor"}
    assert _actor(doc, "person:omar hassan").descriptors == {"businessman"}
    assert "person:hassan" not in doc._.actors


def test_a_lone_surname_never_seen_with_a_full_name_is_its_own_person(nlp: Language) -> None:
    doc = _run(
        nlp,
        "Prices of maize flour have doubled since January. Mutua, a farmer from the "
        "eastern county of Kitui, said he could no longer afford fertiliser.",
    )
    assert ("Mutua", "surname", "person:mutua") in _mentions(doc)
    assert ("he", "pronoun", "person:mutua") in _mentions(doc)
    mutua = _actor(doc, "person:mutua")
    assert (mutua.name, mutua.descriptors) == ("Mutua", {"farmer"})


def test_a_surname_before_the_full_name_joins_it(nlp: Language) -> None:
    doc = _run(
        nlp,
        "Okello has spent twenty years in the district. Samuel Okello, who heads the "
        "hospital in Lira, said the wards were full.",
    )
    assert [key for _, _, key in _mentions(doc)][:2] == ["person:samuel okello"] * 2


def test_a_given_name_alone_only_when_one_person_has_it(nlp: Language) -> None:
    one = _run(
        nlp,
        "Amara Okafor has run the clinic for a decade. Amara, as patients call her, "
        "rarely leaves before midnight.",
    )
    assert ("Amara", "name", "person:amara okafor") in _mentions(one)
    two = _run(
        nlp,
        "Amara Okafor and Amara Nwosu run the two clinics in the town. Amara said the "
        "supplies had not arrived.",
    )
    linked = {key for text, _, key in _mentions(two) if text == "Amara"}
    assert not linked & {"person:amara okafor", "person:amara nwosu"}


def test_surname_after_a_lower_case_particle(nlp: Language) -> None:
    doc = _run(
        nlp,
        "Nasser al-Subaie, an adviser to the Qatari prime minister, spoke first. “Today "
        "four families can breathe again,” al-Subaie said.",
    )
    key = "person:nasser al-subaie"
    assert ("al-Subaie", "surname", key) in _mentions(doc)
    assert _actor(doc, key).country is None  # adviser *to* the Qatari prime minister


def test_a_spanish_paternal_surname(nlp: Language) -> None:
    doc = _run(
        nlp,
        "Rodrigo Salinas Huamán, a former governor of the Cusco region, came second. "
        "Salinas said the count was unfair.",
    )
    assert ("Salinas", "surname", "person:rodrigo salinas huaman") in _mentions(doc)


def test_places_and_common_words_tagged_as_people_are_not_people(nlp: Language) -> None:
    doc = _run(
        nlp,
        "Gunfire was heard near the state house before dawn on Sunday. Two smugglers "
        "were detained by police in Agrigento after the landing.",
    )
    assert {e.text for e in doc.ents if e.label_ == "PERSON"} >= {"Gunfire", "Agrigento"}
    assert _mentions(doc) == []
    assert not any(a.type == "person" for a in doc._.actors.values())


# --- appositions and descriptions -----------------------------------------------------


def test_apposition_with_an_armed_group(nlp: Language) -> None:
    doc = _run(
        nlp,
        "Khalil Nasser, a senior member of Hezbollah's political council, said the group "
        "would respond at a time of its choosing. Nasser's remarks came hours after the "
        "strike.",
    )
    nasser = _actor(doc, "person:khalil nasser")
    assert nasser.affiliation == "Hezbollah"
    assert nasser.descriptors == {"member", "senior member"}
    assert (nasser.country, nasser.role, nasser.code) == ("LBN", "REB", "LBNREB")
    assert ("Nasser", "surname", "person:khalil nasser") in _mentions(doc)


def test_an_armed_group_s_role_beats_the_noun_s(nlp: Language) -> None:
    doc = _run(
        nlp,
        "Ali Mansour, a spokesman for al-Shabaab, said the group had carried out the "
        "attack near the border town of Mandera.",
    )
    mansour = _actor(doc, "person:ali mansour")
    assert mansour.affiliation == "al-Shabaab"
    assert (mansour.country, mansour.role, mansour.code) == ("SOM", "REB", "SOMREB")


def test_apposition_with_a_city_based_institute(nlp: Language) -> None:
    doc = _run(
        nlp,
        "Amina Juma, a research fellow at the Nairobi-based Institute for Security "
        "Studies, said the monitoring cell was a sensible first step.",
    )
    juma = _actor(doc, "person:amina juma")
    assert juma.affiliation == "Institute for Security Studies"
    assert juma.descriptors == {"research fellow", "fellow"}
    assert juma.country == "KEN"
    assert juma.code is not None and juma.code.startswith("KEN")


def test_the_kenyan_economist_after_an_apposition(nlp: Language) -> None:
    doc = _run(
        nlp,
        "Grace Mwangi, a Kenyan economist who studies cross-border trade, said the "
        "closures had cost herders millions of shillings. Economists at the central bank "
        "were more cautious. “Every week the border is shut, a trader loses a month's "
        "income,” the Kenyan economist said.",
    )
    key = "person:grace mwangi"
    mwangi = _actor(doc, key)
    assert mwangi.descriptors == {"economist", "kenyan economist"}
    assert mwangi.country == "KEN"
    assert ("the Kenyan economist", "description", key) in _mentions(doc)
    assert not any(text.lower().startswith("economists") for text, _, _ in _mentions(doc))


def test_kenyan_economist_before_the_name(nlp: Language) -> None:
    doc = _run(
        nlp,
        "Kenyan economist Peter Langat said the new fuel levy would hit the poorest "
        "households hardest. The economist said it should be phased in over two years.",
    )
    key = "person:peter langat"
    assert _actor(doc, key).descriptors == {"economist", "kenyan economist"}
    assert _actor(doc, key).country == "KEN"
    assert ("The economist", "description", key) in _mentions(doc)


def test_a_description_needs_its_adjective_to_fit(nlp: Language) -> None:
    doc = _run(
        nlp,
        "Grace Mwangi, a Kenyan economist, presented the report. The Ugandan economist "
        "on the panel disagreed.",
    )
    assert not any(kind == "description" for _, kind, _ in _mentions(doc))


def test_spokeswoman_description(nlp: Language) -> None:
    doc = _run(
        nlp,
        "Halima Yusuf, a spokeswoman for the state governor, said the convoy had been "
        "delayed by flooding. The spokeswoman declined to say when it would leave.",
    )
    assert ("The spokeswoman", "description", "person:halima yusuf") in _mentions(doc)


def test_two_ministers_the_more_recent_wins(nlp: Language) -> None:
    doc = _run(
        nlp,
        "Finance Minister Kwame Asante and Trade Minister Efua Mensah presented the "
        "budget together on Thursday. The minister said the deficit would fall.",
    )
    assert ("The minister", "description", "person:efua mensah") in _mentions(doc)


def test_age_from_an_apposition_and_the_n_year_old(nlp: Language) -> None:
    doc = _run(
        nlp,
        "Joseph Kariuki, 54, has farmed tea near Kericho for three decades. The "
        "54-year-old said the drought was the worst he had known.",
    )
    key = "person:joseph kariuki"
    assert ("The 54-year-old", "description", key) in _mentions(doc)
    assert ("he", "pronoun", key) in _mentions(doc)


# --- pronouns -------------------------------------------------------------------------


def test_pronoun_after_a_quote(nlp: Language) -> None:
    doc = _run(
        nlp,
        "Claire Nzeyimana coordinates a clinic in Sake. “They say one thing and do "
        "another. We have stopped believing them,” she said.",
    )
    assert ("she", "pronoun", "person:claire nzeyimana") in _mentions(doc)


def test_pronouns_inside_quotes_and_they_or_it_are_not_linked(nlp: Language) -> None:
    doc = _run(
        nlp,
        "Peter Langat studies cross-border trade. “Every week the border is shut, a "
        "cattle trader loses what he would earn in a month,” Langat said. It was the "
        "third closure this year, and they expect more.",
    )
    texts = [text for text, _, _ in _mentions(doc)]
    assert texts == ["Peter Langat", "Langat"]


def test_an_unnamed_subject_keeps_a_pronoun_from_someone_named_earlier(
    nlp: Language,
) -> None:
    doc = _run(
        nlp,
        "Tomás Echeverría Ruiz, who heads the Red Cross office in Kadugli, said the "
        "convoy had arrived. The militia has never admitted attacking the convoy, and a "
        "spokesman for the group denied on Monday that its fighters had fired on the "
        "lorries. “Our men protect aid workers,” he told reporters by telephone.",
    )
    assert [text for text, _, _ in _mentions(doc)] == ["Tomás Echeverría Ruiz"]
    assert _actor(doc, "person:tomas echeverria ruiz").name == "Tomás Echeverría Ruiz"


def test_two_people_alternating(nlp: Language) -> None:
    doc = _run(
        nlp,
        "Trade ministers Fatuma Mrisho of Tanzania and Joseph Banda of Zambia met in "
        "Lusaka on Friday to discuss the Tunduma border crossing. Mrs Mrisho said the "
        "crossing would open around the clock from next month. Mr Banda welcomed the "
        "offer but said he wanted guarantees for Zambian truck drivers. She promised to "
        "send a technical team. He said his ministry would study its report.",
    )
    mrisho, banda = "person:fatuma mrisho", "person:joseph banda"
    assert _mentions(doc) == [
        ("Fatuma Mrisho", "name", mrisho),
        ("Joseph Banda", "name", banda),
        ("Mrs Mrisho", "title", mrisho),
        ("Mr Banda", "title", banda),
        ("he", "pronoun", banda),
        ("She", "pronoun", mrisho),
        ("He", "pronoun", banda),
        ("his", "pronoun", banda),
    ]


def test_subject_of_the_previous_sentence_is_preferred(nlp: Language) -> None:
    doc = _run(
        nlp,
        "Daniel Mutai met Samuel Rotich at the stadium on Monday. Mutai handed the "
        "trophy to Rotich. He said the team had earned it.",
    )
    assert ("He", "pronoun", "person:daniel mutai") in _mentions(doc)


def test_an_object_pronoun_is_not_its_own_subject(nlp: Language) -> None:
    doc = _run(
        nlp,
        "Daniel Mutai coached the team for a decade. Samuel Rotich praised him warmly.",
    )
    assert ("him", "pronoun", "person:daniel mutai") in _mentions(doc)


def test_a_possessive_in_an_apposition_is_not_the_named_person(nlp: Language) -> None:
    doc = _run(
        nlp,
        "Amara Okafor runs the clinic. Chidi Okafor, her cousin, runs a transport firm in "
        "Enugu. Okafor said fuel costs had risen by a third.",
    )
    assert ("her", "pronoun", "person:amara okafor") in _mentions(doc)
    assert _mentions(doc)[-1] == ("Okafor", "surname", "person:chidi okafor")


# --- spans ----------------------------------------------------------------------------


def test_spans_never_overlap_spans_already_there(nlp: Language) -> None:
    text = "Dr Amara Okafor said the clinic would close. Okafor said she was sorry."
    doc = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        if name.startswith("newsgraph_"):
            break
        doc = proc(doc)
    assert doc[9].text == "Okafor"
    taken = Span(doc, 9, 10, label="TEST")  # the second "Okafor", claimed by someone else
    taken._.actor = "org:test"
    taken._.mention_kind = "name"
    doc.spans["actors"] = [taken]
    doc._.actors = {"org:test": DocActor(key="org:test", name="Test", type="organisation")}
    doc = nlp.get_pipe("newsgraph_people")(doc)
    spans = list(doc.spans["actors"])
    assert [(s.text, s._.actor, s._.mention_kind) for s in spans] == [
        ("Amara Okafor", "person:amara okafor", "name"),
        ("Okafor", "org:test", "name"),
        ("she", "person:amara okafor", "pronoun"),
    ]
    assert doc._.actors["org:test"].type == "organisation"


@pytest.mark.parametrize("text", ["", "   \n\n  ", "No one was named in this report."])
def test_a_document_without_people(nlp: Language, text: str) -> None:
    doc = _run(nlp, text)
    assert _people(doc) == []
    assert not any(a.type == "person" for a in doc._.actors.values())


def test_mention_kinds_are_the_declared_ones(nlp: Language) -> None:
    doc = _run(nlp, OKAFOR)
    kinds = {s._.mention_kind for s in _people(doc)}
    assert kinds <= {"name", "surname", "title", "description", "pronoun"}


# --- the sample corpus ----------------------------------------------------------------


def test_sample_article_01(nlp: Language) -> None:
    path = next(ARTICLES.glob("01-*.json"))
    article = json.loads(path.read_text(encoding="utf-8"))
    doc = _run(nlp, "\n\n".join(article["paragraphs"]), published=article["published"])
    found = _mentions(doc)
    otieno = "person:miriam achieng otieno"
    assert ("Otieno", "surname", otieno) in found  # also where the tagger said ORG
    assert [t for t, _, k in found if k == otieno] == [
        "Miriam Achieng Otieno",
        "Otieno",
        "She",
        "Otieno",
    ]
    assert ("He", "pronoun", "person:hassan abdi warsame") in found
    assert ("the Kenyan economist", "description", "person:peter kiprono langat") in found
    assert ("his", "pronoun", "person:tesfaye gebremariam") in found
    assert ("Farah", "surname", "person:abdirahman yusuf farah") in found
    farah = _actor(doc, "person:abdirahman yusuf farah")
    assert (farah.country, farah.code) == ("SOM", "SOMGOV")
    gebremariam = _actor(doc, "person:tesfaye gebremariam")
    assert (gebremariam.title, gebremariam.code) == ("Ambassador", "ETHGOV")
    assert _actor(doc, otieno).title == "Dr"
    assert not any(k == "person:garissa" for _, _, k in found)  # "Garissa counties"


# --- a hand-labelled set with precision and recall floors -----------------------------

LABELLED_TEXT = """\
Health Minister Joyce Achola said on Thursday that the cholera outbreak in the northern \
district of Lira had been contained. Achola told a news conference in Kampala that 41 \
people had died since August. “The numbers are falling every week,” she said. Dr Samuel \
Okello, who heads the district hospital, disagreed. Okello said his wards were still full \
and that he had asked the ministry for more nurses. The minister promised to send a team.

Rebel commander Jean-Pierre Mbala, a senior member of the M23 movement, said his fighters \
would withdraw from the town. Mbala spoke by telephone from Goma. Aid worker Claire \
Nzeyimana, the coordinator of a clinic in Sake, said she had not seen any sign of a \
pullback. “They say one thing and do another,” Nzeyimana said. The coordinator added that \
her staff had been threatened twice this month. Mbala denied that.

Kenyan economist Grace Wanjiru said the new fuel levy would hit the poorest households \
hardest. Economists at the central bank were more cautious. The 47-year-old, who advised \
the treasury until 2022, said the levy should be phased in over two years. Wanjiru's \
warning was echoed by Senator Paul Kibet. Kibet said he would table an amendment next \
week. The economist welcomed the move.

Trade ministers Fatuma Mrisho of Tanzania and Joseph Banda of Zambia met in Lusaka on \
Friday. Mrs Mrisho said the Tunduma crossing would open around the clock from next month. \
Mr Banda welcomed the offer but said he wanted guarantees for truck drivers. She promised \
to send a technical team. He said his ministry would study its report.
"""

# (surface text, which occurrence of it in the text, person key)
ACHOLA, OKELLO = "person:joyce achola", "person:samuel okello"
MBALA, NZEYIMANA = "person:jean-pierre mbala", "person:claire nzeyimana"
WANJIRU, KIBET = "person:grace wanjiru", "person:paul kibet"
MRISHO, BANDA = "person:fatuma mrisho", "person:joseph banda"
LABELS: list[tuple[str, int, str]] = [
    ("Joyce Achola", 1, ACHOLA),
    ("Achola", 2, ACHOLA),
    ("she", 1, ACHOLA),
    ("Samuel Okello", 1, OKELLO),
    ("Okello", 2, OKELLO),
    ("his", 1, OKELLO),
    ("he", 1, OKELLO),
    ("The minister", 1, ACHOLA),
    ("Jean-Pierre Mbala", 1, MBALA),
    ("his", 2, MBALA),
    ("Mbala", 2, MBALA),
    ("Claire Nzeyimana", 1, NZEYIMANA),
    ("she", 2, NZEYIMANA),
    ("Nzeyimana", 2, NZEYIMANA),
    ("The coordinator", 1, NZEYIMANA),
    ("her", 1, NZEYIMANA),
    ("Mbala", 3, MBALA),
    ("Grace Wanjiru", 1, WANJIRU),
    ("The 47-year-old", 1, WANJIRU),
    ("Wanjiru", 2, WANJIRU),
    ("Paul Kibet", 1, KIBET),
    ("Kibet", 2, KIBET),
    ("he", 2, KIBET),
    ("The economist", 1, WANJIRU),
    ("Fatuma Mrisho", 1, MRISHO),
    ("Joseph Banda", 1, BANDA),
    ("Mrs Mrisho", 1, MRISHO),
    ("Mr Banda", 1, BANDA),
    ("he", 3, BANDA),
    ("She", 1, MRISHO),
    ("He", 1, BANDA),
    ("his", 3, BANDA),
]
PRECISION_FLOOR = 0.93  # measured 1.00 (32/32) when set
RECALL_FLOOR = 0.93  # measured 1.00 (32/32) when set


def _gold_offsets() -> list[tuple[int, int, str]]:
    gold = []
    for surface, nth, key in LABELS:
        hits = list(re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", LABELLED_TEXT))
        assert len(hits) >= nth, f"{surface!r} occurs {len(hits)} times, label wants #{nth}"
        gold.append((hits[nth - 1].start(), hits[nth - 1].end(), key))
    return gold


def _score(doc: Doc) -> tuple[float, float, list[str]]:
    gold = _gold_offsets()
    found = [(s.start_char, s.end_char, s._.actor, s.text) for s in _people(doc)]

    def matches(f: tuple[int, int, str, str], g: tuple[int, int, str]) -> bool:
        return f[0] < g[1] and g[0] < f[1] and f[2] == g[2]

    right = [f for f in found if any(matches(f, g) for g in gold)]
    recalled = [g for g in gold if any(matches(f, g) for f in found)]
    wrong = [f"{f[3]!r}@{f[0]} -> {f[2]}" for f in found if f not in right]
    missed = [f"{LABELLED_TEXT[g[0] : g[1]]!r}@{g[0]} -> {g[2]}" for g in gold if g not in recalled]
    return len(right) / len(found), len(recalled) / len(gold), wrong + missed


def test_labelled_set_has_enough_mentions_of_each_kind() -> None:
    assert len(LABELS) >= 25
    pronouns = sum(surface.lower() in {"he", "she", "his", "her"} for surface, _, _ in LABELS)
    descriptions = sum(surface.startswith("The ") for surface, _, _ in LABELS)
    assert pronouns >= 8 and descriptions >= 4


def test_precision_and_recall_floors_on_the_labelled_set(nlp: Language) -> None:
    precision, recall, errors = _score(_run(nlp, LABELLED_TEXT))
    assert precision >= PRECISION_FLOOR, (precision, errors)
    assert recall >= RECALL_FLOOR, (recall, errors)
