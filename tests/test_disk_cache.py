"""newsgraph.disk_cache: keyed names, checked reads, atomic writes that never fail a run."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from newsgraph import disk_cache


def test_the_name_changes_with_any_input_and_only_with_one(tmp_path: Path) -> None:
    base = disk_cache.keyed_path(tmp_path, "thing", ("a", b"b", "c"), ".bin")
    assert base == disk_cache.keyed_path(tmp_path, "thing", ("a", b"b", "c"), ".bin")
    assert base.parent == tmp_path and base.name.startswith("thing-") and base.suffix == ".bin"
    others = {
        disk_cache.keyed_path(tmp_path, "thing", inputs, ".bin")
        for inputs in (("x", b"b", "c"), ("a", b"x", "c"), ("a", b"b", "x"), ("ab", b"", "c"))
    }
    assert base not in others and len(others) == 4


def test_a_written_payload_reads_back(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "er" / "thing-1.bin"
    assert disk_cache.write_checked(path, b"payload" * 1000)
    assert disk_cache.read_checked(path) == b"payload" * 1000
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temporary left


def test_a_missing_damaged_or_truncated_file_reads_as_none(tmp_path: Path) -> None:
    path = tmp_path / "thing-1.bin"
    assert disk_cache.read_checked(path) is None
    disk_cache.write_checked(path, bytes(range(256)) * 10)
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 1
    path.write_bytes(data)
    assert disk_cache.read_checked(path) is None
    disk_cache.write_checked(path, bytes(range(256)) * 10)
    path.write_bytes(path.read_bytes()[:-1])
    assert disk_cache.read_checked(path) is None
    path.write_bytes(b"")
    assert disk_cache.read_checked(path) is None


def test_an_unwritable_directory_is_reported_not_raised(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")  # refused even to root, unlike a chmod
    path = blocker / "cache" / "thing-1.bin"
    assert disk_cache.write_checked(path, b"payload") is False
    assert disk_cache.read_checked(path) is None


def test_a_failing_writer_leaves_no_file_behind(tmp_path: Path) -> None:
    def broken(file: object) -> None:
        raise OSError("disk full")

    def buggy(file: object) -> None:
        raise RuntimeError("bug")

    path = tmp_path / "thing-1.bin"
    assert disk_cache.write_atomic(path, broken) is False
    with pytest.raises(RuntimeError):
        disk_cache.write_atomic(path, buggy)
    assert list(tmp_path.iterdir()) == []


def test_only_the_newest_files_of_a_stem_are_kept(tmp_path: Path) -> None:
    other = tmp_path / "other-0.bin"
    disk_cache.write_checked(other, b"x")
    paths = [tmp_path / f"thing-{n}.bin" for n in range(disk_cache.KEEP + 2)]
    for age, path in enumerate(paths):
        disk_cache.write_checked(path, b"x")
        os.utime(path, ns=(age * 10**9, age * 10**9))  # each newer than the one before
    kept = sorted(p.name for p in tmp_path.glob("thing-*.bin"))
    assert kept == sorted(p.name for p in paths[-disk_cache.KEEP :])
    assert other.exists()


def test_a_killed_writers_temporary_file_is_removed_once_stale(tmp_path: Path) -> None:
    stale, fresh = tmp_path / ".thing-1.bin.a.tmp", tmp_path / ".thing-1.bin.b.tmp"
    for path in (stale, fresh):
        path.write_bytes(b"half")
    old = time.time() - disk_cache.STALE_SECONDS - 60
    os.utime(stale, (old, old))
    disk_cache.write_checked(tmp_path / "thing-2.bin", b"x")
    assert not stale.exists() and fresh.exists()  # another writer may still be at it
