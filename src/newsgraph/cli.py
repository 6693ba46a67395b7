"""The ``newsgraph`` command: thin wrappers over :class:`newsgraph.Newsgraph`.

Exit status: 0 when everything went in, 1 when some input failed or a record was not
found, 2 for usage errors (bad flags, bad database URL).
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from newsgraph.errors import ConfigError, NewsgraphError, NotFound
from newsgraph.export import FORMATS
from newsgraph.graph import ACTOR_TYPES, EVENT_STATUSES, EXPORTABLE, QUOTE_KINDS, Newsgraph
from newsgraph.options import SETTINGS, setting
from newsgraph.pipeline import IngestReport
from newsgraph.store import WriteResult

app = typer.Typer(
    help="Turn saved news pages into a queryable record of who did what to whom.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
export_app = typer.Typer(help="Export a table as JSONL, CSV or Parquet.", no_args_is_help=True)
app.add_typer(export_app, name="export")

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)

DbOption = Annotated[
    str | None, typer.Option("--db", help=setting("db_url").help, envvar="NEWSGRAPH_DB")
]


def _open(db: str | None) -> Newsgraph:
    try:
        return Newsgraph(db)
    except ConfigError as exc:
        err.print(f"error: {exc}", markup=False)
        raise typer.Exit(2) from None
    except NewsgraphError as exc:
        err.print(f"error: {exc}", markup=False)
        raise typer.Exit(1) from None


def _iso_date(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date; use YYYY-MM-DD") from None


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders of saved pages.")],
    db: DbOption = None,
) -> None:
    """Read, clean and store every saved page under PATHS.

    Example: newsgraph ingest examples/corpus --db sqlite:///news.db
    """
    with _open(db) as graph:
        report = _ingest_with_progress(graph, paths)
    _print_summary(report)
    raise typer.Exit(1 if report.failed else 0)


def _ingest_with_progress(graph: Newsgraph, paths: list[Path]) -> IngestReport:
    progress = Progress(
        SpinnerColumn(),
        TextColumn("[bold]ingesting"),
        BarColumn(),
        TextColumn("{task.completed} pages, {task.fields[bad]} failed"),
        TextColumn("{task.fields[rate]:.1f} articles/s"),
        TimeElapsedColumn(),
        console=err,
        transient=True,
    )
    with progress:
        task = progress.add_task("ingest", total=None, bad=0, rate=0.0)

        def on_result(result: WriteResult) -> None:
            if result.status == "rejected":
                progress.console.print(
                    f"error: {result.source_path}: {result.reason}", markup=False
                )
            done = progress.tasks[task]
            bad = done.fields["bad"] + (result.status == "rejected")
            rate = (done.completed + 1) / max(done.elapsed or 0.0, 1e-9)
            progress.update(task, advance=1, bad=bad, rate=rate)

        return graph.ingest(*paths, on_result=on_result)


def _print_summary(report: IngestReport) -> None:
    table = Table(title="ingest summary", show_header=True)
    table.add_column("what")
    table.add_column("count", justify="right")
    for label, value in (
        ("new articles", report.new),
        ("known articles, new source file", report.new_sources),
        ("already stored", report.unchanged),
        ("failed", len(report.rejected)),
    ):
        table.add_row(label, str(value))
    out.print(table)
    out.print(
        f"{report.pages} articles in {report.seconds:.2f} s "
        f"({report.pages_per_second:.1f} articles/s)"
    )


@app.command()
def docs(
    search: Annotated[
        str | None, typer.Option(help="Full-text search over title and body.")
    ] = None,
    site: Annotated[str | None, typer.Option(help="Only this site (name as stored).")] = None,
    since: Annotated[str | None, typer.Option(help="Published on or after YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="Published on or before YYYY-MM-DD.")] = None,
    limit: Annotated[int, typer.Option(min=1, help="At most this many rows.")] = 50,
    offset: Annotated[int, typer.Option(min=0, help="Skip this many rows first.")] = 0,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line.")] = False,
    db: DbOption = None,
) -> None:
    """List stored articles, newest first.

    Example: newsgraph docs --search "ceasefire talks" --since 2025-01-01
    """
    with _open(db) as graph:
        rows = graph.documents(
            search=search,
            site=site,
            since=_iso_date(since),
            until=_iso_date(until),
            limit=limit,
            offset=offset,
        )
    if as_json:
        for row in rows:
            out.print(json.dumps(row, ensure_ascii=False), markup=False)
        return
    # Plain, aligned lines: readable in a terminal, easy to grep or cut when piped.
    out.print(f"{'id':16}  {'published':10}  {'site':18}  title", markup=False, style="bold")
    for row in rows:
        site = (row["site"] or "")[:18]
        line = f"{row['id']:16}  {row['published'] or '':10}  {site:18}  {row['title'] or ''}"
        out.print(line, markup=False)


@app.command()
def show(
    doc_id: Annotated[str, typer.Argument(help="Document id, as `newsgraph docs` lists it.")],
    as_json: Annotated[bool, typer.Option("--json", help="The record as JSON.")] = False,
    db: DbOption = None,
) -> None:
    """Show one stored article: metadata, source files and clean text.

    Example: newsgraph show 5189a0d6687e54f4
    """
    with _open(db) as graph:
        try:
            record = graph.document(doc_id)
        except NotFound as exc:
            err.print(f"error: {exc}", markup=False)
            raise typer.Exit(1) from None
    if as_json:
        out.print(json.dumps(_jsonable(record), ensure_ascii=False, indent=2), markup=False)
        return
    out.print(f"[bold]{record['title'] or '(untitled)'}[/bold]")
    for label in ("id", "authors", "site", "published", "language", "url", "canonical_url"):
        value = record[label]
        value = ", ".join(value) if isinstance(value, list) else value
        out.print(f"{label}: {value or ''}", markup=False)
    for source in record["sources"]:
        out.print(f"source: {source['source_path']} ({source['source_format']})", markup=False)
    out.print()
    out.print(record["text"], markup=False)


def _jsonable(record: dict[str, Any]) -> dict[str, Any]:
    from newsgraph.export import plain_value

    return {k: plain_value(v) for k, v in record.items()}


FormatOption = Annotated[str, typer.Option("--format", "-f", help=f"One of {', '.join(FORMATS)}.")]
OutputOption = Annotated[Path | None, typer.Option("--output", "-o", help="File (default stdout).")]

# The plain table exports: (name, what it writes, example flags). Each becomes a command
# `newsgraph export NAME`; events (which also speaks GDELT) and gkg are written out below.
TABLE_EXPORTS = (
    ("documents", "every stored article", "--format csv -o documents.csv"),
    ("actors", "every actor: id, name, type, country, role, code, aliases, affiliation",
     "--format jsonl -o actors.jsonl"),
    ("mentions", "every actor mention with its offsets and sentence",
     "--format csv -o mentions.csv"),
    ("dates", "every date expression with the day or range it resolves to",
     "--format parquet -o dates.parquet"),
    ("places", "every geocoded place mention", "--format jsonl"),
    ("quotes", "every quotation: doc_id, text, speaker, speaker_actor, kind, cue, addressee, "
     "start, end, sentence", "--format csv -o quotes.csv"),
    ("counts", 'counts ("killed at least 45 civilians"): kind, number, qualifier, object',
     "--format csv"),
)  # fmt: skip


def _table_export_command(name: str, what: str, example: str) -> None:
    def command(
        fmt: FormatOption = "jsonl", output: OutputOption = None, db: DbOption = None
    ) -> None:
        _export(name, fmt, output, db)

    command.__doc__ = f"Export {what}.\n\nExample: newsgraph export {name} {example}\n"
    export_app.command(name)(command)


for _name, _what, _example in TABLE_EXPORTS:
    _table_export_command(_name, _what, _example)


@export_app.command("events")
def export_events(
    fmt: Annotated[
        str,
        typer.Option("--format", "-f", help=f"One of {', '.join(FORMATS)}, gdelt-events."),
    ] = "jsonl",
    output: OutputOption = None,
    db: DbOption = None,
) -> None:
    """Export coded events; gdelt-events writes GDELT 2.0's 61-column table (facts only).

    Example: newsgraph export events --format gdelt-events -o events.tsv
    """
    if fmt == "gdelt-events":
        _export_gdelt("events", output, db)
    else:
        _export("events", fmt, output, db)


@export_app.command("gkg")
def export_gkg(output: OutputOption = None, db: DbOption = None) -> None:
    """Export one GDELT GKG 2.1 record per document (27 tab-separated columns).

    Example: newsgraph export gkg -o news.gkg.csv
    """
    _export_gdelt("gkg", output, db)


def _export_gdelt(kind: str, output: Path | None, db: str | None) -> None:
    with _open(db) as graph:
        if output is None:
            count = graph.export_gdelt(kind, out=sys.stdout.buffer)
            sys.stdout.flush()
        else:
            with output.open("wb") as handle:
                count = graph.export_gdelt(kind, out=handle)
    err.print(f"exported {count} GDELT {kind} rows", markup=False)


def _export(table: str, fmt: str, output: Path | None, db: str | None) -> None:
    if fmt not in FORMATS:
        raise typer.BadParameter(
            f"{fmt!r} is not one of {', '.join(FORMATS)}", param_hint="--format"
        )
    if table not in EXPORTABLE:
        raise typer.BadParameter(f"{table!r} cannot be exported")
    if fmt == "parquet" and output is None and sys.stdout.isatty():
        raise typer.BadParameter("Parquet is binary: give -o FILE or redirect stdout")
    with _open(db) as graph:
        if output is None:
            count = graph.export(table, fmt=fmt, out=sys.stdout.buffer)
            sys.stdout.flush()
        else:
            with output.open("wb") as handle:
                count = graph.export(table, fmt=fmt, out=handle)
    err.print(f"exported {count} {table}", markup=False)


@app.command()
def actors(
    type: Annotated[  # noqa: A002 - the flag's name
        str | None, typer.Option(help="person, org or country.")
    ] = None,
    search: Annotated[str | None, typer.Option(help="Part of a name or code.")] = None,
    limit: Annotated[int, typer.Option(min=1, help="At most this many rows.")] = 50,
    offset: Annotated[int, typer.Option(min=0, help="Skip this many rows first.")] = 0,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line.")] = False,
    db: DbOption = None,
) -> None:
    """List actors, most mentioned first.

    Example: newsgraph actors --type country --limit 10
    """
    if type is not None and type not in ACTOR_TYPES:
        raise typer.BadParameter(
            f"{type!r} is not one of person, org, country", param_hint="--type"
        )
    with _open(db) as graph:
        rows = graph.actors(type=type, search=search, limit=limit, offset=offset)
    if as_json:
        for row in rows:
            out.print(json.dumps(row, ensure_ascii=False), markup=False)
        return
    out.print(
        f"{'id':16}  {'type':12}  {'code':8}  {'mentions':>8}  {'docs':>4}  name",
        style="bold",
        markup=False,
    )
    for row in rows:
        line = (
            f"{row['id']:16}  {row['type']:12}  {row['code'] or '':8}  "
            f"{row['mentions']:8d}  {row['documents']:4d}  {row['name']}"
        )
        out.print(line, markup=False)


@app.command()
def actor(
    name: Annotated[str, typer.Argument(help="Actor id, name or CAMEO code.")],
    limit: Annotated[int, typer.Option(min=1, help="Mentions and co-actors shown.")] = 20,
    as_json: Annotated[bool, typer.Option("--json", help="The profile as JSON.")] = False,
    db: DbOption = None,
) -> None:
    """Show one actor: aliases, mentions in context, co-occurring actors.

    Example: newsgraph actor Hezbollah
    """
    with _open(db) as graph:
        try:
            profile = graph.actor(name, limit=limit)
        except NotFound as exc:
            err.print(f"error: {exc}", markup=False)
            raise typer.Exit(1) from None
    if as_json:
        out.print(json.dumps(_jsonable(profile), ensure_ascii=False, indent=2), markup=False)
        return
    _print_profile(profile)


def _print_profile(profile: dict[str, Any]) -> None:
    out.print(
        f"[bold]{profile['name']}[/bold]  ({profile['type']}, {profile['code'] or 'no code'})"
    )
    for label in ("id", "country", "role", "affiliation"):
        out.print(f"{label}: {profile[label] or ''}", markup=False)
    out.print(f"aliases: {', '.join(profile['aliases'])}", markup=False)
    out.print(f"\nmentions ({profile['mention_count']}):", style="bold")
    for m in profile["mentions"]:
        out.print(
            f"  {m['published'] or '':10}  {m['doc_id']}  [{m['text']}]  {m['sentence_text']}",
            markup=False,
        )
    out.print("\nappears with:", style="bold")
    for co in profile["co_occurring"]:
        out.print(
            f"  {co['documents']:3d} docs  {co['name']} ({co['code'] or co['type']})", markup=False
        )


@app.command()
def quotes(
    speaker: Annotated[str | None, typer.Option(help="Part of the speaker's name.")] = None,
    about: Annotated[
        str | None, typer.Option(help="An actor mentioned inside the quote (name, id or code).")
    ] = None,
    search: Annotated[str | None, typer.Option(help="Words in the quote.")] = None,
    kind: Annotated[str | None, typer.Option(help="direct, partial or indirect.")] = None,
    limit: Annotated[int, typer.Option(min=1, help="At most this many rows.")] = 50,
    offset: Annotated[int, typer.Option(min=0, help="Skip this many rows first.")] = 0,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line.")] = False,
    db: DbOption = None,
) -> None:
    """List quotations with their speakers.

    Example: newsgraph quotes --speaker Okafor --kind direct
    """
    if kind is not None and kind not in QUOTE_KINDS:
        raise typer.BadParameter(
            f"{kind!r} is not one of {', '.join(QUOTE_KINDS)}", param_hint="--kind"
        )
    with _open(db) as graph:
        try:
            rows = graph.quotes(
                speaker=speaker, about=about, search=search, kind=kind, limit=limit, offset=offset
            )
        except NotFound as exc:
            err.print(f"error: {exc}", markup=False)
            raise typer.Exit(1) from None
    if as_json:
        for row in rows:
            out.print(json.dumps(_jsonable(row), ensure_ascii=False), markup=False)
        return
    for row in rows:
        who = row["speaker"] or row["speaker_text"] or "(unattributed)"
        cue = f" {row['cue']}" if row["cue"] else ""
        to = f" to {row['addressee']}" if row["addressee"] else ""
        out.print(f"{row['doc_id']}  {row['kind']:8}  {who}{cue}{to}:", markup=False)
        out.print(f"    “{row['text']}”", markup=False)


@app.command()
def events(
    actor: Annotated[str | None, typer.Option(help="Source or target (name, id, code).")] = None,
    code: Annotated[str | None, typer.Option(help="CAMEO code or its prefix, e.g. 19.")] = None,
    root: Annotated[str | None, typer.Option(help="CAMEO root code, 01 to 20.")] = None,
    since: Annotated[str | None, typer.Option(help="On or after YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="On or before YYYY-MM-DD.")] = None,
    status: Annotated[
        str, typer.Option(help="fact, negated, hypothetical, question, future or all.")
    ] = "fact",
    limit: Annotated[int, typer.Option(min=1, help="At most this many rows.")] = 50,
    offset: Annotated[int, typer.Option(min=0, help="Skip this many rows first.")] = 0,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line.")] = False,
    db: DbOption = None,
) -> None:
    """List coded events: who did what to whom, when and where.

    Example: newsgraph events --actor Russia --root 19 --since 2025-01-01
    """
    if status not in EVENT_STATUSES:
        raise typer.BadParameter(f"{status!r} is not one of {', '.join(EVENT_STATUSES)}")
    with _open(db) as graph:
        try:
            rows = graph.events(
                actor=actor,
                code=code,
                root=root,
                since=_iso_date(since),
                until=_iso_date(until),
                status=None if status == "all" else status,
                limit=limit,
                offset=offset,
            )
        except NotFound as exc:
            err.print(f"error: {exc}", markup=False)
            raise typer.Exit(1) from None
    if as_json:
        for row in rows:
            out.print(json.dumps(_jsonable(row), ensure_ascii=False), markup=False)
        return
    for row in rows:
        who = f"{row['source_name'] or '?'} ({row['source_code'] or '-'})"
        whom = f"{row['target_name'] or '?'} ({row['target_code'] or '-'})"
        flag = "" if row["status"] == "fact" else f" [{row['status']}]"
        out.print(
            f"{row['date'] or '':10}  {row['cameo_code']:4}  {row['goldstein']:+5.1f}  "
            f"{who} -> {whom}{flag}",
            markup=False,
        )


@app.command()
def network(
    actor: Annotated[str | None, typer.Option(help="Only edges touching this actor.")] = None,
    since: Annotated[str | None, typer.Option(help="On or after YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="On or before YYYY-MM-DD.")] = None,
    limit: Annotated[int, typer.Option(min=1, help="At most this many edges.")] = 50,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line.")] = False,
    db: DbOption = None,
) -> None:
    """Actor-to-actor event counts and mean Goldstein value (cooperation > 0 > conflict).

    Example: newsgraph network --actor China
    """
    with _open(db) as graph:
        try:
            edges = graph.network(
                actor=actor, since=_iso_date(since), until=_iso_date(until), limit=limit
            )
        except NotFound as exc:
            err.print(f"error: {exc}", markup=False)
            raise typer.Exit(1) from None
    if as_json:
        for edge in edges:
            out.print(json.dumps(edge, ensure_ascii=False), markup=False)
        return
    for edge in edges:
        out.print(
            f"{edge['events']:4d}  {edge['mean_goldstein']:+5.1f}  "
            f"{edge['source_name']} ({edge['source_code'] or '-'}) -> "
            f"{edge['target_name']} ({edge['target_code'] or '-'})",
            markup=False,
        )


@app.command()
def settings() -> None:
    """List every setting with its environment variable and default."""
    table = Table(show_header=True)
    for column in ("setting", "environment", "default", "meaning"):
        table.add_column(column, overflow="fold")
    for item in SETTINGS:
        table.add_row(item.name, item.env or "", str(item.default), item.help)
    out.print(table)


def main() -> None:
    app()
