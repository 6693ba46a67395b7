"""The counts stage of ``newsgraph eval``: IndiaPoliceEvents (Halterman et al., 2021;
``../shared/benchmarks/india-police-events``) as a proxy for count and event recall.

The gold labels answer "did police kill / arrest ...?" per sentence and per document
(Times of India, March 2002; lower-cased text). ``newsgraph_counts`` finds counts of
any actor ("police arrested 20 people", "five people were killed"), so this measures
how well a KILL or ARREST count marks a sentence the annotators labelled KILL or ARREST:
a proxy, with precision bounded by killings and arrests not done by the police and
recall by those told without a number.

newsgraph: a sentence (document) is predicted KILL when a KILL count starts in it.
Baseline: a keyword match on the same spaCy docs: a token whose lemma is one of the
kind's words in newsgraph's own ``data/count_words.v1.jsonl`` (verbs, states, nouns),
with no parse and no number needed. The pipeline is the model plus ``newsgraph_counts``
only (the component needs nothing else), which keeps 1,257 documents affordable.
"""

from __future__ import annotations

import gzip
import itertools
import json
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.evaluate.prf import PRF
from newsgraph.evaluate.report import Miss, StageResult
from newsgraph.nlp import make_doc

FOLDER = "india-police-events"
KINDS = ("KILL", "ARREST")
BASELINE = "keyword match: a lemma among the kind's words in data/count_words.v1.jsonl"


@dataclass(frozen=True, slots=True)
class Document:
    doc_id: int
    text: str
    labels: frozenset[str]
    sentences: tuple[tuple[int, int, frozenset[str]], ...]  # start, end, labels


def load_documents(root: Path, limit: int | None = None) -> list[Document]:
    """The first ``limit`` documents (file order), each with its sentences' offsets."""
    folder = root / FOLDER
    with gzip.open(folder / "docs.jsonl.gz", "rt", encoding="utf-8") as handle:
        docs = [json.loads(line) for line in itertools.islice(handle, limit)]
    wanted = {d["doc_id"] for d in docs}
    sentences: dict[int, list[dict]] = defaultdict(list)
    with gzip.open(folder / "sents.jsonl.gz", "rt", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record["doc_id"] in wanted:
                sentences[record["doc_id"]].append(record)
    return [_document(d, sorted(sentences[d["doc_id"]], key=lambda s: s["sent_id"])) for d in docs]


def _document(doc: dict, sentences: list[dict]) -> Document:
    """Sentences located in the document text in order (they are verbatim slices)."""
    text, spans, cursor = doc["doc_text"], [], 0
    for sentence in sentences:
        start = text.find(sentence["sent_text"], cursor)
        if start < 0:
            raise ValueError(f"document {doc['doc_id']}: sentence {sentence['sent_id']} not found")
        cursor = start + len(sentence["sent_text"])
        spans.append((start, cursor, frozenset(sentence["sent_labels"])))
    return Document(doc["doc_id"], text, frozenset(doc["doc_labels"]), tuple(spans))


def keyword_lemmas() -> dict[str, frozenset[str]]:
    """Kind -> its words in ``count_words.v1.jsonl`` (the baseline's lexicon)."""
    from importlib import resources

    words: dict[str, frozenset[str]] = {}
    data = resources.files("newsgraph.data").joinpath("count_words.v1.jsonl").read_text("utf-8")
    for line in data.splitlines():
        if line.strip():
            entry = json.loads(line)
            if entry["kind"] in KINDS:
                lists = [v for k, v in entry.items() if isinstance(v, list)]
                words[entry["kind"]] = frozenset(w for group in lists for w in group)
    return words


def _found(doc: Doc, lexicon: dict[str, frozenset[str]]) -> dict[str, dict[str, list[int]]]:
    """System -> kind -> character offsets where the kind was found."""
    ours = {
        kind: [doc[c.start].idx for c in doc._.counts or () if c.kind == kind] for kind in KINDS
    }
    theirs = {
        kind: [t.idx for t in doc if t.lemma_.lower() in lexicon[kind] or t.lower_ in lexicon[kind]]
        for kind in KINDS
    }
    return {"newsgraph": ours, "baseline": theirs}


def _within(offsets: list[int], start: int, end: int) -> bool:
    return any(start <= offset < end for offset in offsets)


def run_counts(nlp: Language, root: Path, limits: dict[str, int | None]) -> StageResult:
    """The counts stage over the first ``limits["india"]`` documents."""
    result = StageResult("counts", "KILL and ARREST counts as police-event labels", BASELINE)
    documents = load_documents(root, limits.get("india"))
    lexicon = keyword_lemmas()
    docs = nlp.pipe(make_doc(nlp, d.text, published=None) for d in documents)
    tables = {
        (system, level, kind): PRF()
        for system in ("newsgraph", "baseline")
        for level in ("sentence", "document")
        for kind in KINDS
    }
    n_sentences = 0
    for document, doc in zip(documents, docs, strict=True):
        found = _found(doc, lexicon)
        n_sentences += len(document.sentences)
        for system, by_kind in found.items():
            for kind, offsets in by_kind.items():
                _tally(tables[system, "document", kind], kind in document.labels, bool(offsets))
                for index, (start, end, labels) in enumerate(document.sentences):
                    hit = _within(offsets, start, end)
                    wanted = kind in labels
                    _tally(tables[system, "sentence", kind], wanted, hit)
                    if system == "newsgraph" and wanted != hit:
                        result.misses.append(
                            Miss(
                                "india",
                                f"{document.doc_id}/{index}",
                                document.text[start:end],
                                sorted(labels),
                                kind if hit else None,
                                "false_alarm" if hit else "miss",
                            )
                        )
    result.notes.append(f"{len(documents)} documents, {n_sentences} sentences")
    for level in ("sentence", "document"):
        for kind in KINDS:
            ours, theirs = tables["newsgraph", level, kind], tables["baseline", level, kind]
            result.add_prf(f"india.{level}_{kind.lower()}", f"{kind} by {level}", ours, theirs)
    result.notes.append(
        "IndiaPoliceEvents labels police actions only; counts of anyone's killings or "
        "arrests are predictions, so precision is a lower bound (a proxy, not a count gold)"
    )
    return result


def _tally(prf: PRF, wanted: bool, hit: bool) -> None:
    prf.tp += wanted and hit
    prf.fp += hit and not wanted
    prf.fn += wanted and not hit
