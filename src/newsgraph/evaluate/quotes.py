"""Quotes scored against gold: newsgraph's ``newsgraph_quotes`` component and, as the
baseline, textacy's ``direct_quotations``, both read off the same spaCy docs.

1. Quotes. A :class:`Quote` is a set of character fragments of one text (a quote may
   be discontinuous, as PolNeAR's are), a kind (direct, partial or indirect) and,
   optionally, a speaker: the actor it resolves to (a name with aliases), the phrase
   naming it as written, and that phrase's offsets.
2. Spans. Only *significant* characters count: those inside the fragments that are
   neither whitespace nor quotation marks, so marks kept or stripped and line breaks
   inside a quote do not matter. A predicted quote matches a gold quote when they share
   at least ``threshold`` (0.8) of the larger one's significant characters. Pairs are
   made one to one, best overlap first; precision = matched / predicted, recall =
   matched / gold.
3. Speakers. A matched pair has the right speaker when the gold has none (an
   anonymous source) and the prediction resolves to no actor; or when the predicted
   speaker phrase overlaps the gold one; or when the last word of the gold speaker
   (its surname, or an organisation's last word; "Egypt and Qatar" gives both) is a
   word of the predicted actor's name or aliases (of the predicted phrase when no actor
   was resolved, as for textacy). Speaker and span = the pair matches and the speaker
   is right.
4. Kinds. ``score(..., kinds={"direct"})`` scores only quotes of those kinds on both
   sides, so direct and indirect are measured separately.

Adapters turn a processed ``Doc`` into quotes (:func:`newsgraph_quotes`,
:func:`textacy_quotes`); :func:`load_corpus_gold` reads the gold of the sample corpus
(``tests/data/quotes_expected.jsonl``).
"""

from __future__ import annotations

import json
import logging
import unicodedata
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from newsgraph.evaluate.prf import harmonic

log = logging.getLogger(__name__)

QUOTE_CHARS = frozenset("\"'`“”„‟«»‘’‚‛‹›")
THRESHOLD = 0.8
MENTION_WINDOW = 1000  # characters around a gold quote searched for its speaker mention
KINDS = ("direct", "partial", "indirect")

Fragments = tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class Quote:
    """One quote in one text. ``chars`` are its significant character offsets (see the
    module docstring). ``speaker`` is the resolved actor's name (gold: the speaker's
    canonical name; PolNeAR: the source text), ``speaker_text`` the phrase naming the
    speaker as written and ``speaker_chars`` that phrase's significant offsets."""

    fragments: Fragments
    kind: str
    chars: frozenset[int]
    speaker: str | None = None
    speaker_aliases: tuple[str, ...] = ()
    speaker_text: str | None = None
    speaker_chars: frozenset[int] = frozenset()


def significant(text: str, fragments: Fragments) -> frozenset[int]:
    """Offsets inside ``fragments`` of characters other than whitespace and marks."""
    return frozenset(
        i
        for start, end in fragments
        for i in range(start, end)
        if not text[i].isspace() and text[i] not in QUOTE_CHARS
    )


def make_quote(
    text: str,
    fragments: Fragments,
    *,
    kind: str,
    speaker: str | None = None,
    speaker_aliases: Iterable[str] = (),
    speaker_text: str | None = None,
    speaker_fragments: Fragments = (),
) -> Quote:
    return Quote(
        fragments=tuple(fragments),
        kind=kind,
        chars=significant(text, fragments),
        speaker=speaker,
        speaker_aliases=tuple(speaker_aliases),
        speaker_text=speaker_text,
        speaker_chars=significant(text, speaker_fragments),
    )


def overlap(a: frozenset[int], b: frozenset[int]) -> float:
    """Shared characters as a share of the larger set (0.0 when either is empty)."""
    if not a or not b:
        return 0.0
    return len(a & b) / max(len(a), len(b))


def match(
    predicted: Sequence[Quote], gold: Sequence[Quote], *, threshold: float = THRESHOLD
) -> list[tuple[int, int]]:
    """One-to-one (predicted index, gold index) pairs, best overlap first."""
    candidates = sorted(
        (
            (ratio, p, g)
            for p, pred in enumerate(predicted)
            for g, truth in enumerate(gold)
            if (ratio := overlap(pred.chars, truth.chars)) >= threshold
        ),
        key=lambda c: (-c[0], c[1], c[2]),
    )
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for _, p, g in candidates:
        if p not in used_p and g not in used_g:
            used_p.add(p)
            used_g.add(g)
            pairs.append((p, g))
    return pairs


# -- speakers --------------------------------------------------------------------------


def _fold(word: str) -> str:
    """Casefolded, without accents, possessive or surrounding punctuation."""
    plain = unicodedata.normalize("NFKD", word.casefold())
    plain = "".join(c for c in plain if not unicodedata.combining(c)).replace("’", "'")
    plain = plain.removesuffix("'s")
    return plain.strip(".,;:!?()[]\"'“”«»")


def _words(names: Iterable[str]) -> set[str]:
    return {_fold(w) for name in names for w in name.split()} - {""}


def _last_words(speaker: str) -> set[str]:
    """The last word of each name in ``speaker`` ("Egypt and Qatar" -> egypt, qatar)."""
    parts = speaker.replace(" & ", " and ").split(" and ")
    return {_fold(part.split()[-1]) for part in parts if part.split()} - {""}


def speaker_agrees(predicted: Quote, gold: Quote) -> bool:
    """Whether ``predicted`` names the speaker of ``gold`` (rules in the docstring)."""
    if gold.speaker is None and not gold.speaker_chars:
        return predicted.speaker is None
    if predicted.speaker_chars & gold.speaker_chars:
        return True
    if gold.speaker is None:
        return False
    if predicted.speaker is not None:
        names = [predicted.speaker, *predicted.speaker_aliases]
    else:
        names = [predicted.speaker_text or ""]
    return bool(_last_words(gold.speaker) & _words(names))


# -- scores ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PRF:
    """Precision, recall and F1 from counts (each 0.0 when undefined)."""

    matched: int
    predicted: int
    gold: int

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        return harmonic(self.precision, self.recall)


@dataclass(frozen=True, slots=True)
class Scores:
    spans: PRF
    speaker_spans: PRF
    # right speakers among matched pairs; None when nothing matched
    speaker_accuracy: float | None


def _of_kinds(quotes: Sequence[Quote], kinds: Collection[str] | None) -> list[Quote]:
    return [q for q in quotes if kinds is None or q.kind in kinds]


def score(
    predictions: Sequence[Sequence[Quote]],
    gold: Sequence[Sequence[Quote]],
    *,
    kinds: Collection[str] | None = None,
    threshold: float = THRESHOLD,
) -> Scores:
    """Span and speaker-and-span scores over documents; ``predictions[i]`` and
    ``gold[i]`` are the quotes of document ``i``. ``kinds`` keeps only quotes of those
    kinds on both sides (None: all)."""
    if len(predictions) != len(gold):
        raise ValueError(
            f"{len(predictions)} predicted documents but {len(gold)} gold documents: "
            "pass one list of quotes per document, in the same order"
        )
    n_pred = n_gold = matched = right = 0
    for doc_pred, doc_gold in zip(predictions, gold, strict=True):
        ours, truth = _of_kinds(doc_pred, kinds), _of_kinds(doc_gold, kinds)
        n_pred += len(ours)
        n_gold += len(truth)
        for p, g in match(ours, truth, threshold=threshold):
            matched += 1
            right += speaker_agrees(ours[p], truth[g])
    return Scores(
        spans=PRF(matched, n_pred, n_gold),
        speaker_spans=PRF(right, n_pred, n_gold),
        speaker_accuracy=right / matched if matched else None,
    )


# -- adapters: a processed Doc -> quotes -----------------------------------------------


def _is_word_at(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not before.isalnum() and not after.isalnum()


def nearest_occurrence(
    text: str,
    needle: str,
    anchor: int,
    *,
    window: int = 400,
    outside: tuple[int, int] = (0, 0),
) -> tuple[int, int] | None:
    """The whole-word occurrence of ``needle`` nearest ``anchor`` within ``window``
    characters and not inside ``outside`` (the quote itself), or None when there is
    none (a phrase the component rewrote)."""
    if not needle:
        return None
    lo, hi = max(0, anchor - window - len(needle)), anchor + window + len(needle)
    best = None
    start = text.find(needle, lo, hi)
    while start != -1:
        end = start + len(needle)
        inside = start < outside[1] and outside[0] < end
        if _is_word_at(text, start, end) and not inside:
            distance = min(abs(start - anchor), abs(end - anchor))
            if best is None or distance < best[0]:
                best = (distance, start, end)
        start = text.find(needle, start + 1, hi)
    return None if best is None else (best[1], best[2])


def _speaker_fragments(doc: Doc, span: Span) -> Fragments:
    cue = span._.cue_span
    anchor = cue.start_char if cue is not None else span.start_char
    outside = (span.start_char, span.end_char)
    found = nearest_occurrence(doc.text, span._.speaker_text or "", anchor, outside=outside)
    return (found,) if found else ()


def newsgraph_quotes(doc: Doc) -> list[Quote]:
    """The quotes ``newsgraph_quotes`` put in ``doc.spans["quotes"]``."""
    actors = doc._.actors or {}
    quotes = []
    for span in doc.spans.get("quotes", []):
        actor = actors.get(span._.speaker) if span._.speaker else None
        quotes.append(
            make_quote(
                doc.text,
                ((span.start_char, span.end_char),),
                kind=span._.quote_kind,
                speaker=actor.name if actor else None,
                speaker_aliases=sorted(actor.aliases) if actor else (),
                speaker_text=span._.speaker_text,
                speaker_fragments=_speaker_fragments(doc, span),
            )
        )
    return quotes


def _paragraphs(doc: Doc) -> list[Span]:
    """Token spans between line-break tokens."""
    spans, start = [], 0
    for token in doc:
        if token.is_space and "\n" in token.text:
            if token.i > start:
                spans.append(doc[start : token.i])
            start = token.i + 1
    if start < len(doc):
        spans.append(doc[start:])
    return spans


def _balanced(tokens: Iterable) -> bool:
    """textacy's own precondition: an even number of quotation-mark tokens."""
    return sum(token.is_quote for token in tokens) % 2 == 0


def textacy_quotes(doc: Doc) -> tuple[list[Quote], int]:
    """textacy's direct quotations in ``doc``, marks stripped, with the speaker tokens.

    textacy gives up on a whole document whose quotation marks do not pair up (one
    apostrophe token is enough); to keep the baseline fair it is then run on each
    paragraph with paired marks (the same parse, via ``Span.as_doc``). Returns the
    quotes and the number of paragraphs textacy could not read."""
    if _balanced(doc):
        return _textacy_on(doc, offset=0), 0
    quotes, skipped = [], 0
    for paragraph in _paragraphs(doc):
        if _balanced(paragraph):
            part = _textacy_on(paragraph.as_doc(), offset=paragraph.start_char, text=doc.text)
            quotes.extend(part)
        else:
            skipped += 1
    return quotes, skipped


def _textacy_on(doc: Doc, *, offset: int, text: str | None = None) -> list[Quote]:
    from textacy.extract.triples import direct_quotations  # dev dependency

    full = doc.text if text is None else text
    quotes = []
    for triple in direct_quotations(doc):
        inner = triple.content[1:-1]
        fragments = ((offset + inner.start_char, offset + inner.end_char),)
        speaker = tuple((offset + t.idx, offset + t.idx + len(t.text)) for t in triple.speaker)
        quotes.append(
            make_quote(
                full,
                fragments,
                kind="direct",
                speaker_text=" ".join(t.text for t in triple.speaker),
                speaker_fragments=speaker,
            )
        )
    return quotes


# -- the sample corpus gold ------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class GoldArticle:
    """One annotated article of the sample corpus: its body as stored for an HTML page
    (paragraphs joined by blank lines), its gold quotes and the spans (scare quotes,
    titles) that must never be extracted."""

    name: str
    text: str
    published: str | None
    quotes: tuple[Quote, ...]
    not_quotes: tuple[Quote, ...]


def corpus_body(article: dict) -> str:
    return "\n\n".join(article["paragraphs"])


def locate(text: str, needle: str, *, article: str) -> tuple[int, int]:
    """The only occurrence of ``needle`` in ``text``."""
    start = text.find(needle)
    if start == -1 or text.find(needle, start + 1) != -1:
        count = text.count(needle)
        raise ValueError(
            f"{article}: gold text {needle[:60]!r} occurs {count} times in the body; "
            "it must occur exactly once (quote more of it)"
        )
    return start, start + len(needle)


def _all_occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    found, start = [], text.find(needle)
    while start != -1:
        found.append((start, start + len(needle)))
        start = text.find(needle, start + 1)
    return found


def _gold_mention(text: str, line: dict, where: tuple[int, int], *, name: str) -> Fragments:
    """The occurrence of the line's ``speaker_mention`` nearest its quote; for a reported
    sentence with its cue inside ("If X, officials said, Y"), the one inside it."""
    found = nearest_occurrence(
        text, line["speaker_mention"], where[0], window=MENTION_WINDOW, outside=where
    )
    if found is None and line["speaker_mention"] in text[where[0] : where[1]]:
        start = text.index(line["speaker_mention"], where[0])
        found = (start, start + len(line["speaker_mention"]))
    if found is None:
        raise ValueError(
            f"{name}: speaker_mention {line['speaker_mention']!r} not found within "
            f"{MENTION_WINDOW} characters of {line['quote'][:40]!r}; give its exact text"
        )
    return (found,)


def _gold_article(name: str, source: dict, lines: list[dict], *, mentions: bool) -> GoldArticle:
    text = corpus_body(source)
    quotes, not_quotes = [], []
    for line in lines:
        if "not_quote" in line:
            for where in _all_occurrences(text, line["not_quote"]):
                not_quotes.append(make_quote(text, (where,), kind="not_quote"))
            continue
        if line["kind"] not in KINDS:
            raise ValueError(f"{name}: kind {line['kind']!r} is not one of {KINDS}")
        where = locate(text, line["quote"], article=name)
        mention = _gold_mention(text, line, where, name=name) if mentions else ()
        quote = make_quote(
            text,
            (where,),
            kind=line["kind"],
            speaker=line["speaker"],
            speaker_text=line["speaker_mention"],
            speaker_fragments=mention,
        )
        quotes.append(quote)
    return GoldArticle(name, text, source.get("published"), tuple(quotes), tuple(not_quotes))


def load_corpus_gold(
    path: Path, articles_dir: Path, *, mentions: bool = False
) -> list[GoldArticle]:
    """The gold of ``path`` (JSON lines, see ``tests/data/quotes_expected.jsonl``) over
    the articles in ``articles_dir`` (``<name>.json``), in order of first appearance.

    By default a gold speaker is judged by name only (the evaluation gate's rule);
    with ``mentions`` the speaker mention's offsets are located too (the occurrence
    nearest the quote), so a prediction pointing at that mention also counts, as on
    PolNeAR."""
    by_article: dict[str, list[dict]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            by_article.setdefault(record["article"], []).append(record)
    articles = []
    for name, lines in by_article.items():
        source = json.loads((articles_dir / f"{name}.json").read_text(encoding="utf-8"))
        articles.append(_gold_article(name, source, lines, mentions=mentions))
    return articles


def quote_pipeline() -> Language:
    """The annotator pipeline with ``newsgraph_quotes``: :func:`annotator_pipeline`
    when it already has the component, else the same components plus it (built anew,
    so the shared pipeline is never changed)."""
    from newsgraph import nlp as nlp_module

    pipeline = nlp_module.annotator_pipeline()
    if "newsgraph_quotes" in pipeline.pipe_names:
        return pipeline
    import newsgraph.annotate.quotes  # noqa: F401  (registers the factory)

    log.info("newsgraph_quotes is not in COMPONENTS yet; adding it to a fresh pipeline")
    return nlp_module.get_nlp((*nlp_module.COMPONENTS, "newsgraph_quotes"))
