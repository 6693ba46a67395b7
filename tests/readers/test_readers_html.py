"""Saved HTML pages: newsgraph/readers/html.py."""

from __future__ import annotations

from pathlib import Path

from newsgraph.model import RawPage, Rejected
from newsgraph.options import Options
from newsgraph.readers import read_paths
from newsgraph.readers.html import html_page, read_html, saved_from_url

OPTIONS = Options()

CP1252_PAGE = """<!DOCTYPE html>
<html lang="fr"><head>
<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">
<title>Grève des dockers à Saint-Nazaire</title></head>
<body><article><h1>Grève des dockers à Saint-Nazaire</h1>
<p>Les dockers ont cessé le travail mercredi, réclamant une « prime de pénibilité ».
Le syndicat parle d’un mouvement “reconductible” ; la direction évoque 250 000 € de pertes.</p>
</article></body></html>
"""

ARABIC_PAGE = """<!DOCTYPE html>
<html lang="ar" dir="rtl"><head><title>افتتاح جسر جديد فوق النهر</title></head>
<body><article><h1>افتتاح جسر جديد فوق النهر</h1>
<p>افتتح المحافظ صباح الخميس الجسر الجديد الذي يربط ضفتي النهر، وقال في كلمة أمام السكان
إن المشروع سيختصر زمن الرحلة إلى النصف. وأضاف مدير الأشغال أن تكلفة البناء بلغت ثلاثين مليون.</p>
</article></body></html>
"""


def _read_one(path: Path) -> RawPage | Rejected:
    items = list(read_paths([path], options=OPTIONS))
    assert len(items) == 1, items
    return items[0]


def test_cp1252_page_with_meta_charset(tmp_path: Path) -> None:
    path = tmp_path / "greve.html"
    path.write_bytes(CP1252_PAGE.encode("cp1252"))
    page = _read_one(path)
    assert isinstance(page, RawPage)
    assert page.source_format == "html"
    assert page.source_path == str(path)
    assert page.html == CP1252_PAGE
    assert page.text is None and page.url is None


def test_windows_1256_arabic_page_without_meta_is_detected(tmp_path: Path) -> None:
    path = tmp_path / "jisr.htm"
    path.write_bytes(ARABIC_PAGE.encode("windows-1256"))
    page = _read_one(path)
    assert isinstance(page, RawPage)
    assert page.html == ARABIC_PAGE


def test_utf16_page_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "utf16.html"
    path.write_bytes(ARABIC_PAGE.encode("utf-16"))  # native order, with BOM
    page = _read_one(path)
    assert isinstance(page, RawPage)
    assert page.html == ARABIC_PAGE


def test_utf8_page_with_bom_drops_the_bom(tmp_path: Path) -> None:
    path = tmp_path / "bom.html"
    path.write_bytes(b"\xef\xbb\xbf" + CP1252_PAGE.encode("utf-8"))
    page = _read_one(path)
    assert isinstance(page, RawPage)
    assert page.html == CP1252_PAGE


def test_txt_suffix_holding_html_is_read_as_html(tmp_path: Path) -> None:
    path = tmp_path / "export.txt"
    path.write_text(CP1252_PAGE, encoding="utf-8")
    page = _read_one(path)
    assert isinstance(page, RawPage)
    assert page.source_format == "html"
    assert page.html is not None and "dockers" in page.html
    assert page.text is None


def test_binary_junk_with_html_suffix_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "photo.html"
    path.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 20)
    item = _read_one(path)
    assert item == Rejected(str(path), "not a supported format (binary data)")


def test_read_html_directly(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text("<p>Short item about the ferry timetable.</p>", encoding="utf-8")
    (page,) = read_html(path, options=OPTIONS)
    assert isinstance(page, RawPage)
    assert page.html == "<p>Short item about the ferry timetable.</p>"


def test_whitespace_only_page_is_rejected() -> None:
    item = html_page(b" \r\n\t ", source_path="blank.html", source_format="html")
    assert item == Rejected("blank.html", "page holds only whitespace", "html")


def test_saved_from_comment_gives_the_url_when_nothing_else_does(tmp_path: Path) -> None:
    html = (
        "<!DOCTYPE html>\n<!-- saved from url=(0043)https://news.example.org/2024/ferry.html -->\n"
        "<html><head><title>Ferry</title></head><body><p>Timetable.</p></body></html>"
    )
    path = tmp_path / "ferry.html"
    path.write_text(html, encoding="utf-8")
    page = _read_one(path)
    assert isinstance(page, RawPage)
    assert page.url == "https://news.example.org/2024/ferry.html"


def test_saved_from_comment_is_ignored_when_the_page_names_its_url() -> None:
    canonical = (
        "<!-- saved from url=(0027)https://m.example.org/story -->"
        '<html><head><link href="https://example.org/story" rel="canonical"></head></html>'
    )
    og_url = (
        "<!-- saved from url=(0027)https://m.example.org/story -->"
        '<html><head><meta property="og:url" content="https://example.org/story"></head></html>'
    )
    assert saved_from_url(canonical) is None
    assert saved_from_url(og_url) is None
    assert saved_from_url("<html><body>no comment</body></html>") is None


def test_declared_url_wins_over_the_comment() -> None:
    data = b"<!-- saved from url=(0021)https://old.example/ --><p>x</p>"
    page = html_page(data, source_path="a", source_format="warc", url="https://new.example/")
    assert isinstance(page, RawPage)
    assert page.url == "https://new.example/"
