"""A large benchmark corpus, made from the 32 sample articles with varied text.

    python bench/build_corpus_large.py [--articles 2000] [--seed 8] [--out DIR]

Each generated article starts from one of ``examples/corpus_src/articles/*.json`` and
is varied, deterministically from ``--seed``: about a quarter of its paragraphs are
swapped for paragraphs of other articles (and some get one more), people's first names
and surnames, capital cities, weekdays and numbers are substituted from small lists,
the publication date moves, and the site (page template) and section are drawn anew.
The pages are then written exactly as the sample corpus is, by
``examples/build_corpus.py``: HTML, MHTML, one WARC, text dumps, a JSONL feed and the
four broken files, so every reader runs. Output goes to ``bench/.cache/`` (git-ignored)
and is reused while the generated article files are unchanged.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import random
import re
import sys
from datetime import date, timedelta
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
ARTICLES = REPO / "examples" / "corpus_src" / "articles"
CACHE = BENCH / ".cache"
SITES = ("meridian", "harbour", "dispatch", "ledger", "courier")
SECTIONS = ("World", "Europe", "Middle East", "Business", "Africa", "Americas", "Asia")

# Names that occur in the sample articles, and the pools they are replaced from.
FIRST_NAMES = (
    "Greg Isatou Devon Temirlan Jorge Mohammad Lena Kasra Vadim Zeynep Luiza Roseline "
    "Richard Christophe Yves Hawa Ebrima Yusuf Abdi Arben Giancarlo Rebecca Azamat Nurlan"
).split()
SURNAMES = (
    "Kowalski Manneh Persaud Asanaliev Mamani Rashed Hartwig Nzabonimpa Habimana Mbayo "
    "Emami Kostrikov Hnatiuk Karaca Menezes Mwangi Auguste Delorme Lenormand Danjuma "
    "Sissoko Touray Farah Warsame Langat Hoxha Ferrante Thornbury Toktogulov Mamatov"
).split()
FIRST_POOL = (
    "Amina Bruno Chidi Dana Elif Farid Grace Hugo Ines Jonas Kofi Lina Marco Nadia Omar "
    "Priya Rosa Samir Tomas Ulla Victor Wanjiru Ximena Yara Zoltan"
).split()
SURNAME_POOL = (
    "Adeyemi Brennan Castillo Dlamini Eriksen Fonseca Gakuru Haddad Ivanova Jaramillo "
    "Kaplan Lindqvist Moreau Nakamura Okonkwo Petrov Quispe Rahman Sorensen Tanaka "
    "Umarov Vasquez Wekesa Yilmaz Zapata"
).split()
CITIES = (
    "Nairobi Abuja Kinshasa Doha Cairo Geneva Vienna Beijing Moscow Kampala Dakar Ankara "
    "Istanbul Brussels Paris London Ottawa Lima Caracas Tokyo Seoul Dhaka Bamako Niamey"
).split()
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
_YEAR = re.compile(r"(?:19|20)\d\d")


def load_articles() -> list[dict]:
    files = sorted(p for p in ARTICLES.glob("*.json") if p.name[:2].isdigit())
    return [json.loads(p.read_text("utf-8")) for p in files]


def _swap_words(rng: random.Random, words: list[str], pool: list[str], share: float) -> dict:
    """A mapping from some of ``words`` to distinct draws from ``pool`` (or each other)."""
    chosen = [w for w in words if rng.random() < share]
    targets = rng.sample(pool, min(len(chosen), len(pool)))
    return dict(zip(chosen, targets, strict=False))


def _substitute(text: str, mapping: dict[str, str], rng_numbers: random.Random) -> str:
    if mapping:
        pattern = re.compile(r"\b(" + "|".join(map(re.escape, mapping)) + r")\b")
        text = pattern.sub(lambda m: mapping[m.group(1)], text)

    def number(match: re.Match[str]) -> str:
        digits = match.group(0)
        if _YEAR.fullmatch(digits):
            return digits
        if len(digits) <= 2:
            return str(rng_numbers.randint(2, 28))
        return str(rng_numbers.randint(10 ** (len(digits) - 1), 10 ** len(digits) - 1))

    return re.sub(r"(?<![\d.,])\d+(?![\d.,])", number, text)


def vary(index: int, articles: list[dict], seed: int) -> dict:
    """The ``index``-th generated article: a pure function of (seed, index)."""
    rng = random.Random(f"{seed}:{index}")
    base = articles[index % len(articles)]
    paragraphs = list(base["paragraphs"])
    others = [a for a in articles if a is not base]
    for i in range(1, len(paragraphs)):
        if rng.random() < 0.25:
            paragraphs[i] = rng.choice(rng.choice(others)["paragraphs"])
    if rng.random() < 0.5:
        paragraphs.insert(
            rng.randint(1, len(paragraphs)), rng.choice(rng.choice(others)["paragraphs"])
        )
    mapping = {
        **_swap_words(rng, FIRST_NAMES, FIRST_POOL, 0.5),
        **_swap_words(rng, SURNAMES, SURNAME_POOL, 0.5),
        **_swap_words(rng, CITIES, CITIES, 0.3),
        **_swap_words(rng, WEEKDAYS, WEEKDAYS, 0.4),
    }
    numbers = random.Random(f"{seed}:{index}:numbers")
    published = date.fromisoformat(base["published"][:10]) + timedelta(rng.randint(-500, 200))
    out = {key: value for key, value in base.items() if key != "notes"}
    out.update(
        slug=f"{base['slug']}-{index:05d}",
        title=_substitute(base["title"], mapping, numbers),
        published=published.isoformat(),
        site=rng.choice(SITES),
        section=rng.choice(SECTIONS),
        standfirst=_substitute(base.get("standfirst", ""), mapping, numbers),
        paragraphs=[_substitute(p, mapping, numbers) for p in paragraphs],
    )
    return out


def _import_builder():
    sys.path.insert(0, str(REPO / "examples"))
    import build_corpus  # noqa: PLC0415 - a script, importable only from its folder

    return build_corpus


def build(count: int, seed: int = 8, out: Path | None = None) -> Path:
    """Write (or reuse) the corpus of ``count`` generated articles; return its folder."""
    out = out or CACHE / f"corpus-{count}-{seed}"
    articles = load_articles()
    generated = [vary(i, articles, seed) for i in range(count)]
    digest = hashlib.sha256(json.dumps(generated, sort_keys=True).encode()).hexdigest()
    stamp = out / "BUILT"
    if stamp.exists() and stamp.read_text() == digest:
        return out / "pages"
    src = out / "src"
    if src.exists():
        for old in src.glob("*.json"):
            old.unlink()
    src.mkdir(parents=True, exist_ok=True)
    for i, article in enumerate(generated):
        path = src / f"{i:05d}-{article['slug']}.json"
        path.write_text(json.dumps(article, ensure_ascii=False), "utf-8")
    _import_builder().build(src, out / "pages", out / "manifest.jsonl")
    stamp.write_text(digest)
    return out / "pages"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    print(build(args.articles, args.seed, args.out))


if __name__ == "__main__":
    main()
