"""The extraction entry point on pages built here: HTML, feed bodies, text dumps."""

from __future__ import annotations

from newsgraph.extract.fingerprint import fingerprint, normalise_body
from newsgraph.extract.page import extract
from newsgraph.model import Article, RawPage, Rejected
from newsgraph.options import Options

OPTIONS = Options()

PARAGRAPHS = [
    "Ministers from eleven West African states met in Accra on Monday to discuss a joint "
    "customs union, the first such meeting since the bloc was founded.",
    "The talks were hosted by Ghana's trade ministry and ran for two days, officials said.",
    "“We want goods to cross our borders as easily as people do,” said Efua Mensah, the "
    "Ghanaian trade minister, at the close of the meeting.",
]


def html_page(body: str, *, head: str = "") -> str:
    return f"<html lang='en'><head>{head}</head><body><article>{body}</article></body></html>"


def test_html_metadata_and_body() -> None:
    head = (
        "<title>West African states weigh customs union | The Meridian Post</title>"
        "<link rel='canonical' href='https://meridianpost.example/africa/customs-union'>"
        "<meta name='author' content='Kwame Asante'>"
        "<meta property='article:published_time' content='2025-09-08T07:30:00Z'>"
        "<meta property='og:site_name' content='The Meridian Post'>"
    )
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    article = extract(RawPage("a.html", "html", html=html_page(body, head=head)), options=OPTIONS)
    assert isinstance(article, Article)
    assert article.title == "West African states weigh customs union"
    assert article.authors == ("Kwame Asante",)
    assert article.published == "2025-09-08"
    assert (
        article.canonical_url == article.url == "https://meridianpost.example/africa/customs-union"
    )
    assert article.site == "The Meridian Post"
    assert article.language == "en"
    assert article.text == "\n\n".join(PARAGRAPHS)
    assert article.content_sha256 == fingerprint(article.text)


def test_container_hints_win_over_the_page() -> None:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    page = RawPage(
        "feed.jsonl#line-1",
        "jsonl",
        html=html_page(body, head="<title>Old headline</title>"),
        url="https://x.example/a",
        title="Feed headline",
        published="8 September 2025",
        author="Kwame Asante; Ama Owusu",
    )
    article = extract(page, options=OPTIONS)
    assert article.title == "Feed headline"
    assert article.published == "2025-09-08"
    assert article.authors == ("Kwame Asante", "Ama Owusu")
    assert article.url == "https://x.example/a"


def test_feed_text_body_loses_furniture() -> None:
    text = "\n\n".join([*PARAGRAPHS, "Photo: delegates in Accra. (Reuters)", "Share this article"])
    page = RawPage(
        "feed.jsonl#line-2", "jsonl", text=text, title="Customs union", url="https://x.example/b"
    )
    article = extract(page, options=OPTIONS)
    assert article.text == "\n\n".join(PARAGRAPHS)
    assert article.site == "x.example"


def test_lone_surrogates_become_replacement_characters() -> None:
    page = RawPage(
        "f.jsonl#line-1", "jsonl", text="\n\n".join(PARAGRAPHS) + " \ud800", title="T\udc00"
    )
    article = extract(page, options=OPTIONS)
    assert article.title == "T\ufffd" and article.text.endswith("\ufffd")
    article.text.encode("utf-8")


def test_short_body_is_rejected_with_the_setting_named() -> None:
    result = extract(
        RawPage("s.html", "html", html=html_page("<p>Too short to be news.</p>")), options=OPTIONS
    )
    assert isinstance(result, Rejected)
    assert "under the 200 minimum (NEWSGRAPH_MIN_BODY_CHARS)" in result.reason


def test_page_without_text_is_rejected() -> None:
    result = extract(
        RawPage("e.html", "html", html="<html><body><nav>Home</nav></body></html>"), options=OPTIONS
    )
    assert isinstance(result, Rejected) and result.reason.startswith("no article text found")


def test_french_article_is_marked_french() -> None:
    body = (
        "<p>Les ministres des affaires étrangères de la France et de l'Allemagne se sont réunis "
        "lundi à Paris pour discuter de la situation au Sahel et de l'avenir de la coopération "
        "militaire dans la région.</p><p>Selon un communiqué publié à l'issue de la rencontre, les "
        "deux pays souhaitent renforcer leur soutien aux populations civiles.</p>"
    )
    article = extract(RawPage("fr.html", "html", html=html_page(body)), options=OPTIONS)
    assert article.language == "fr"


def test_fingerprint_ignores_quote_styles_case_and_spacing() -> None:
    assert normalise_body("“Yes,”  she SAID.\n\nNo.") == normalise_body('"yes," she said. no.')
    assert fingerprint("A b") != fingerprint("A c")
