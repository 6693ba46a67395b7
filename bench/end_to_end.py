"""End-to-end ingest beside bare spaCy on the same texts, 1 and 2 workers, peak memory.

    python bench/end_to_end.py [--articles 2000] [--memory-base 400] [--quick] [--memory-only]

On the generated corpus (``bench/build_corpus_large.py``), each run a subprocess:

1. ``newsgraph ingest CORPUS --db sqlite:///fresh.db --workers 1``, then ``--workers 2``:
   read + extract + nlp + annotate + store. Wall seconds are the CLI's own report (from
   the first page read to the last batch stored, model loading included);
2. bare ``nlp.pipe`` (``newsgraph.nlp.load_model()``, the model's own components, the
   same ``nlp_batch_size``) over the bodies the first ingest stored, ``n_process`` 1
   then 2 (timed from the first text, model loaded before);
3. the peak RSS of ``newsgraph ingest --workers 1`` over the first ``--memory-base``
   articles (1x) and over five times as many (5x); ``--memory-only`` runs this part alone.

Throughput is articles/s and words/s (whitespace words of the stored bodies). The ratio
ingest/bare compares wall time; since the machine may be shared, CPU seconds (user+sys
of the whole process tree, from ``os.wait4``, start-up included on both sides) are
printed too, with the load average.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from build_corpus_large import build  # noqa: E402

PYTHON = sys.executable
NEWSGRAPH = str(Path(PYTHON).with_name("newsgraph"))


@dataclass
class Run:
    """One subprocess: its wall seconds (as it reports them), CPU seconds and peak RSS."""

    wall: float
    cpu: float
    max_rss_mb: float
    output: str


def run(command: list[str]) -> Run:
    """Run ``command``; the rusage comes from ``os.wait4``, so it covers this child and
    every descendant it waited for (worker processes)."""
    with tempfile.TemporaryFile("w+") as out:
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - started
        out.seek(0)
        text = out.read()
    if process.returncode not in (0, 1):  # 1: the corpus holds broken files on purpose
        raise SystemExit(f"{' '.join(command)} failed ({process.returncode}):\n{text[-2000:]}")
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, text)


def machine() -> str:
    import spacy

    cpu = "unknown cpu"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    return (
        f"{cpu}, {os.cpu_count()} cores, {platform.machine()}, "
        f"Python {platform.python_version()}, spaCy {spacy.__version__}"
    )


def load() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def ingest(corpus: Path, workers: int, db: Path) -> Run:
    command = [NEWSGRAPH, "ingest", str(corpus), "--db", f"sqlite:///{db}"]
    result = run([*command, "--workers", str(workers)])
    match = re.search(r"(\d+) articles in ([\d.]+) s", result.output)
    if match is None:
        raise SystemExit(f"no summary line in the ingest output:\n{result.output[-2000:]}")
    result.wall = float(match.group(2))
    return result


def stored_texts(db: Path) -> list[str]:
    with sqlite3.connect(db) as connection:
        return [row[0] for row in connection.execute("SELECT text FROM documents ORDER BY id")]


def bare(texts_file: Path, n_process: int) -> Run:
    result = run([PYTHON, __file__, "_bare", str(texts_file), str(n_process)])
    result.wall = json.loads(result.output.strip().splitlines()[-1])["seconds"]
    return result


def _bare_child(texts_file: str, n_process: str) -> None:
    """Child mode: bare nlp.pipe over the texts; prints {"seconds": ...}."""
    from newsgraph.nlp import load_model
    from newsgraph.options import Options

    texts = json.loads(Path(texts_file).read_text("utf-8"))
    nlp = load_model()
    batch_size = Options.from_env(environ={}).nlp_batch_size
    started = time.perf_counter()
    for _doc in nlp.pipe(texts, batch_size=batch_size, n_process=int(n_process)):
        pass
    print(json.dumps({"seconds": time.perf_counter() - started}))


def memory(base: int, tmp_path: Path) -> tuple[Run, Run]:
    """Part 3 alone: ``ingest --workers 1`` at 1x and 5x, each into a fresh store."""
    mem_base = ingest(build(base), 1, tmp_path / "base.db")
    print(f"  1x ({base} articles): {mem_base.max_rss_mb:.0f} MB peak RSS", flush=True)
    return mem_base, ingest(build(base * 5), 1, tmp_path / "big.db")


def print_memory(base: int, mem_base: Run, mem_big: Run) -> None:
    print(
        f"peak RSS ingest --workers 1: {mem_base.max_rss_mb:.0f} MB at 1x ({base} articles), "
        f"{mem_big.max_rss_mb:.0f} MB at 5x ({base * 5}); "
        f"5x/1x = {mem_big.max_rss_mb / mem_base.max_rss_mb:.2f}  (target <= 1.10)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--memory-base", type=int, help="1x size (default: articles / 5)")
    parser.add_argument("--quick", action="store_true", help="300 articles, memory at 60 and 300")
    parser.add_argument("--memory-only", action="store_true", help="only the peak RSS part")
    args = parser.parse_args()
    count = 300 if args.quick else args.articles
    base = args.memory_base or max(count // 5, 1)
    print(f"machine: {machine()}")
    print(f"load average at start: {load()}", flush=True)
    if args.memory_only:
        with tempfile.TemporaryDirectory() as tmp:
            print_memory(base, *memory(base, Path(tmp)))
        return
    corpus = build(count)
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        rows: list[tuple[str, int, int, Run]] = []

        def done(name: str, result: Run) -> None:
            print(
                f"  {name}: {result.wall:.1f} s wall, {result.cpu:.1f} s CPU, "
                f"{result.max_rss_mb:.0f} MB peak RSS",
                flush=True,
            )

        one = ingest(corpus, 1, tmp_path / "w1.db")
        done("ingest --workers 1", one)
        texts = stored_texts(tmp_path / "w1.db")
        words = sum(len(t.split()) for t in texts)
        texts_file = tmp_path / "texts.json"
        texts_file.write_text(json.dumps(texts), "utf-8")
        rows.append(("newsgraph ingest --workers 1", len(texts), words, one))
        bare_one = bare(texts_file, 1)
        done("bare n_process=1", bare_one)
        rows.append(("bare nlp.pipe n_process=1", len(texts), words, bare_one))
        two = ingest(corpus, 2, tmp_path / "w2.db")
        done("ingest --workers 2", two)
        rows.append(("newsgraph ingest --workers 2", len(texts), words, two))
        bare_two = bare(texts_file, 2)
        done("bare n_process=2", bare_two)
        rows.append(("bare nlp.pipe n_process=2", len(texts), words, bare_two))
        small = build(base) if base != count else corpus
        mem_base = ingest(small, 1, tmp_path / "base.db")
        mem_big = ingest(build(base * 5), 1, tmp_path / "big.db") if base * 5 != count else one
    print(f"corpus: {corpus} ({len(texts)} articles stored, {words} words)")
    print(f"load average at end: {load()}")
    print()
    print("| run | articles/s | words/s | wall s | CPU s |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for name, articles, words_, result in rows:
        print(
            f"| {name} | {articles / result.wall:.1f} | {words_ / result.wall:.0f} "
            f"| {result.wall:.1f} | {result.cpu:.1f} |"
        )
    print()
    print(f"ratio ingest/bare, 1 process (wall):  {bare_one.wall / one.wall:.2f}  (target >= 0.8)")
    print(f"ratio ingest/bare, 1 process (CPU):   {bare_one.cpu / one.cpu:.2f}")
    print(f"ratio ingest/bare, 2 processes (wall): {bare_two.wall / two.wall:.2f}")
    print(f"ratio ingest/bare, 2 processes (CPU):  {bare_two.cpu / two.cpu:.2f}")
    print(f"scaling 2 workers / 1 (wall):          {one.wall / two.wall:.2f}  (target >= 1.7)")
    print(f"scaling bare n_process 2 / 1 (wall):   {bare_one.wall / bare_two.wall:.2f}")
    print_memory(base, mem_base, mem_big)


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "_bare":
        _bare_child(sys.argv[2], sys.argv[3])
    else:
        main()
