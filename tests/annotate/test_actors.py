"""The newsgraph_actors component: countries, metonyms, demonyms and organisations."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

import newsgraph.annotate.actors  # noqa: F401  (registers the factory)
from newsgraph.annotate.actors import role_actor_name
from newsgraph.annotate.types import register_extensions
from newsgraph.nlp import load_model

ARTICLES = Path(__file__).resolve().parents[2] / "examples" / "corpus_src" / "articles"


@pytest.fixture(scope="module")
def nlp() -> Language:
    register_extensions()
    pipeline = load_model()
    pipeline.add_pipe("newsgraph_actors")
    return pipeline


def _run(nlp: Language, text: str, *, published: str | None = "2025-03-04") -> Doc:
    doc = nlp.make_doc(text)
    doc._.published = published
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


def _mentions(doc: Doc) -> set[tuple[str, str]]:
    return {(span.text, span._.actor) for span in doc.spans["actors"]}


# --- the cases of the brief -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "key"),
    [
        ("Beijing said on Monday it would retaliate.", "Beijing", "country:CHN:GOV"),
        ("Zhongnanhai has not commented on the reshuffle.", "Zhongnanhai", "country:CHN:GOV"),
        ("Washington rejected the claim on Friday.", "Washington", "country:USA:GOV"),
        (
            "The White House said the president had not been briefed.",
            "White House",
            "country:USA:GOV",
        ),
        ("Paris recalled its ambassador for consultations.", "Paris", "country:FRA:GOV"),
        ("The Élysée said the visit would go ahead.", "Élysée", "country:FRA:GOV"),
        ("Riyadh and Tehran agreed to reopen their embassies.", "Riyadh", "country:SAU:GOV"),
        ("Ankara has accused the group of staging the bombing.", "Ankara", "country:TUR:GOV"),
        ("The Kremlin dismissed the report as a fabrication.", "Kremlin", "country:RUS:GOV"),
        ("The Pentagon confirmed the deployment on Sunday.", "Pentagon", "country:USA:MIL"),
    ],
)
def test_metonyms_stand_for_governments(nlp: Language, text: str, surface: str, key: str) -> None:
    doc = _run(nlp, text)
    assert (surface, key) in _mentions(doc)
    span = next(s for s in doc.spans["actors"] if s.text == surface)
    assert span._.mention_kind == "metonym"
    iso3, role = key.split(":")[1:]
    actor = doc._.actors[key]
    assert (actor.type, actor.country, actor.role, actor.code) == (
        "country",
        iso3,
        role,
        iso3 + role,
    )


@pytest.mark.parametrize(
    "text",
    [
        "The delegation arrived in Beijing on Tuesday.",
        "Talks were held at a hotel in Nairobi.",
        "She flew to Paris and then travelled on to Riyadh.",
        "The minister arrived from Ankara late on Monday.",
        "Chinese vehicles are now common on Nairobi roads.",
    ],
)
def test_capitals_as_places_are_not_actors(nlp: Language, text: str) -> None:
    doc = _run(nlp, text)
    assert not [s for s in doc.spans["actors"] if s._.actor.startswith("country:")]


def test_xis_government_is_the_chinese_government(nlp: Language) -> None:
    doc = _run(nlp, "Xi's government has so far said little about the dispute.")
    assert ("government", "country:CHN:GOV") in _mentions(doc)
    assert doc._.actors["country:CHN:GOV"].name == "China (government)"
    assert not any(s.text == "Xi" for s in doc.spans["actors"])  # people are not ours


def test_one_actor_per_country_and_role(nlp: Language) -> None:
    text = (
        "Beijing protested on Monday. The Chinese Foreign Ministry said the visit was a "
        "provocation, and Zhongnanhai let it be known that Xi's government was angry."
    )
    doc = _run(nlp, text)
    gov = [s for s in doc.spans["actors"] if s._.actor == "country:CHN:GOV"]
    assert [s.text for s in gov] == [
        "Beijing",
        "Chinese Foreign Ministry",
        "Zhongnanhai",
        "government",
    ]
    actor = doc._.actors["country:CHN:GOV"]
    assert actor.name == "China (government)"  # one canonical name, whatever the surface
    assert actor.aliases == {"Beijing", "Chinese Foreign Ministry", "Zhongnanhai", "government"}


@pytest.mark.parametrize(
    ("text", "surface", "key", "kind"),
    [
        (
            "Kenyan police fired tear gas at the crowd.",
            "Kenyan police",
            "country:KEN:COP",
            "demonym",
        ),
        (
            "The Sudanese army said it had retaken the bridge.",
            "Sudanese army",
            "country:SDN:MIL",
            "demonym",
        ),
        (
            "The French government will send two frigates.",
            "French government",
            "country:FRA:GOV",
            "demonym",
        ),
        (
            "The Chinese Foreign Ministry urged restraint.",
            "Chinese Foreign Ministry",
            "country:CHN:GOV",
            "demonym",
        ),
        (
            "Russia's Foreign Ministry called the sanctions illegal.",
            "Russia's Foreign Ministry",
            "country:RUS:GOV",
            "name",
        ),
        (
            "Pyongyang fired two missiles, Seoul's military said.",
            "Seoul's military",
            "country:KOR:MIL",
            "metonym",
        ),
        (
            "Israeli forces raided the camp before dawn.",
            "Israeli forces",
            "country:ISR:MIL",
            "demonym",
        ),
    ],
)
def test_country_plus_role(nlp: Language, text: str, surface: str, key: str, kind: str) -> None:
    doc = _run(nlp, text)
    assert (surface, key) in _mentions(doc)
    span = next(s for s in doc.spans["actors"] if s.text == surface)
    assert span._.mention_kind == kind
    _, iso3, role = key.split(":")
    assert doc._.actors[key].name == role_actor_name(iso3, role)
    assert surface in doc._.actors[key].aliases


@pytest.mark.parametrize(
    ("text", "surface", "key"),
    [
        ("Kenya and Somalia signed a security pact.", "Kenya", "country:KEN"),
        (
            "The European Union and the United States imposed sanctions.",
            "United States",
            "country:USA",
        ),
        ("The Chinese said they would not attend the summit.", "Chinese", "country:CHN"),
        ("Hamas said it had received a new proposal from Egypt.", "Egypt", "country:EGY"),
    ],
)
def test_countries_by_name_or_standalone_demonym(
    nlp: Language, text: str, surface: str, key: str
) -> None:
    doc = _run(nlp, text)
    assert (surface, key) in _mentions(doc)
    actor = doc._.actors[key]
    assert actor.type == "country" and actor.code == key.split(":")[1] and actor.role is None


@pytest.mark.parametrize(
    "text",
    [
        "Chinese vehicles crossed the border at dawn.",
        "The Kenyan economist said inflation would ease.",
        "Some twenty opposition groups signed the charter.",
        "Rebels ambushed a convoy on the main road.",
        "The Foreign Ministry said the talks would resume.",
    ],
)
def test_non_actors(nlp: Language, text: str) -> None:
    assert _mentions(_run(nlp, text)) == set()


@pytest.mark.parametrize(
    ("text", "surface", "key", "code", "country"),
    [
        (
            "Hezbollah fired dozens of rockets overnight.",
            "Hezbollah",
            "org:hezbollah",
            "LBNREB",
            "LBN",
        ),
        (
            "The African Union suspended the country's membership.",
            "African Union",
            "org:african union",
            "IGOAFRAFU",
            None,
        ),
        ("NATO allies will meet next week.", "NATO", "org:nato", "IGOWSTNAT", None),
        (
            "Reuters could not independently verify the footage.",
            "Reuters",
            "org:reuters",
            "MED",
            None,
        ),
        (
            "Houthi rebels attacked a tanker in the Red Sea.",
            "Houthi rebels",
            "org:houthis",
            "YEMREB",
            "YEM",
        ),
        (
            "M23 rebels seized the town, local officials said.",
            "M23 rebels",
            "org:m23",
            "CODREB",
            "COD",
        ),
        (
            "The Kenyan Red Cross said 12 people had died.",
            "Kenyan Red Cross",
            "org:kenya red cross",
            "NGOKENHLH",
            "KEN",
        ),
    ],
)
def test_gazetteer_organisations(
    nlp: Language, text: str, surface: str, key: str, code: str, country: str | None
) -> None:
    doc = _run(nlp, text)
    assert (surface, key) in _mentions(doc)
    actor = doc._.actors[key]
    assert (actor.type, actor.code, actor.country) == ("organisation", code, country)


def test_coordinated_demonyms_share_the_role_noun(nlp: Language) -> None:
    doc = _run(nlp, "Indian and Pakistani troops exchanged fire overnight.")
    assert _mentions(doc) == {
        ("Indian", "country:IND:MIL"),
        ("Pakistani troops", "country:PAK:MIL"),
    }


@pytest.mark.parametrize(
    "text",
    [
        "A Nairobi-based analyst said the market was calm.",
        "The tanker docked at the port of Tripoli on Tuesday.",
        "The envoys left Cairo after midnight.",
    ],
)
def test_places_in_disguise_are_not_actors(nlp: Language, text: str) -> None:
    assert _mentions(_run(nlp, text)) == set()


def test_national_branch_of_an_international_organisation(nlp: Language) -> None:
    doc = _run(nlp, "The Ugandan Red Cross said it had sent two trucks.")
    actor = doc._.actors["org:ugandan red cross"]
    assert (actor.country, actor.role, actor.code) == ("UGA", "NGO", "UGANGO")


def test_country_prefix_on_a_gazetteer_group_keeps_the_group(nlp: Language) -> None:
    doc = _run(nlp, "Yemen's Houthi rebels fired a missile at the ship.")
    assert _mentions(doc) == {("Yemen's Houthi rebels", "org:houthis")}


def test_plural_name_is_not_a_demonym(nlp: Language) -> None:
    doc = _run(nlp, "The Philippines protested, and Manila summoned the ambassador.")
    span = next(s for s in doc.spans["actors"] if s.text == "Philippines")
    assert (span._.actor, span._.mention_kind) == ("country:PHL", "name")


@pytest.mark.parametrize(
    ("article", "not_orgs"),
    [
        ("09-peru-election-runoff.json", {"org:quispe"}),
        ("32-bangladesh-garment-workers-wage-protests-gazipur.json", {"org:shahida akter"}),
        ("28-elysee-new-caledonia-talks-noumea-reconstruction.json", {"org:noumea"}),
    ],
)
def test_people_and_places_tagged_org_are_not_organisations(
    nlp: Language, article: str, not_orgs: set[str]
) -> None:
    """The small model tags some surnames and towns as ORG; they are no organisations."""
    data = json.loads((ARTICLES / article).read_text())
    doc = _run(nlp, "\n\n".join(data["paragraphs"]), published=data["published"])
    assert not not_orgs & set(doc._.actors)


def test_unknown_organisation_is_still_an_actor(nlp: Language) -> None:
    doc = _run(nlp, "Kenya Airways cancelled all flights to the coast on Friday.")
    actor = doc._.actors["org:kenya airways"]
    assert actor.type == "organisation" and actor.country == "KEN"


def test_spans_are_sorted_disjoint_and_complete(nlp: Language) -> None:
    text = (
        "Kigali denies backing the rebels, but a UN report says Rwandan troops fought "
        "alongside M23 near Goma, and the Congolese army has asked the African Union to act."
    )
    doc = _run(nlp, text)
    spans = list(doc.spans["actors"])
    assert spans == sorted(spans, key=lambda s: s.start)
    assert all(a.end <= b.start for a, b in zip(spans, spans[1:], strict=False))
    assert {s._.actor for s in spans} == set(doc._.actors)
    for span in spans:
        assert span._.mention_kind in {"name", "metonym", "demonym", "description"}
        assert span.text in doc._.actors[span._.actor].aliases
    assert _mentions(doc) >= {
        ("Kigali", "country:RWA:GOV"),
        ("UN", "org:united nations"),
        ("Rwandan troops", "country:RWA:MIL"),
        ("M23", "org:m23"),
        ("Congolese army", "country:COD:MIL"),
        ("African Union", "org:african union"),
    }


def test_pipeline_order_and_attributes(nlp: Language) -> None:
    analysis = nlp.analyze_pipes()
    assert analysis["problems"]["newsgraph_actors"] == []
    assert nlp.pipe_names[-1] == "newsgraph_actors"
    docs = list(nlp.pipe(["Tehran said nothing.", "Nothing happened."]))
    assert _mentions(docs[0]) == {("Tehran", "country:IRN:GOV")}
    assert _mentions(docs[1]) == set() and docs[1]._.actors == {}


def test_sample_corpus_article(nlp: Language) -> None:
    """The China drills article: ministries, metonyms, and a capital used as a place."""
    article = json.loads((ARTICLES / "05-china-drills-taiwan-strait-quarantine.json").read_text())
    doc = _run(nlp, "\n\n".join(article["paragraphs"]), published=article["published"])
    found = _mentions(doc)
    assert ("Chinese Foreign Ministry", "country:CHN:GOV") in found
    assert ("Taiwan's Defense Ministry", "country:TWN:GOV") in found
    assert ("Washington", "country:USA:GOV") in found
    beijing = [s for s in doc.spans["actors"] if s.text == "Beijing"]
    briefing = doc.text.index("briefing in Beijing") + len("briefing in ")
    assert all(s.start_char != briefing for s in beijing)


def test_sample_corpus_article_congo(nlp: Language) -> None:
    article = json.loads((ARTICLES / "03-m23-uvira-truce-collapses.json").read_text())
    doc = _run(nlp, "\n\n".join(article["paragraphs"]), published=article["published"])
    found = _mentions(doc)
    assert ("Kigali", "country:RWA:GOV") in found
    assert ("Congolese army", "country:COD:MIL") in found
    assert ("Kinshasa", "country:COD:GOV") in found
    assert doc._.actors["org:m23"].code == "CODREB"


# --- a small hand-labelled evaluation set ---------------------------------------------

GOLD: list[tuple[str, set[tuple[str, str]]]] = [
    ("Beijing warned on Friday that it would take resolute measures if the sale went ahead.",
     {("Beijing", "country:CHN:GOV")}),
    ("The talks were held in Beijing behind closed doors.", set()),
    ("Washington and Seoul announced joint naval exercises for next month.",
     {("Washington", "country:USA:GOV"), ("Seoul", "country:KOR:GOV")}),
    ("The White House said the president had not been briefed on the raid.",
     {("White House", "country:USA:GOV")}),
    ("The Kremlin dismissed the report as fabricated, and Moscow summoned the Estonian ambassador.",
     {("Kremlin", "country:RUS:GOV"), ("Moscow", "country:RUS:GOV")}),
    ("Paris recalled its envoy after the Élysée was accused of interference.",
     {("Paris", "country:FRA:GOV"), ("Élysée", "country:FRA:GOV")}),
    ("Riyadh and Tehran agreed to reopen their embassies within two months.",
     {("Riyadh", "country:SAU:GOV"), ("Tehran", "country:IRN:GOV")}),
    ("Ankara has accused Kurdish militants of staging the bombing.",
     {("Ankara", "country:TUR:GOV")}),
    ("Kenya and Somalia signed a security pact in Nairobi on Tuesday.",
     {("Kenya", "country:KEN"), ("Somalia", "country:SOM")}),
    ("Kenyan police arrested 14 people after protesters blocked the highway.",
     {("Kenyan police", "country:KEN:COP")}),
    ("The Sudanese army said it had retaken the bridge from the Rapid Support Forces.",
     {("Sudanese army", "country:SDN:MIL"), ("Rapid Support Forces", "org:rapid support forces")}),
    ("Russia's Foreign Ministry called the new sanctions illegal.",
     {("Russia's Foreign Ministry", "country:RUS:GOV")}),
    ("The Chinese Foreign Ministry urged restraint on both sides.",
     {("Chinese Foreign Ministry", "country:CHN:GOV")}),
    ("The French government will send two frigates to the region.",
     {("French government", "country:FRA:GOV")}),
    ("Hezbollah fired dozens of rockets into northern Israel overnight.",
     {("Hezbollah", "org:hezbollah")}),
    ("Hamas said it had received a new proposal from Egypt.",
     {("Hamas", "org:hamas"), ("Egypt", "country:EGY")}),
    ("The African Union suspended Niger's membership after the coup.",
     {("African Union", "org:african union"), ("Niger", "country:NER")}),
    ("NATO allies will meet in Brussels next week.", {("NATO", "org:nato")}),
    ("Reuters could not independently verify the footage.", {("Reuters", "org:reuters")}),
    ("M23 rebels seized the town of Nyanzale, local officials said.", {("M23 rebels", "org:m23")}),
    ("Houthi rebels attacked a Greek-owned tanker in the Red Sea.",
     {("Houthi rebels", "org:houthis")}),
    ("The Chinese said they would not attend the summit.", {("Chinese", "country:CHN")}),
    ("Chinese vehicles are now common on Nairobi roads.", set()),
    ("The Kenyan economist said inflation would ease by the end of the year.", set()),
    ("Some twenty opposition groups signed the charter.", set()),
    ("Rebels ambushed a convoy near the border.", set()),
    ("The UN Security Council will vote on the resolution on Thursday.",
     {("UN Security Council", "org:un security council")}),
    ("The European Union and the United States imposed sanctions on the generals.",
     {("European Union", "org:european union"), ("United States", "country:USA")}),
    ("Israeli forces raided the camp, while Palestinian officials condemned the operation.",
     {("Israeli forces", "country:ISR:MIL"), ("Palestinian officials", "country:PSE:GOV")}),
    ("Xi's government has so far said little about the dispute.",
     {("government", "country:CHN:GOV")}),
    ("The delegation flew to Kigali before heading to Kinshasa, where Congolese officials "
     "were waiting.",
     {("Congolese officials", "country:COD:GOV")}),
    ("Kigali denies backing the rebels, but a UN report says Rwandan troops fought alongside M23.",
     {("Kigali", "country:RWA:GOV"), ("UN", "org:united nations"),
      ("Rwandan troops", "country:RWA:MIL"), ("M23", "org:m23")}),
    ("Médecins Sans Frontières said its clinic in Goma had been looted.",
     {("Médecins Sans Frontières", "org:medecins sans frontieres")}),
    ("The World Food Programme warned that stocks in Sudan would run out by June.",
     {("World Food Programme", "org:world food programme")}),
    ("Pyongyang fired two ballistic missiles, Seoul's military said.",
     {("Pyongyang", "country:PRK:GOV"), ("Seoul's military", "country:KOR:MIL")}),
    ("Downing Street said the prime minister would call Ankara later in the day.",
     {("Downing Street", "country:GBR:GOV"), ("Ankara", "country:TUR:GOV")}),
    ("The Pentagon confirmed that US troops had been moved to Qatar.",
     {("Pentagon", "country:USA:MIL"), ("US troops", "country:USA:MIL")}),
    ("Egypt and Qatar called on both sides to return to talks.",
     {("Egypt", "country:EGY"), ("Qatar", "country:QAT")}),
    ("Amnesty International and Human Rights Watch accused the Ethiopian military of abuses "
     "in Tigray.",
     {("Amnesty International", "org:amnesty international"),
      ("Human Rights Watch", "org:human rights watch"),
      ("Ethiopian military", "country:ETH:MIL")}),
    ("ECOWAS leaders gave the junta a deadline to restore civilian rule.",
     {("ECOWAS", "org:ecowas")}),
    ("Thousands of Kenyans marched through the capital, and the opposition leader joined them.",
     {("Kenyans", "country:KEN")}),
    ("Al-Shabaab claimed the attack on the base, which Mogadishu blamed on foreign fighters.",
     {("Al-Shabaab", "org:al-shabaab"), ("Mogadishu", "country:SOM:GOV")}),
    # Written after the component, labelled before running it (two batches; first-run
    # scores 0.90 / 0.96 and 0.93 / 0.96, before the fixes they prompted).
    ("Tokyo lodged a formal protest after Chinese coast guard ships entered its waters.",
     {("Tokyo", "country:JPN:GOV"), ("Chinese coast guard", "country:CHN:MIL")}),
    ("Ethiopia's prime minister met Eritrean officials in Asmara.",
     {("Ethiopia", "country:ETH"), ("Eritrean officials", "country:ERI:GOV")}),
    ("The IMF approved a $1.2 billion loan for Pakistan on Wednesday.",
     {("IMF", "org:international monetary fund"), ("Pakistan", "country:PAK")}),
    ("Ukrainian drones struck an oil depot, the Russian Defence Ministry said.",
     {("Russian Defence Ministry", "country:RUS:GOV")}),
    ("Kyiv said it had no information about the strike.", {("Kyiv", "country:UKR:GOV")}),
    ("Tens of thousands of Venezuelans have crossed into Colombia this year.",
     {("Venezuelans", "country:VEN")}),
    ("Delhi and Islamabad traded accusations over the shelling.",
     {("Delhi", "country:IND:GOV"), ("Islamabad", "country:PAK:GOV")}),
    ("The ICC issued an arrest warrant for the militia commander.",
     {("ICC", "org:international criminal court")}),
    ("Boko Haram fighters attacked a village in Borno state, killing nine farmers.",
     {("Boko Haram", "org:boko haram")}),
    ("A spokesperson for UNICEF said schools in Gaza had been destroyed.",
     {("UNICEF", "org:unicef")}),
    ("Nigerian troops and Chadian soldiers launched a joint operation around Lake Chad.",
     {("Nigerian troops", "country:NGA:MIL"), ("Chadian soldiers", "country:TCD:MIL")}),
    ("Brazil's Supreme Court ordered the former president to wear an ankle monitor.",
     {("Brazil's Supreme Court", "country:BRA:JUD")}),
    ("The Indonesian government expelled two Australian diplomats.",
     {("Indonesian government", "country:IDN:GOV"), ("Australian diplomats", "country:AUS:GOV")}),
    ("Al Jazeera reported that Qatari mediators had left Cairo.",
     {("Al Jazeera", "org:al jazeera")}),
    ("The Taliban barred women from working for the United Nations in Afghanistan.",
     {("Taliban", "org:taliban"), ("United Nations", "org:united nations")}),
    ("South Africa brought the case to the International Court of Justice.",
     {("South Africa", "country:ZAF"),
      ("International Court of Justice", "org:international court of justice")}),
    ("Protesters gathered outside the Turkish embassy in Berlin.", set()),
    ("Berlin has pledged more air defence systems to Ukraine.",
     {("Berlin", "country:DEU:GOV"), ("Ukraine", "country:UKR")}),
    ("The Malian junta ordered French troops to leave the country.",
     {("Malian junta", "country:MLI:GOV"), ("French troops", "country:FRA:MIL")}),
    ("A Somali journalist was detained by security forces in Mogadishu.", set()),
    ("Moscow-backed separatists shelled the town, the Ukrainian military said.",
     {("Moscow", "country:RUS:GOV"), ("Ukrainian military", "country:UKR:MIL")}),
    ("Speaking in Addis Ababa, the AU chairperson urged both sides to respect the truce.",
     {("AU", "org:african union")}),
    ("Iranian state media said the Revolutionary Guards had seized a tanker.",
     {("Iranian state media", "country:IRN:GOV"),
      ("Revolutionary Guards", "org:islamic revolutionary guard corps")}),
    ("The Pakistani Taliban claimed the bombing in Peshawar.",
     {("Pakistani Taliban", "org:tehreek-e-taliban pakistan")}),
    ("Ghana's parliament passed the bill despite objections from Western donors.",
     {("Ghana's parliament", "country:GHA:LEG")}),
    ("Egyptian and Qatari mediators shuttled between the two delegations.", set()),
    ("Beijing's ambassador to Canberra was summoned on Thursday.",
     {("Beijing", "country:CHN:GOV"), ("Canberra", "country:AUS:GOV")}),
    ("Residents of Kinshasa queued for fuel as prices doubled.", set()),
    ("The Turkish Defence Ministry said its jets had struck PKK targets in northern Iraq.",
     {("Turkish Defence Ministry", "country:TUR:GOV"), ("PKK", "org:kurdistan workers' party")}),
    ("France and Germany will co-host the donor conference.",
     {("France", "country:FRA"), ("Germany", "country:DEU")}),
    ("Saudi Arabia's crown prince met the Chinese president in Riyadh.",
     {("Saudi Arabia", "country:SAU")}),
    ("Somali troops backed by African Union forces retook the district from al-Shabaab.",
     {("Somali troops", "country:SOM:MIL"), ("African Union", "org:african union"),
      ("al-Shabaab", "org:al-shabaab")}),
    ("The election commission in Harare announced the results late on Sunday.", set()),
    ("Islamabad blamed the Balochistan Liberation Army for the attack on the train.",
     {("Islamabad", "country:PAK:GOV"),
      ("Balochistan Liberation Army", "org:balochistan liberation army")}),
    ("The Congolese government and the M23 signed a declaration of principles in Doha.",
     {("Congolese government", "country:COD:GOV"), ("M23", "org:m23")}),
    ("Ugandan soldiers have been deployed to eastern Congo since 2021.",
     {("Ugandan soldiers", "country:UGA:MIL")}),
    ("Washington's envoy arrived in Khartoum for talks with the army chief.",
     {("Washington", "country:USA:GOV")}),
    ("Hundreds of Afghans were deported from Iran last month.",
     {("Afghans", "country:AFG"), ("Iran", "country:IRN")}),  # known miss: "from" + verb
    ("The Kremlin-controlled broadcaster aired the interview in full.",
     {("Kremlin", "country:RUS:GOV")}),
    ("Xinhua quoted a foreign ministry spokesperson as saying China would respond.",
     {("Xinhua", "org:xinhua"), ("China", "country:CHN")}),
]  # fmt: skip

PRECISION_FLOOR = 0.95
RECALL_FLOOR = 0.95


def test_precision_and_recall_on_hand_labelled_sentences(nlp: Language) -> None:
    """A pinned floor: lowering it is a deliberate, explained change."""
    assert len(GOLD) >= 30
    true_pos = false_pos = false_neg = 0
    errors = []
    for index, (text, expected) in enumerate(GOLD):
        found = _mentions(_run(nlp, text))
        true_pos += len(found & expected)
        false_pos += len(found - expected)
        false_neg += len(expected - found)
        if found != expected:
            errors.append((index, sorted(found - expected), sorted(expected - found)))
    precision = true_pos / (true_pos + false_pos)
    recall = true_pos / (true_pos + false_neg)
    message = f"precision {precision:.3f}, recall {recall:.3f}; errors {errors}"
    assert precision >= PRECISION_FLOOR, message
    assert recall >= RECALL_FLOOR, message
