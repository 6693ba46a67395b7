"""The command line, run as a real process on real files and a real SQLite store."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest

PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Mediators gather in Doha | Global Dispatch</title>
<link rel="canonical" href="https://globaldispatch.example/world/2025/05/02/doha-talks">
<meta name="author" content="Rania Saleh">
<meta property="article:published_time" content="2025-05-02T09:00:00Z">
<meta property="og:site_name" content="Global Dispatch"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Mediators gather in Doha</h1>
<p>Egyptian and Qatari mediators gathered in Doha on Friday for a third round of talks on a
prisoner exchange, officials from both governments said.</p>
<p>The talks follow weeks of shuttle diplomacy in which negotiators carried proposals between
the two sides, according to a senior diplomat who asked not to be named.</p>
<p>“We are closer than we have been at any point this year,” the diplomat said, adding that a
deal could be announced within days if the remaining questions about sequencing were settled.</p>
<p>Qatar's foreign ministry said Hamas had accepted the outline of the deal, while the Egyptian
government urged both sides to move quickly.</p>
</article><footer>© 2025 Global Dispatch</footer></body></html>"""


def run(*args: str, db: str, check_code: int | None = 0) -> subprocess.CompletedProcess[bytes]:
    result = subprocess.run(
        [sys.executable, "-m", "newsgraph", *args, "--db", db],
        capture_output=True,
        timeout=120,
    )
    if check_code is not None:
        assert result.returncode == check_code, result.stderr.decode()
    return result


@pytest.fixture
def pages(tmp_path: Path) -> Path:
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "doha.html").write_text(PAGE, encoding="utf-8")
    (folder / "empty.html").write_bytes(b"")
    return folder


def test_ingest_reports_bad_files_and_exits_1(pages: Path, db_url: str) -> None:
    result = run("ingest", str(pages), db=db_url, check_code=1)
    errors = [line for line in result.stderr.decode().splitlines() if line.startswith("error:")]
    assert errors == [f"error: {pages / 'empty.html'}: empty file"]
    assert "new articles" in result.stdout.decode()


def test_ingest_of_good_files_exits_0_and_is_idempotent(pages: Path, db_url: str) -> None:
    (pages / "empty.html").unlink()
    run("ingest", str(pages), db=db_url)
    run("ingest", str(pages), db=db_url)
    listed = run("docs", "--json", db=db_url).stdout.decode().splitlines()
    assert len(listed) == 1
    record = json.loads(listed[0])
    assert record["title"] == "Mediators gather in Doha"
    assert record["published"] == "2025-05-02"


def test_docs_filters_and_show(pages: Path, db_url: str) -> None:
    run("ingest", str(pages), db=db_url, check_code=1)
    assert run("docs", "--json", "--search", "shuttle diplomacy", db=db_url).stdout.strip()
    assert not run("docs", "--json", "--search", "volcano", db=db_url).stdout.strip()
    assert not run("docs", "--json", "--since", "2025-06-01", db=db_url).stdout.strip()
    assert run("docs", "--json", "--site", "Global Dispatch", db=db_url).stdout.strip()
    doc_id = json.loads(run("docs", "--json", db=db_url).stdout)["id"]
    shown = run("show", doc_id, db=db_url).stdout.decode()
    assert "Rania Saleh" in shown and "closer than we have been" in shown and "Home" not in shown
    record = json.loads(run("show", doc_id, "--json", db=db_url).stdout)
    assert record["sources"][0]["source_path"].endswith("doha.html")


def test_exports_in_every_format(pages: Path, db_url: str, tmp_path: Path) -> None:
    run("ingest", str(pages), db=db_url, check_code=1)
    [line] = run("export", "documents", "--format", "jsonl", db=db_url).stdout.splitlines()
    assert json.loads(line)["authors"] == ["Rania Saleh"]
    rows = list(
        csv.DictReader(
            io.StringIO(run("export", "documents", "-f", "csv", db=db_url).stdout.decode())
        )
    )
    assert rows[0]["canonical_url"].endswith("/doha-talks")
    target = tmp_path / "docs.parquet"
    run("export", "documents", "-f", "parquet", "-o", str(target), db=db_url)
    assert pq.read_table(target).num_rows == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["docs", "--since", "last week"], "not a date"),
        (["export", "documents", "--format", "xml"], "is not one of"),
        (["show"], "Missing argument"),
    ],
)
def test_usage_errors_exit_2(args: list[str], message: str, db_url: str) -> None:
    result = run(*args, db=db_url, check_code=2)
    assert message in result.stderr.decode()


def test_bad_database_url_is_one_line_and_exit_2(pages: Path) -> None:
    result = run("ingest", str(pages), db="mysql://u@h/db", check_code=2)
    lines = result.stderr.decode().strip().splitlines()
    assert len(lines) == 1 and "database URL 'mysql://u@h/db'" in lines[0]


def test_unknown_document_exits_1(db_url: str) -> None:
    result = run("show", "0000000000000000", db=db_url, check_code=1)
    assert "no document with id" in result.stderr.decode()


def test_missing_path_is_reported_and_batch_goes_on(pages: Path, db_url: str) -> None:
    (pages / "empty.html").unlink()
    result = run("ingest", str(pages / "nope.html"), str(pages), db=db_url, check_code=1)
    assert "nope.html" in result.stderr.decode()
    assert len(run("docs", "--json", db=db_url).stdout.splitlines()) == 1


def test_actors_actor_and_annotation_exports(pages: Path, db_url: str) -> None:
    run("ingest", str(pages), db=db_url, check_code=1)
    listed = [json.loads(x) for x in run("actors", "--json", db=db_url).stdout.splitlines()]
    by_code = {a["code"]: a for a in listed}
    assert {"EGYGOV", "QATGOV", "PSEREB"} <= set(by_code)
    countries = run("actors", "--type", "country", "--json", db=db_url).stdout.splitlines()
    assert countries and all(json.loads(x)["type"] == "country" for x in countries)
    shown = run("actor", listed[0]["id"], db=db_url).stdout.decode()
    assert listed[0]["name"] in shown and "mentions" in shown
    for table in ("actors", "mentions", "dates", "places"):
        rows = run("export", table, "-f", "jsonl", db=db_url).stdout.splitlines()
        assert rows, f"nothing exported from {table}"
    [date] = [
        json.loads(x)
        for x in run("export", "dates", db=db_url).stdout.splitlines()
        if json.loads(x)["text"] == "Friday"
    ]
    assert date["date_start"] == "2025-05-02"  # published Friday 2025-05-02


def test_unknown_actor_and_bad_type(db_url: str) -> None:
    assert "no actor matches" in run("actor", "Nobody", db=db_url, check_code=1).stderr.decode()
    assert (
        "is not one of" in run("actors", "--type", "alien", db=db_url, check_code=2).stderr.decode()
    )


def test_quotes_events_network_and_gdelt_exports(pages: Path, db_url: str, tmp_path: Path) -> None:
    run("ingest", str(pages), db=db_url, check_code=1)
    quotes = [json.loads(x) for x in run("quotes", "--json", db=db_url).stdout.splitlines()]
    [closer] = [q for q in quotes if q["text"].startswith("We are closer")]
    assert closer["kind"] == "direct" and closer["cue"] == "said"
    assert run("quotes", "--kind", "direct", "--search", "closer", db=db_url).stdout.strip()
    assert not run("quotes", "--kind", "indirect", "--search", "closer", db=db_url).stdout.strip()
    assert (
        "is not one of" in run("quotes", "--kind", "odd", db=db_url, check_code=2).stderr.decode()
    )
    events = [
        json.loads(x)
        for x in run("events", "--json", "--status", "all", db=db_url).stdout.splitlines()
    ]
    assert events and all(len(e["cameo_code"]) >= 3 for e in events)
    run("network", "--json", db=db_url)
    gdelt = run("export", "events", "--format", "gdelt-events", db=db_url).stdout.decode()
    assert all(len(line.split("\t")) == 61 for line in gdelt.splitlines())
    target = tmp_path / "news.gkg.csv"
    run("export", "gkg", "-o", str(target), db=db_url)
    [record] = target.read_text(encoding="utf-8").splitlines()
    assert len(record.split("\t")) == 27
    counts = run("export", "counts", "-f", "csv", db=db_url).stdout.decode()
    assert counts.startswith("doc_id,kind,number,qualifier,object")
