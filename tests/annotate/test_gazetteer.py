"""The gazetteer: countries, demonyms, metonyms, organisations and role nouns."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from newsgraph.annotate import gazetteer as gz


@pytest.mark.parametrize(
    ("text", "iso3"),
    [
        ("Kenya", "KEN"),
        ("Britain", "GBR"),
        ("the UK", "GBR"),
        ("U.K.", "GBR"),
        ("the United States", "USA"),
        ("U.S.", "USA"),
        ("DR Congo", "COD"),
        ("Congo-Kinshasa", "COD"),
        ("the Democratic Republic of the Congo", "COD"),
        ("Congo-Brazzaville", "COG"),
        ("Ivory Coast", "CIV"),
        ("Côte d'Ivoire", "CIV"),
        ("Türkiye", "TUR"),
        ("Turkey", "TUR"),
        ("Burma", "MMR"),
        ("the UAE", "ARE"),
        ("North Korea", "PRK"),
        ("Palestine", "PSE"),
        ("Kosovo", "XKX"),
        ("Russia's", "RUS"),
    ],
)
def test_country_names_and_aliases(text: str, iso3: str) -> None:
    assert gz.country_code(text) == iso3


@pytest.mark.parametrize(
    ("text", "iso3"),
    [
        ("Kenyan", "KEN"),
        ("Kenyans", "KEN"),
        ("Chinese", "CHN"),
        ("the Chinese", "CHN"),
        ("Emirati", "ARE"),
        ("Congolese", "COD"),
        ("Saudi", "SAU"),
        ("Israeli", "ISR"),
        ("Israelis", "ISR"),
        ("Palestinian", "PSE"),
        ("Palestinians", "PSE"),
        ("British", "GBR"),
        ("Filipinos", "PHL"),
        ("South Sudanese", "SSD"),
        ("Sudanese", "SDN"),
        ("Dutch", "NLD"),
        ("Ivorian", "CIV"),
    ],
)
def test_demonyms(text: str, iso3: str) -> None:
    assert gz.demonym(text) == iso3
    assert gz.country_code(text) == iso3


@pytest.mark.parametrize(
    ("text", "iso3", "role"),
    [
        ("Beijing", "CHN", "GOV"),
        ("Zhongnanhai", "CHN", "GOV"),
        ("Washington", "USA", "GOV"),
        ("the White House", "USA", "GOV"),
        ("the Pentagon", "USA", "MIL"),
        ("Paris", "FRA", "GOV"),
        ("the Élysée", "FRA", "GOV"),
        ("the Elysee", "FRA", "GOV"),
        ("the Kremlin", "RUS", "GOV"),
        ("Moscow", "RUS", "GOV"),
        ("Riyadh", "SAU", "GOV"),
        ("Ankara", "TUR", "GOV"),
        ("Whitehall", "GBR", "GOV"),
        ("Downing Street", "GBR", "GOV"),
        ("Tehran", "IRN", "GOV"),
        ("Pyongyang", "PRK", "GOV"),
        ("Kyiv", "UKR", "GOV"),
        ("Kiev", "UKR", "GOV"),
        ("Tokyo", "JPN", "GOV"),
        ("Seoul", "KOR", "GOV"),
        ("Kigali", "RWA", "GOV"),
        ("Kinshasa", "COD", "GOV"),
        ("Nairobi", "KEN", "GOV"),
        ("Addis Ababa", "ETH", "GOV"),
        ("Astana", "KAZ", "GOV"),
    ],
)
def test_metonyms(text: str, iso3: str, role: str) -> None:
    assert gz.metonym(text) == iso3
    assert gz.metonym_role(text) == role
    assert gz.country_code(text) == iso3


def test_every_un_member_capital_is_a_metonym_unless_ambiguous() -> None:
    rows = _rows("countries.v1.jsonl")
    sovereign = [row for row in rows if row["capital_is_metonym"]]
    assert len(sovereign) > 180
    for row in sovereign:
        assert gz.metonym(row["capital"]) == row["iso3"], row


@pytest.mark.parametrize("text", ["Male", "Victoria", "Brussels", "Singapore", "Kenya", "in"])
def test_not_metonyms(text: str) -> None:
    """Capitals that are common words or other things first, and capitals equal to
    their country's name, are no metonyms."""
    assert gz.metonym(text) is None
    assert gz.metonym_role(text) is None


def test_un_members_all_have_demonyms() -> None:
    rows = _rows("countries.v1.jsonl")
    missing = [row["iso3"] for row in rows if row["capital_is_metonym"] and not row["demonyms"]]
    # Dominica only: "Dominican" means the Dominican Republic in news copy.
    assert missing == ["DMA"]


@pytest.mark.parametrize("text", ["us", "who", "is", "ap", "au", "male", "chad's dog", ""])
def test_acronyms_and_words_do_not_match_in_lower_case(text: str) -> None:
    assert gz.country_code(text) is None
    assert gz.org(text) is None


@pytest.mark.parametrize(
    ("text", "name", "code", "country", "role"),
    [
        ("the African Union", "African Union", "IGOAFRAFU", None, "IGO"),
        ("AU", "African Union", "IGOAFRAFU", None, "IGO"),
        ("NATO", "NATO", "IGOWSTNAT", None, "IGO"),
        ("Nato", "NATO", "IGOWSTNAT", None, "IGO"),
        ("the United Nations", "United Nations", "IGOUNO", None, "IGO"),
        ("U.N.", "United Nations", "IGOUNO", None, "IGO"),
        ("the UN Security Council", "UN Security Council", "IGOUNO", None, "IGO"),
        ("UNHCR", "UNHCR", "IGOUNOREFHCR", None, "IGO"),
        ("WHO", "World Health Organization", "IGOUNOHLHWHO", None, "IGO"),
        ("the European Union", "European Union", "IGOEUREEC", None, "IGO"),
        ("ECOWAS", "ECOWAS", "IGOWAFWAS", None, "IGO"),
        (
            "the International Criminal Court",
            "International Criminal Court",
            "IGOJUDICC",
            None,
            "IGO",
        ),
        ("Hezbollah", "Hezbollah", "LBNREB", "LBN", "REB"),
        ("Hizbollah's", "Hezbollah", "LBNREB", "LBN", "REB"),
        ("Hamas", "Hamas", "PSEREB", "PSE", "REB"),
        ("al-Shabaab", "al-Shabaab", "SOMREB", "SOM", "REB"),
        ("Al-Shabab", "al-Shabaab", "SOMREB", "SOM", "REB"),
        ("M23", "M23", "CODREB", "COD", "REB"),
        ("the Houthis", "Houthis", "YEMREB", "YEM", "REB"),
        ("Houthi rebels", "Houthis", "YEMREB", "YEM", "REB"),
        ("RSF", "Rapid Support Forces", "SDNREB", "SDN", "REB"),
        ("Boko Haram", "Boko Haram", "NGAREB", "NGA", "REB"),
        ("the Taliban", "Taliban", "AFGREB", "AFG", "REB"),
        ("Islamic State", "Islamic State", "IMGREB", None, "REB"),
        ("the Kokang MNDAA", "Myanmar National Democratic Alliance Army", "MMRREB", "MMR", "REB"),
        ("Reuters", "Reuters", "MED", None, "MED"),
        ("AP", "Associated Press", "MED", None, "MED"),
        ("the BBC", "BBC", "GBRMED", "GBR", "MED"),
        ("Xinhua", "Xinhua", "CHNMED", "CHN", "MED"),
        ("Médecins Sans Frontières", "Médecins Sans Frontières", "NGOHLHMSF", None, "NGO"),
        ("Medecins Sans Frontieres", "Médecins Sans Frontières", "NGOHLHMSF", None, "NGO"),
        ("Chatham House", "Chatham House", "NGOGBR", "GBR", "NGO"),
        (
            "the Institute for Security Studies",
            "Institute for Security Studies",
            "NGOZAF",
            "ZAF",
            "NGO",
        ),
    ],
)
def test_orgs(text: str, name: str, code: str, country: str | None, role: str) -> None:
    entry = gz.org(text)
    assert entry is not None, text
    assert (entry.name, entry.code, entry.country, entry.role) == (name, code, country, role)


def test_org_types() -> None:
    assert gz.org("Hezbollah").type == "armed_group"
    assert gz.org("Reuters").type == "media"
    assert gz.org("NATO").type == "igo"
    assert gz.org("Amnesty International").type == "ngo"
    assert gz.org("Crisis Group").type == "think_tank"
    assert gz.org("Kenya") is None


@pytest.mark.parametrize(
    ("noun", "role"),
    [
        ("minister", "GOV"),
        ("ministers", "GOV"),
        ("government", "GOV"),
        ("president", "GOV"),
        ("spokesman", "GOV"),
        ("spokeswoman", "GOV"),
        ("ministry", "GOV"),
        ("Foreign Ministry", "GOV"),
        ("army", "MIL"),
        ("troops", "MIL"),
        ("soldiers", "MIL"),
        ("military", "MIL"),
        ("general", "MIL"),
        ("police", "COP"),
        ("riot police", "COP"),
        ("policemen", "COP"),
        ("rebels", "REB"),
        ("insurgents", "REB"),
        ("militants", "REB"),
        ("opposition", "OPP"),
        ("protesters", "OPP"),
        ("activists", "OPP"),
        ("court", "JUD"),
        ("judges", "JUD"),
        ("parliament", "LEG"),
        ("lawmakers", "LEG"),
        ("journalist", "MED"),
        ("business", "BUS"),
        ("companies", "BUS"),
    ],
)
def test_role_codes(noun: str, role: str) -> None:
    assert gz.role_code(noun) == role


@pytest.mark.parametrize("noun", ["vehicles", "weather", "border", "", "the"])
def test_non_role_nouns(noun: str) -> None:
    assert gz.role_code(noun) is None


def test_role_phrases_versus_names() -> None:
    assert gz.is_role_phrase("the Foreign Ministry")
    assert gz.is_role_phrase("soldiers")
    assert not gz.is_role_phrase("Government of National Unity")
    assert not gz.is_role_phrase("Kenya Airways")


def test_country_entries_and_leaders() -> None:
    entry = gz.country("ken")
    assert entry is not None and entry.capital == "Nairobi" and "Kenyan" in entry.demonyms
    assert gz.country_name("COD") == "DR Congo"
    assert gz.capital("FRA") == "Paris"
    assert gz.country("XXX") is None and gz.country_name("XXX") is None
    assert gz.leader_country("Xi") == "CHN"
    assert gz.leader_country("William Ruto") == "KEN"
    assert gz.leader_country("Amara Okafor") is None


def test_normalise() -> None:
    assert gz.normalise("The Élysée’s") == "elysee"
    assert gz.normalise("  the   U.N.  ") == "un"
    assert gz.fold_accents("Türkiye") == "Turkiye"


def test_name_lists_for_matchers() -> None:
    assert "Zhongnanhai" in gz.metonym_names()
    assert "Male" not in gz.metonym_names()
    assert "Hezbollah" in gz.org_names() and "Houthi" in gz.org_names()
    assert "Ivory Coast" in gz.country_names()
    assert "Kenyan" in gz.demonym_names()


def test_data_files_are_well_formed() -> None:
    """Every line parses, keys are unique and codes look like CAMEO codes."""
    countries = _rows("countries.v1.jsonl")
    assert len({row["iso3"] for row in countries}) == len(countries)
    orgs = _rows("actors.v1.jsonl")
    assert len({row["name"] for row in orgs}) == len(orgs)
    for row in orgs:
        assert row["type"] in {"igo", "ngo", "armed_group", "party", "media", "think_tank"}
        assert row["code"] is None or row["code"].isalnum() and row["code"].isupper(), row
        assert row["country"] is None or gz.country(row["country"]) is not None, row
    roles = _rows("roles.v1.jsonl")
    assert len(roles) > 1000
    assert {row["code"] for row in roles} >= {"GOV", "MIL", "COP", "REB", "OPP", "JUD", "LEG"}


def test_licence_and_readme_sit_beside_the_data() -> None:
    data = resources.files("newsgraph.data")
    assert "MIT" in data.joinpath("LICENSE-petrarch2.txt").read_text(encoding="utf-8")
    readme = data.joinpath("README.md").read_text(encoding="utf-8")
    assert "petrarch2" in readme and "actors.v1.jsonl" in readme


def _rows(filename: str) -> list[dict]:
    text = resources.files("newsgraph.data").joinpath(filename).read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines()]
