"""The ``newsgraph`` command: thin wrappers over :class:`newsgraph.Newsgraph`.

Exit status: 0 when everything went in, 1 when some input failed or a record was not
found, 2 for usage errors (bad flags, bad database URL).
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from newsgraph.errors import ConfigError, NewsgraphError, NotFound
from newsgraph.export import FORMATS
from newsgraph.graph import (
    ACTOR_TYPES,
    ENGINES,
    EVENT_STATUSES,
    EXPORTABLE,
    QUOTE_KINDS,
    Newsgraph,
)
from newsgraph.options import SETTINGS, setting
from newsgraph.store import WriteResult

if TYPE_CHECKING:  # the pipeline imports spaCy: commands other than ingest never need it
    from newsgraph.pipeline import IngestReport

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

Engine = Enum("Engine", {name: name for name in ENGINES}, type=str)  # --engine choices
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
    workers: Annotated[
        int | None, typer.Option("--workers", min=1, help=setting("workers").help)
    ] = None,
    engine: Annotated[
        Engine,
        typer.Option(help="local: this machine's processes; dask: a Dask cluster (docs/scale.md)."),
    ] = Engine.local,
    scheduler: Annotated[
        str | None,
        typer.Option(
            help="Dask scheduler address (tcp://HOST:8786); default: start a local cluster."
        ),
    ] = None,
    parquet_dir: Annotated[
        Path | None,
        typer.Option(help="With --engine dask: keep every table's Parquet partitions here."),
    ] = None,
    db: DbOption = None,
) -> None:
    """Read, clean and store every saved page under PATHS.

    Example: newsgraph ingest examples/corpus --db sqlite:///news.db --workers 4
    """
    dask = {"engine": engine.value, "scheduler": scheduler, "parquet_dir": parquet_dir}
    with _open(db) as graph:
        try:
            report = _ingest_with_progress(graph, paths, workers, **dask)
        except ConfigError as exc:
            err.print(f"error: {exc}", markup=False)
            raise typer.Exit(2) from None
        except KeyboardInterrupt:
            err.print(
                "interrupted: every batch written so far is kept; "
                "run the same command again to finish",
                markup=False,
            )
            raise typer.Exit(130) from None
        except NewsgraphError as exc:
            err.print(f"error: {exc}", markup=False)
            raise typer.Exit(1) from None
    _print_summary(report)
    if engine is Engine.dask:  # a DaskIngestReport
        kept = f"; Parquet in {report.parquet_dir}" if report.parquet_dir else ""
        out.print(
            f"dask: {len(report.partitions)} partitions on {len(report.workers)} workers{kept}",
            markup=False,
        )
    raise typer.Exit(1 if report.failed else 0)


def _ingest_with_progress(
    graph: Newsgraph, paths: list[Path], workers: int | None, **dask: Any
) -> IngestReport:
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

        return graph.ingest(*paths, on_result=on_result, workers=workers, **dask)


def _print_summary(report: IngestReport) -> None:
    table = Table(title="ingest summary", show_header=True)
    table.add_column("what")
    table.add_column("count", justify="right")
    for label, value in (
        ("new articles", report.new),
        ("known articles, new source file", report.new_sources),
        ("already stored", report.unchanged),
        ("files skipped, stored before and unchanged", report.skipped_files),
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


@app.command("eval")
def eval_command(
    stage: Annotated[str, typer.Option(help="extract, quotes, events, counts or all.")] = "all",
    data: Annotated[
        Path | None,
        typer.Option(
            envvar="NEWSGRAPH_BENCHMARKS",
            help="The gold sets (default ../shared/benchmarks beside the repository).",
        ),
    ] = None,
    as_json: Annotated[
        str | None,
        typer.Option("--json", help="Also write the figures as JSON to FILE (- : stdout)."),
    ] = None,
    gate: Annotated[
        bool, typer.Option("--gate", help="Run the floors' small subset; exit 1 below a floor.")
    ] = False,
    floors: Annotated[
        Path | None, typer.Option(help="Floors file for --gate (default evaluation/floors.json).")
    ] = None,
    errors: Annotated[
        Path | None, typer.Option(help="Write misses and false alarms to DIR (JSONL + HTML).")
    ] = None,
    limit: Annotated[
        int | None, typer.Option(min=1, help="Only the first N items of each gold set.")
    ] = None,
) -> None:
    """Measure every stage on public gold data, beside a baseline.

    Example: newsgraph eval --stage events --json figures.json
    """
    from newsgraph.evaluate import browse, report, runner
    from newsgraph.evaluate import gate as gates

    if stage != "all" and stage not in runner.STAGES:
        raise typer.BadParameter(f"{stage!r} is not one of {', '.join(runner.STAGES)}, all")
    stages = list(runner.STAGES) if stage == "all" else [stage]
    limits: dict[str, int | None] = {n: limit for names in runner.SETS.values() for n in names}
    pinned = None
    tables = err if as_json == "-" else out
    try:
        if gate:
            pinned = gates.load_floors(floors or gates.default_floors())
            stages = [s for s in pinned.stages if s in stages]
            limits.update(pinned.subset)
        results = runner.evaluate(
            stages,
            data or runner.default_data(),
            limits,
            on_stage=lambda result: _print_stage(tables, result),
        )
    except NewsgraphError as exc:
        err.print(f"error: {exc}", markup=False)
        raise typer.Exit(2 if isinstance(exc, ConfigError) else 1) from None
    for result in results:
        err.print(f"{result.stage}: {result.seconds:.1f} s", markup=False)
    if as_json is not None:
        text = json.dumps([report.as_json(r) for r in results], indent=2, ensure_ascii=False)
        if as_json == "-":
            sys.stdout.write(text + "\n")
        else:
            Path(as_json).write_text(text + "\n", encoding="utf-8")
    if errors is not None:
        written = browse.write_errors(results, errors)
        err.print(f"errors written to {errors / 'index.html'} ({len(written)} files)", markup=False)
    if pinned is not None:
        failures = gates.check(results, pinned)
        for line in failures:
            err.print(line, markup=False)
        verdict = "failed" if failures else "passed"
        err.print(f"gate {verdict}: {len(pinned.floors)} floors in {pinned.path}", markup=False)
        raise typer.Exit(1 if failures else 0)


def _print_stage(console: Console, result: Any) -> None:
    from newsgraph.evaluate.report import render

    console.print(render(result))
    for table in result.tables:
        console.print(table)


@app.command()
def settings() -> None:
    """List every setting with its environment variable and default."""
    table = Table(show_header=True)
    for column in ("setting", "environment", "default", "meaning"):
        table.add_column(column, overflow="fold")
    for item in SETTINGS:
        table.add_row(item.name, item.env or "", str(item.default), item.help)
    out.print(table)


@app.command()
def doctor(db: DbOption = None) -> None:
    """Check a store: integrity, schema version, orphan rows, spans, search index.

    Changes nothing. Exit status 0 when every check passes, 1 when one fails, 2 when the
    store cannot be opened.

    Example: newsgraph doctor --db sqlite:///news.db
    """
    from newsgraph.options import Options
    from newsgraph.store.doctor import examine

    try:
        checks = examine(Options.from_env(db_url=db).db_url)
    except NewsgraphError as exc:
        err.print(f"error: {exc}", markup=False)
        raise typer.Exit(2) from None
    table = Table(show_header=True)
    for column in ("check", "result", "details"):
        table.add_column(column, overflow="fold")
    for check in checks:
        verdict = "[green]ok[/green]" if check.ok else "[bold red]FAIL[/bold red]"
        table.add_row(check.name, verdict, Text(check.detail))
    out.print(table)
    failed = [check for check in checks if not check.ok]
    for check in failed:
        err.print(f"error: {check.name}: {check.detail}", markup=False)
    raise typer.Exit(1 if failed else 0)


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[
        str, typer.Option(help="Address to listen on; other than loopback needs --token.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8765,
    token: Annotated[
        str | None,
        typer.Option(
            envvar="NEWSGRAPH_TOKEN",
            show_envvar=True,
            help="Every /api request must send Authorization: Bearer TOKEN (prefer the "
            "environment variable: a flag shows in the process list).",
        ),
    ] = None,
) -> None:
    """Serve the JSON API (/api, docs at /api/docs) and the web page (/) over a store.

    Example: newsgraph serve --db sqlite:///news.db --port 8765
    """
    from newsgraph.server.app import run
    from newsgraph.server.auth import check_token, is_loopback

    if token is not None and (problem := check_token(token)) is not None:
        err.print(f"error: --token: {problem}", markup=False)
        raise typer.Exit(2)
    if token is None and not is_loopback(host):
        reason = "serving beyond this machine needs --token (or NEWSGRAPH_TOKEN)"
        err.print(f"error: --host {host}: {reason}", markup=False)
        raise typer.Exit(2)
    graph = _open(db)
    shown = f"[{host}]" if ":" in host else host
    err.print(f"serving {graph.store.url} on http://{shown}:{port}/", markup=False)
    run(graph, host=host, port=port, token=token)


def main() -> None:
    app()
