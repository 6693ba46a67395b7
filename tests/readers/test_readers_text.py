"""Plain-text dumps: newsgraph/readers/text.py."""

from __future__ import annotations

from pathlib import Path

from newsgraph.model import RawPage, Rejected
from newsgraph.options import Options
from newsgraph.readers import read_paths
from newsgraph.readers.text import read_text

OPTIONS = Options()

DUMP = """Home | World | Sport | Weather
Share this article

Hospital car park to close for resurfacing

The main car park at St Brendan's hospital will close for three weeks from Monday
while contractors replace the surface. Visitors are asked to use the park-and-ride
from the retail estate, which will run every ten minutes.

"We know this is an inconvenience," a spokeswoman said.

Related: Bus fares rise in April
"""


def _read_one(path: Path) -> RawPage | Rejected:
    items = list(read_paths([path], options=OPTIONS))
    assert len(items) == 1, items
    return items[0]


def test_utf8_text_is_kept_as_is(tmp_path: Path) -> None:
    path = tmp_path / "carpark.txt"
    path.write_text(DUMP, encoding="utf-8")
    page = _read_one(path)
    assert page == RawPage(source_path=str(path), source_format="txt", text=DUMP)


def test_page_furniture_is_not_cleaned_here(tmp_path: Path) -> None:
    path = tmp_path / "carpark.text"
    path.write_text(DUMP, encoding="utf-8")
    (page,) = read_text(path, options=OPTIONS)
    assert isinstance(page, RawPage)
    assert page.text is not None
    assert page.text.startswith("Home | World | Sport | Weather\nShare this article")


def test_cp1252_text_is_detected(tmp_path: Path) -> None:
    text = (
        "Le préfet a annoncé mercredi la réouverture du col après trois jours de fermeture. "
        "Les chasse-neige ont dégagé la route ; la circulation reste « très prudente ».\n"
    ) * 2
    path = tmp_path / "col.txt"
    path.write_bytes(text.encode("cp1252"))
    page = _read_one(path)
    assert isinstance(page, RawPage)
    assert page.text == text


def test_utf16_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "utf16.txt"
    path.write_bytes(b"\xfe\xff" + DUMP.encode("utf-16-be"))
    page = _read_one(path)
    assert isinstance(page, RawPage)
    assert page.text == DUMP


def test_file_without_suffix_is_sniffed(tmp_path: Path) -> None:
    path = tmp_path / "CARPARK"
    path.write_text(DUMP, encoding="utf-8")
    page = _read_one(path)
    assert isinstance(page, RawPage)
    assert page.source_format == "txt"


def test_whitespace_only_file_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "blank.txt"
    path.write_bytes(b"\n\n   \t\r\n")
    assert _read_one(path) == Rejected(str(path), "file holds only whitespace", "txt")
