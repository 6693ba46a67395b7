"""The ``newsgraph_quotes`` component: quotations, their kind and their speaker.

Runs after the actors, people, dates and places components and writes
``doc.spans["quotes"]``: each span is the quoted content without its marks, with
``Span._.quote_kind``, ``Span._.speaker`` (an actor key or None), ``Span._.speaker_text``,
``Span._.cue``, ``Span._.cue_span``, ``Span._.addressee`` and ``Span._.addressee_actor``.

1. Marked passages (:mod:`.quote_marks`): every pair of quotation marks, per paragraph;
   a quote running over paragraph breaks is one span. Headline-like paragraphs are
   skipped.
2. Not quotations: titles of works and quoted terms (a naming word just before: "a
   report titled", "the song", "references to"; or a Title Case phrase inside a
   sentence), nicknames (a short passage between two parts of a name), anything after
   "so-called", one quoted word inside a noun phrase ("a coast guard-led “quarantine”")
   and scare quotes: an embedded phrase of at most ``scare_max_words`` words with no
   cue above it in the parse.
3. Kind. ``direct`` when the passage stands as a sentence of its own: it opens its
   sentence or paragraph, or follows a colon, a cue ("said “We ...”"), or a comma
   after a cue or before a capital ("..., he said, “and ...”"). Otherwise ``partial``:
   words embedded in reported speech ("doubted that it would bring any “lasting
   change”").
4. Speaker (:mod:`.attribution`). A direct quote takes the cue that follows it in its
   sentence (“...,” said Okafor / “...,” Okafor said / “...?” asked Dr X), else the cue
   before it (Okafor told Reuters: “...”), the one before first after a colon; else a
   name after a dash (“...” ― Sonya Herridge) or the subject of the clause a colon ends
   ("X made the following comment: “...”"). A partial quote takes the first cue above
   it in the parse that has a speaker, else a cue in its sentence; a long one with no
   cue, the subject of the verb above it. A pronoun no component linked takes the
   latest named speaker of its paragraph or the one before.
5. Context. A direct quote with no attribution of its own takes the speaker of the
   latest attribution before it in its paragraph: so “A,” she said. “B.” gives TWO
   quotes with the same speaker, B without a cue (each marked stretch is one quote).
   A quote that opens its paragraph takes the latest attribution of the previous
   paragraph, else that paragraph's last subject when it is a person or a name (any
   subject when the paragraph ends with a colon): the conversational convention.
6. Indirect quotes, when ``indirect`` is on (:mod:`.reported`): the clause reported by
   a speech cue or attributed by "according to X", never overlapping a marked quote.
   Cognition cues (believes, doubts) give indirect quotes only with ``cognition`` on;
   they always attribute marked quotes.

Spans are sorted and never overlap; marked quotes win over indirect ones.
"""

from __future__ import annotations

import bisect
import logging
from dataclasses import dataclass, replace

from spacy.attrs import IDX
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from newsgraph.annotate.attribution import (
    Attribution,
    Mentions,
    attribution_of,
    is_loose_pronoun,
    phrase_root,
    speaker_head,
    speaker_of,
    through_space,
)
from newsgraph.annotate.quote_marks import Passage, find_passages, is_headline, paragraphs
from newsgraph.annotate.reported import Lexicon, lexicon, reported_clauses
from newsgraph.annotate.types import doc_text, register_extensions

log = logging.getLogger(__name__)

SPAN_GROUP = "quotes"
SPAN_LABEL = "QUOTE"
FRAME_MAX_TOKENS = 60
STOPS = frozenset({".", "?", "!"})
DASHES = frozenset({"―", "—", "–", "-", "--"})
DASH_CHARS = "―—–-"
REPORTING = frozenset({"speech", "cognition", "phrase"})  # cue kinds beyond a frame
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "nummod"})
# Words before a passage that make it a title or a term, not anyone's words: a report
# titled “...”, the song “...”, references to “...”.
NAMING_WORDS = frozenset(
    {"report", "study", "book", "song", "film", "movie", "album", "documentary", "novel",
     "poem", "podcast", "essay", "memoir", "exhibition", "opera", "painting", "anthem",
     "titled", "entitled", "dubbed", "nicknamed", "headlined", "codenamed", "code-named",
     "slogan", "hashtag", "motto", "chant", "chants", "chanting", "banner", "banners",
     "placard", "placards", "word", "term", "terms", "phrase", "expression", "wording",
     "label", "reference", "references", "headline", "brand", "sang"}
)  # fmt: skip
FUNCTION_WORDS = frozenset(
    {"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with", "by",
     "from", "over", "under", "is", "as", "but", "nor", "de", "la", "le", "du", "des"}
)  # fmt: skip


@Language.factory(
    "newsgraph_quotes",
    requires=["doc.sents", "token.dep", "token.lemma", "doc.spans"],
    assigns=[
        "doc.spans",
        "span._.quote_kind",
        "span._.speaker",
        "span._.speaker_text",
        "span._.cue",
        "span._.cue_span",
        "span._.addressee",
        "span._.addressee_actor",
    ],
    default_config={"indirect": True, "cognition": False, "scare_max_words": 4},
)
def make_quotes(
    nlp: Language, name: str, *, indirect: bool, cognition: bool, scare_max_words: int
) -> Quotes:
    """The quotes component. ``indirect``: also mark reported speech without quotation
    marks; ``cognition``: let belief verbs (think, doubt) report indirect quotes;
    ``scare_max_words``: the longest embedded phrase read as a scare quote when no cue
    is near."""
    register_extensions()
    return Quotes(indirect=indirect, cognition=cognition, scare_max_words=scare_max_words)


class Quotes:
    """``Doc -> Doc``: quotations and their speakers (see module doc)."""

    def __init__(
        self, *, indirect: bool = True, cognition: bool = False, scare_max_words: int = 4
    ) -> None:
        self.indirect = indirect
        self.cognition = cognition
        self.scare_max_words = scare_max_words
        self.lexicon = lexicon()

    def __call__(self, doc: Doc) -> Doc:
        reader = _Reader(doc, self)
        found = reader.marked()
        if self.indirect:
            found.extend(reader.indirect(found))
        doc.spans[SPAN_GROUP] = _written(doc, found)
        log.debug("%d quotes", len(found))
        return doc


@dataclass(frozen=True, slots=True)
class _Found:
    """A quote before it is written: its content, kind and attribution."""

    start: int
    end: int
    kind: str
    attribution: Attribution | None = None
    speaker: Span | None = None  # an inherited speaker (no cue of its own)
    actor: str | None = None


@dataclass(frozen=True, slots=True)
class _Event:
    """An attribution in the text, for quotes that have none of their own."""

    position: int
    speaker: Span
    actor: str | None


@dataclass(frozen=True, slots=True)
class _Marked:
    """A passage in token terms: its content span and the tokens of its marks."""

    passage: Passage
    span: Span
    open: int  # the token of the opening mark
    close: int  # the token of the closing mark (or the content's last token)


class _Reader:
    """One document's quotes."""

    def __init__(self, doc: Doc, options: Quotes) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        self.options = options
        self.lexicon: Lexicon = options.lexicon
        self.mentions = Mentions(doc)
        self.starts = doc.to_array(IDX).tolist() if len(doc) else []
        paras = paragraphs(self.text)
        self.para_starts = [p.start for p in paras]
        self.headline = [is_headline(self.text, p) for p in paras]
        self.passages = [m for m in map(self._in_tokens, find_passages(self.text)) if m]
        self.inside = bytearray(len(doc))
        # Pure functions of a token once ``inside`` is set, asked again and again
        # (events, frames, indirect quotes): computed once per token.
        self._kinds: dict[int, str | None] = {}
        self._heads: dict[int, Token | None] = {}
        self._speakers: dict[int, tuple[Span, str | None]] = {}
        self._attributions: dict[int, Attribution] = {}
        for m in self.passages:
            self.inside[m.open : m.close + 1] = b"\x01" * (m.close + 1 - m.open)
        self.cues = [
            doc[i]
            for i in self.lexicon.candidates(doc)
            if not self.inside[i] and self._cue_kind(doc[i]) in REPORTING
        ]
        self.events = self._events()

    # -- token helpers

    def _token_at(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.starts, char) - 1)

    def _paragraph(self, token: int) -> int:
        return bisect.bisect_right(self.para_starts, self.doc[token].idx) - 1

    def _in_tokens(self, passage: Passage) -> _Marked | None:
        span = self.doc.char_span(passage.start, passage.end, alignment_mode="contract")
        if span is None or len(span) == 0:
            return None
        open_tok = self._token_at(passage.open)
        closed = passage.close < len(self.text) and passage.close >= passage.end
        close_tok = self._token_at(passage.close) if closed else span.end - 1
        return _Marked(passage, span, min(open_tok, span.start), max(close_tok, span.end - 1))

    def _cue_kind(self, token: Token) -> str | None:
        i = token.i
        if i not in self._kinds:
            self._kinds[i] = self.lexicon.kind(token)
        return self._kinds[i]

    def _speaker_head(self, token: Token) -> Token | None:
        i = token.i
        if i not in self._heads:
            self._heads[i] = speaker_head(token, quoted=self.inside)
        return self._heads[i]

    def _speaker_of(self, head: Token) -> tuple[Span, str | None]:
        found = self._speakers.get(head.i)
        if found is None:
            found = self._speakers[head.i] = speaker_of(head, self.mentions)
        return found

    def _is_break(self, token: Token) -> bool:
        return token.is_space and "\n" in token.text

    # -- 1-4: marked quotes

    def marked(self) -> list[_Found]:
        found: list[_Found] = []
        for marked in self.passages:
            if self.headline[marked.passage.paragraph]:
                continue
            quote = self._read(marked)
            if quote is not None:
                found.append(quote)
                self._remember(quote, marked)
        return found

    def _read(self, marked: _Marked) -> _Found | None:
        pre, post = self._pre_frame(marked), self._post_frame(marked)
        if self._not_a_quote(marked, pre):
            return None
        span = marked.span
        if self._is_direct(marked, pre, post):
            cue = self._frame_cue(pre, post)
            if cue is not None:
                return _Found(span.start, span.end, "direct", self._attribute(cue))
            introduced = self._dash_attribution(marked, post) or self._colon_attribution(pre)
            if introduced is not None:
                return _Found(span.start, span.end, "direct", introduced)
            return self._in_context(marked)
        if self._scare_shaped(span):
            return None
        cue = self._cue_above(span) or self._frame_cue(pre, post)
        if cue is not None:
            return _Found(span.start, span.end, "partial", self._attribute(cue))
        return None if self._short(span) else self._unattributed_partial(span)

    def _attribute(self, cue: Token) -> Attribution:
        """The cue's attribution; a pronoun no component linked takes the speaker of
        the latest attribution before it, in its paragraph or the one before
        (“...,” he told the Harbour Times, after "a spokesman for the group denied"):
        its actor, the pronoun staying the phrase naming the speaker, or when that
        speaker is no actor its words."""
        found = self._attributions.get(cue.i)
        if found is None:
            head = self._speaker_head(cue)
            speaker = (None, None) if head is None else self._speaker_of(head)
            found = self._attributions[cue.i] = attribution_of(cue, speaker, self.mentions)
        head = found.speaker.root if found.speaker is not None else None
        if head is None or not is_loose_pronoun(head, self.mentions):
            return found
        event = self._latest_event(cue.i, named=True)
        if event is None or not self._near(event.position, cue.i):
            return found
        if event.actor is not None:  # the actor is known: the pronoun stays the phrase
            return replace(found, actor=event.actor)
        return replace(found, speaker=event.speaker, actor=event.actor)

    def _unattributed_partial(self, span: Span) -> _Found:
        """A long embedded passage with no cue: the subject of the verb above it
        speaks ("thanked “our partners in Doha and Cairo”")."""
        verb = span.root.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        head = self._speaker_head(verb)
        if head is None:
            return _Found(span.start, span.end, "partial")
        speaker, actor = self._speaker_of(head)
        return _Found(span.start, span.end, "partial", speaker=speaker, actor=actor)

    def _scare_shaped(self, span: Span) -> bool:
        """One quoted word inside a noun phrase whose other words are outside the
        marks (a coast guard-led “quarantine”, the “truce”), or a short one that only
        modifies a noun outside them (a “2+2” dialogue, “shadow fleet” tankers)."""
        root = span.root
        if root.dep_ in MODIFIER_DEPS and root.head.pos_ in ("NOUN", "PROPN") and self._short(span):
            return not span.start <= root.head.i < span.end
        words = [t for t in span if not t.is_punct]
        if len(words) != 1:
            return False
        word = words[0]
        return any(
            c.dep_ in ("det", "amod", "compound", "poss", "nummod")
            and not span.start <= c.i < span.end
            for c in word.children
        )

    def _short(self, span: Span) -> bool:
        words = sum(1 for t in span if not t.is_punct)
        return words <= self.options.scare_max_words

    # -- 2: not quotations

    def _not_a_quote(self, marked: _Marked, pre: list[Token]) -> bool:
        """A title, a term, a nickname or a so-called word (module doc, 2)."""
        span = marked.span
        before = [t.lower_ for t in pre[-4:] if not t.is_punct]
        if before[-1:] == ["so-called"] or before[-2:] == ["so", "called"]:
            return True
        if any(word in NAMING_WORDS for word in before):
            return self._short(span) or _title_case(span) or not _sentence_like(span)
        if _title_case(span) and pre:
            return True
        return self._nickname(marked)

    def _nickname(self, marked: _Marked) -> bool:
        """Ahmed “the Butcher” Hassan: a short passage between two parts of a name."""
        doc, span = self.doc, marked.span
        if marked.open == 0 or marked.close + 1 >= len(doc) or not self._short(span):
            return False
        before, after = doc[marked.open - 1], doc[marked.close + 1]
        if any(t.is_punct for t in span) or before.text[-1] in STOPS:
            return False
        return before.pos_ == "PROPN" and after.pos_ == "PROPN"

    # -- 3: direct or partial

    def _is_direct(self, marked: _Marked, pre: list[Token], post: list[Token]) -> bool:
        span = marked.span
        first = span[0]
        capital = first.is_title or first.is_upper or not first.is_alpha
        if not pre:
            if self._short(span) and span[-1].text not in STOPS and not self._has_cue(post):
                return False  # “Quarantine” is the word Beijing uses
            return True
        last = pre[-1]
        if last.text == ":":
            return True
        if last.text == ",":
            return capital or self._has_cue(pre)
        if capital and (self._cue_kind(last) or last.head.i < last.i and self._cue_kind(last.head)):
            return True  # said “We ...”, told reporters “We ...”
        return False

    def _has_cue(self, tokens: list[Token]) -> bool:
        return any(self._cue_kind(t) for t in tokens)

    # -- frames: the words around a passage within its sentence

    def _pre_frame(self, marked: _Marked) -> list[Token]:
        doc, tokens = self.doc, []
        i = marked.open - 1
        while i >= 0 and len(tokens) < FRAME_MAX_TOKENS:
            token = doc[i]
            if self.inside[i] or self._is_break(token) or self._ends_sentence(token):
                break
            tokens.append(token)
            i -= 1
        tokens.reverse()
        return [t for t in tokens if not t.is_space]

    def _ends_sentence(self, token: Token) -> bool:
        """A stop, or a word ending with one before a new sentence ("in May.")."""
        if token.text in STOPS:
            return True
        following = token.i + 1 < len(self.doc) and self.doc[token.i + 1].is_sent_start
        return token.text[-1] in STOPS and bool(following)

    def _post_frame(self, marked: _Marked) -> list[Token]:
        doc, tokens = self.doc, []
        i = marked.close + 1
        while i < len(doc) and len(tokens) < FRAME_MAX_TOKENS:
            token = doc[i]
            if self.inside[i] or self._is_break(token):
                break
            tokens.append(token)
            if token.text in STOPS:
                break
            i += 1
        tokens = [t for t in tokens if not t.is_space]
        ended = marked.span[-1].text == "." and not self._glued_dash(marked)
        if tokens and ended and not tokens[0].is_lower and tokens[0].text not in DASHES:
            return []  # the quote ended its sentence; a new one begins
        return tokens

    def _glued_dash(self, marked: _Marked) -> bool:
        """The closing mark's token ends with a dash (“...”― Name)."""
        close = self.doc[marked.close].text
        return len(close) > 1 and close[-1] in DASH_CHARS

    def _frame_cue(self, pre: list[Token], post: list[Token]) -> Token | None:
        """The cue after the passage in its sentence, else the last one before it;
        the one before first when a colon introduces the passage."""
        after = next((t for t in post if self._cue_kind(t)), None)
        before = next((t for t in reversed(pre) if self._cue_kind(t)), None)
        if before is not None and pre[-1].text == ":":
            return before
        return after or before

    def _colon_attribution(self, pre: list[Token]) -> Attribution | None:
        """ "Obama is rolling out a new message: “It's about me.”": the subject of the
        clause a colon ends introduces the quote."""
        if not pre or pre[-1].text != ":":
            return None
        first = pre[0].i
        for token in pre:
            if token.dep_ in ("nsubj", "nsubjpass") and first <= token.head.i < pre[-1].i:
                speaker, actor = speaker_of(token, self.mentions)
                return Attribution(None, speaker, actor, None, None)
        return None

    def _dash_attribution(self, marked: _Marked, post: list[Token]) -> Attribution | None:
        """ "“...” ― Sonya Herridge": a name after a dash that follows the quote (the
        tokenizer may glue the dash to the mark: “...”― Pamela Padilla)."""
        if self._glued_dash(marked):
            post = [self.doc[marked.close], *post]
        if len(post) < 2 or post[0].text[-1] not in DASH_CHARS:
            return None
        head = next((t for t in post[1:4] if t.pos_ == "PROPN"), None)
        if head is None:
            return None
        speaker, actor = speaker_of(phrase_root(head), self.mentions)
        return Attribution(None, speaker, actor, None, None)

    def _cue_above(self, span: Span) -> Token | None:
        """The first cue with a speaker on the way up the parse from the passage."""
        token = span.root
        for _ in range(12):
            outside = not (span.start <= token.i < span.end)
            if outside and self._cue_kind(token) in REPORTING and self._has_speaker(token):
                return token
            according = _according_child(token)
            if according is not None:
                return according
            if token.head.i == token.i:
                return None
            token = token.head
        return None

    def _has_speaker(self, cue: Token) -> bool:
        return self._speaker_head(cue) is not None

    # -- 4: context

    def _events(self) -> list[_Event]:
        """Every cue outside quotation marks whose speaker is known, in text order; a
        pronoun no component linked takes the latest named speaker before it."""
        self.events = []
        for cue in self.cues:
            head = self._speaker_head(cue)
            if head is None:
                continue
            speaker, actor = self._speaker_of(head)
            if is_loose_pronoun(speaker.root, self.mentions):
                earlier = self._latest_event(cue.i, named=True)
                if earlier is not None and self._near(earlier.position, cue.i):
                    speaker, actor = earlier.speaker, earlier.actor
            self.events.append(_Event(cue.i, speaker, actor))
        return self.events

    def _near(self, earlier: int, later: int) -> bool:
        """In the same paragraph or the one before."""
        return self._paragraph(later) - self._paragraph(earlier) <= 1

    def _remember(self, quote: _Found, marked: _Marked) -> None:
        speaker, actor = quote.speaker, quote.actor
        if quote.attribution is not None:
            speaker, actor = quote.attribution.speaker, quote.attribution.actor
        if speaker is not None:
            event = _Event(marked.close, speaker, actor)
            bisect.insort(self.events, event, key=lambda e: e.position)

    def _in_context(self, marked: _Marked) -> _Found:
        """A direct quote with no cue of its own (module doc, 4)."""
        span = marked.span
        paragraph = self._paragraph(marked.open)
        event = self._latest_event(marked.open)
        found = None
        if event is not None and self._paragraph(event.position) == paragraph:
            found = event.speaker, event.actor
        elif self._opens_paragraph(marked) and paragraph > 0:
            if event is not None and self._paragraph(event.position) == paragraph - 1:
                found = event.speaker, event.actor
            else:
                person = self._last_subject(marked.open)
                found = None if person is None else speaker_of(person, self.mentions)
        if found is None:
            return _Found(span.start, span.end, "direct")
        return _Found(span.start, span.end, "direct", speaker=found[0], actor=found[1])

    def _latest_event(self, before: int, *, named: bool = False) -> _Event | None:
        """The latest attribution before a token; with ``named``, the latest whose
        speaker is not a bare pronoun."""
        at = bisect.bisect_left(self.events, before, key=lambda e: e.position)
        for event in reversed(self.events[max(0, at - 8) : at]):
            if not named or not is_loose_pronoun(event.speaker.root, self.mentions):
                return event
        return None

    def _opens_paragraph(self, marked: _Marked) -> bool:
        i = marked.open - 1
        return i < 0 or self._is_break(self.doc[i])

    def _last_subject(self, before: int) -> Token | None:
        """The first subject in the previous paragraph's last sentence: any subject
        when that paragraph ends with a colon ("Sanders made the following comment:"),
        else a person or a name."""
        i = before - 1
        while i >= 0 and self.doc[i].is_space:
            i -= 1
        if i < 0:
            return None
        colon = self.doc[i].text == ":"
        for token in self.doc[self.doc[i].sent.start : i]:
            subject = through_space(token) if token.dep_ in ("nsubj", "nsubjpass") else None
            if subject is None or self.inside[subject.i] or subject.head.i >= before:
                continue
            if colon or self.mentions.person(subject) or subject.pos_ == "PROPN":
                return subject
        return None

    # -- 5: indirect quotes

    def indirect(self, marked: list[_Found]) -> list[_Found]:
        taken = bytearray(len(self.doc))
        for m in self.passages:  # a kept quote, with its marks
            if any(q.start < m.span.end and m.span.start < q.end for q in marked):
                taken[m.open : m.close + 1] = b"\x01" * (m.close + 1 - m.open)
        found = []
        for cue in self.cues:
            if self._cue_kind(cue) == "cognition" and not self.options.cognition:
                continue
            if self.headline[self._paragraph(cue.i)]:
                continue
            clauses = [
                c
                for c in reported_clauses(cue, self.lexicon, taken=taken)
                if not any(taken[c[0] : c[1]])
            ]
            attribution = self._attribute(cue) if clauses else None
            if attribution is None or attribution.speaker is None:
                continue
            for start, end in clauses:
                taken[start:end] = b"\x01" * (end - start)
                found.append(_Found(start, end, "indirect", attribution))
        return found


# --- helpers ----------------------------------------------------------------------------


def _according_child(token: Token) -> Token | None:
    for child in token.children:
        if child.lower_ == "according" and child.i + 1 < len(token.doc):
            if token.doc[child.i + 1].lower_ == "to":
                return child
    return None


def _sentence_like(span: Span) -> bool:
    return span[0].is_title and span[-1].text in STOPS | {"…"}


def _title_case(span: Span) -> bool:
    """ "Priced Out: Chinese Electric Cars": two or more words, every one that is not
    a function word capitalised."""
    words = [t for t in span if t.is_alpha]
    if len(words) < 2 or not words[0].is_title:
        return False
    return all(t.is_title or t.is_upper or t.lower_ in FUNCTION_WORDS for t in words)


def _written(doc: Doc, found: list[_Found]) -> list[Span]:
    spans: list[Span] = []
    last_end = -1
    for quote in sorted(found, key=lambda q: (q.start, -q.end)):
        if quote.start < last_end:
            continue
        span = Span(doc, quote.start, quote.end, label=SPAN_LABEL)
        _set(span, quote)
        spans.append(span)
        last_end = quote.end
    return spans


def _set(span: Span, quote: _Found) -> None:
    ext = span._  # one accessor object for all the fields (each ``span._`` makes one)
    ext.quote_kind = quote.kind
    attribution = quote.attribution
    if attribution is None:
        ext.speaker = quote.actor
        ext.speaker_text = None if quote.speaker is None else quote.speaker.text
        return
    ext.speaker = attribution.actor
    ext.speaker_text = None if attribution.speaker is None else attribution.speaker.text
    ext.cue = None if attribution.cue is None else attribution.cue.text
    ext.cue_span = attribution.cue
    ext.addressee = None if attribution.addressee is None else attribution.addressee.text
    ext.addressee_actor = attribution.addressee_actor
