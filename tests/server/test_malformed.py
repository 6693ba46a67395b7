"""Every query parameter of every endpoint, given malformed values byte for byte (bad
numbers and dates, unknown enum values, 8 kB strings, NUL bytes, lone surrogates and
invalid UTF-8 percent-encoded, full-text-search syntax, SQL), repeated, unknown, and
path tricks in ids and export table names: the answer is a 2xx with data or a 4xx with
the API's one error shape, never a 500 and never a traceback."""

from __future__ import annotations

from urllib.parse import quote

import httpx
import pytest
from api_helpers import ERROR_KEYS, get_json
from raw_http import RawResponse, send

from served_corpus import Served

pytestmark = pytest.mark.slow

# Values are written as they go on the wire: a %XX stays as written (so %ED%A0%80, a
# lone UTF-16 surrogate, and %FF reach the server undecoded); everything else is quoted.
# Long, yet under the 16 KiB uvicorn's HTTP parser (h11) allows for a request line that
# has not fully arrived: a longer one is refused by the server itself, before the app,
# whenever the bytes come in two reads (a plain-text 400; see the oversized test below).
LONG = "x" * 8_000
COMMON = ["", "%00", "a%00b", "%ED%A0%80", "%FF%FE", "%C0%AF", LONG, "..%2F..%2Fetc%2Fpasswd"]
NUMBERS = [
    *COMMON,
    "abc",
    "-1",
    "0",
    "-0",
    "+5",
    "1.5",
    "1e3",
    "0x10",
    "1_000",
    " 5",
    "5%00",
    "\u0663",  # ARABIC-INDIC DIGIT THREE
    "99999999999999999999999999999999",
    "-99999999999999999999999999999999",
    "NaN",
    "Infinity",
]
DATES = [
    *COMMON,
    "2026-13-45",
    "2026-02-30",
    "2026-00-10",
    "0000-01-01",
    "0001-01-01",
    "9999-12-31",
    "99999-01-01",
    "+2026-01-01",
    "2026/01/01",
    "20260101",
    "2026-01-01T25:00:00",
    "2026-01-01T00:00:00+99:00",
    "yesterday",
    "-1",
    "1e9",
    "99999999999999999999",
]
CHOICES = [*COMMON, "alien", "PERSON", "person%00", "person ", "*", "all%20"]
WORDS = [
    *COMMON,
    '"',
    '"unterminated',
    "*",
    "NEAR(",
    "NEAR(a b, 5)",
    "'",
    ")",
    "(((",
    "AND OR NOT",
    "a OR",
    "NOT",
    "a:b",
    "title:x",
    "{title}: x",
    "-x",
    "^x",
    "%25",
    "_",
    "\\",
    "'; DROP TABLE documents; --",
    "%F0%9F%92%A9",
    "\u202e\u0644\u0627",
    "%E2%80%8B",
]

# Every query parameter of every endpoint (test_the_table_covers_every_parameter checks
# it against /api/openapi.json), by the kind of values it takes.
PARAMETERS = {
    "/api/health": {},
    "/api/documents": {
        "q": WORDS,
        "search": WORDS,
        "site": WORDS,
        "since": DATES,
        "until": DATES,
        "actor": WORDS,
        "limit": NUMBERS,
        "offset": NUMBERS,
    },
    "/api/documents/{doc_id}": {},
    "/api/actors": {"search": WORDS, "type": CHOICES, "limit": NUMBERS, "offset": NUMBERS},
    "/api/actors/{actor_id}": {},
    "/api/quotes": {
        "speaker": WORDS,
        "about": WORDS,
        "search": WORDS,
        "kind": CHOICES,
        "limit": NUMBERS,
        "offset": NUMBERS,
    },
    "/api/events": {
        "actor": WORDS,
        "code": WORDS,
        "root": WORDS,
        "since": DATES,
        "until": DATES,
        "status": CHOICES,
        "limit": NUMBERS,
        "offset": NUMBERS,
    },
    "/api/network": {"actor": WORDS, "since": DATES, "until": DATES, "limit": NUMBERS},
    "/api/timeline": {"actor": WORDS, "since": DATES, "until": DATES},
    "/api/search": {"q": WORDS, "limit": NUMBERS},
    "/api/export/{table}": {"format": CHOICES},
}
# Ids and table names in the path.
PATH_VALUES = [
    "%00",
    "a%00b",
    "%ED%A0%80",
    "%FF",
    "..",
    "..%2F..%2F..%2Fetc%2Fpasswd",
    "%2e%2e%2f%2e%2e%2fapp.py",
    "..%5C..%5Cetc%5Cpasswd",
    "%2Fetc%2Fpasswd",
    "documents%00.csv",
    "documents%2F..%2Fsentences",
    "documents.csv",
    "DOCUMENTS",
    "sentences",
    "rejections",
    "sqlite_master",
    "documents;DROP%20TABLE%20documents",
    "%27%20OR%20%271%27=%271",
    "*",
    LONG,
]


def wire(value: str) -> str:
    return quote(value, safe="%")


def assert_handled(response: RawResponse, what: str) -> None:
    """Data (2xx) or the error shape (4xx); never a 500, never a traceback."""
    assert response.status < 500, f"{what}: {response.status} {response.body[:500]!r}"
    assert b"Traceback" not in response.body and b'File "' not in response.body, what
    if response.status >= 300:
        assert 400 <= response.status, what
        assert response.headers["content-type"] == "application/json", what
        error = response.json()["error"]
        assert set(error) == ERROR_KEYS and error["status"] == response.status, what
        assert error["message"], what
    elif "content-disposition" in response.headers:
        assert response.headers["content-disposition"].startswith("attachment;"), what
    else:
        assert response.headers["content-type"] == "application/json", what
        response.json()


@pytest.fixture(scope="module")
def known(client: httpx.Client) -> dict[str, str]:
    """Real ids and names, so only the malformed part of a request is malformed."""
    document = get_json(client, "/api/documents", limit=1)["items"][0]
    actor = get_json(client, "/api/actors", limit=1)["items"][0]
    return {"doc_id": document["id"], "actor_id": actor["id"], "actor": actor["name"]}


def target(path: str, known: dict[str, str], query: list[tuple[str, str]]) -> str:
    """``path`` with real ids and the parameters it needs, then ``query`` as written."""
    path = path.format(doc_id=known["doc_id"], actor_id=known["actor_id"], table="documents")
    needed = {"/api/timeline": [("actor", wire(known["actor"]))], "/api/search": [("q", "aid")]}
    names = {name for name, _ in query}
    pairs = [pair for pair in needed.get(path, []) if pair[0] not in names] + query
    return path + ("?" + "&".join(f"{name}={value}" for name, value in pairs) if pairs else "")


CASES = [
    pytest.param(path, name, id=f"{path}?{name}")
    for path, parameters in PARAMETERS.items()
    for name in parameters
]


@pytest.mark.parametrize(("path", "name"), CASES)
def test_malformed_values_are_refused_or_harmless(served: Served, known, path, name):
    statuses = set()
    for value in PARAMETERS[path][name]:
        url = target(path, known, [(name, wire(value))])
        response = send(served.url, url)
        assert_handled(response, url[:200])
        statuses.add(response.status)
    assert any(400 <= status < 500 for status in statuses), "some values must be refused"


def test_an_oversized_request_line_gets_a_4xx_and_no_traceback(served: Served, known):
    """A 100 kB value: the app's error shape or the HTTP server's own 400, never more."""
    url = target("/api/network", known, [("actor", "x" * 100_000)])
    response = send(served.url, url)
    assert 400 <= response.status < 500 or response.status == 200, response.status
    assert b"Traceback" not in response.body and b'File "' not in response.body


@pytest.mark.parametrize("path", PARAMETERS)
def test_repeated_unknown_and_odd_parameters_are_handled(served: Served, known, path):
    names = list(PARAMETERS[path]) or ["limit"]
    odd = [
        [("foo", "bar")],
        [("limit[]", "1")],
        [(wire("%ED%A0%80"), "1")],
        [("", "")],
        [("", "x"), ("=", "=")],
        [(names[0], "")],
        [(names[0], "%")],
        [(names[0], "%zz")],
        [(names[0], "a+b")],
        *([(name, "1"), (name, "abc")] for name in names),
        *([(name, "abc"), (name, "1")] for name in names),
        [(name, "x" * 150) for name in names for _ in range(40)],
    ]
    for query in odd:
        url = target(path, known, query)
        assert_handled(send(served.url, url), url[:200])
    bare = target(path, known, [])
    for suffix in ("?", "?&", "?&&&", "?=", "?a", "#x", "?%", "?limit=5#%00"):
        assert_handled(send(served.url, bare + suffix), bare + suffix)


@pytest.mark.parametrize(
    "prefix", ["/api/documents/", "/api/actors/", "/api/export/", "/api/export/documents/"]
)
def test_path_tricks_in_ids_and_table_names_give_no_files(served: Served, prefix):
    for value in PATH_VALUES:
        response = send(served.url, prefix + value)
        assert_handled(response, (prefix + value)[:200])
        assert 400 <= response.status < 500, prefix + value[:100]
        assert b"root:" not in response.body and b"import " not in response.body


@pytest.mark.parametrize(
    ("path", "name"),
    [
        ("/api/documents", "q"),
        ("/api/documents", "search"),
        ("/api/search", "q"),
        ("/api/quotes", "search"),
        ("/api/actors", "search"),
    ],
)
def test_search_syntax_is_plain_words_or_a_4xx(served: Served, known, path, name):
    """FTS5 query syntax from a user is never passed through to break the query: every
    such string is data (a 2xx, matches or not) or a refused parameter."""
    for value in WORDS:
        url = target(path, known, [(name, wire(value))])
        response = send(served.url, url)
        assert_handled(response, url[:200])
        if response.status >= 400:
            assert response.json()["error"]["parameter"] == name, url[:200]


def test_search_syntax_is_read_as_plain_words(client: httpx.Client):
    """Treating syntax as words does not break ordinary searches: a word of a stored
    title, wrapped in stray quotes, brackets or operators, still finds its document, and
    operator words (AND, NEAR, ...) are searched as the words they are."""
    document = get_json(client, "/api/documents", limit=1)["items"][0]
    word = max(document["title"].split(), key=len).strip("\"'.,:;!?()")

    def found(query: str) -> set[str]:
        return {
            item["id"] for item in get_json(client, "/api/documents", q=query, limit=500)["items"]
        }

    for query in (
        word,
        f'"{word}"',
        f'"{word}',
        f"({word}",
        f"{word})",
        f"-{word}",
        f"^{word}",
        f"{word}:",
        f"{word}*",
        f"{word[:-1]}*",
        f"{word}'",
    ):
        assert document["id"] in found(query), query
    for query, words in (
        (f"NEAR({word} the, 5)", f"near {word} the 5"),
        (f"{word} AND the", f"{word} and the"),
        (f"{word} OR the", f"{word} or the"),
        (f"{word} NOT the", f"{word} not the"),
        (f'"{word} the', f"{word} the"),
        (f"title:{word}", f"title {word}"),
    ):
        assert found(query) == found(words), query


@pytest.mark.parametrize(
    "value", ["0", "-1", "1e9", "1767225600", "20260101", "2026-01-01T00:00:00", "2026-1-1"]
)
@pytest.mark.parametrize("name", ["since", "until"])
def test_a_day_is_only_yyyy_mm_dd(client: httpx.Client, name, value):
    """Found by schemathesis: pydantic read ``since=0`` as a Unix time (1970-01-01) and
    answered 200; the spec says ``format: date``."""
    response = client.get("/api/documents", params={name: value})
    assert response.status_code == 422, response.text
    assert response.json()["error"]["parameter"] == name
    assert client.get("/api/documents", params={name: "2026-01-01"}).status_code == 200


def test_the_table_covers_every_parameter(client: httpx.Client):
    spec = get_json(client, "/api/openapi.json")
    declared = {
        path: {p["name"] for p in operation["get"].get("parameters", []) if p["in"] == "query"}
        for path, operation in spec["paths"].items()
    }
    assert declared == {path: set(names) for path, names in PARAMETERS.items()}
