"""Quoted passages in raw text: where each pair of quotation marks opens and closes.

Works on characters, before any parse, one paragraph (a run of text between line
breaks) at a time, so uneven marks in one paragraph never spoil the next.

1. Marks. Double marks are always quotation marks: straight ``"``, curly “ ”, low
   „ (closed by “ or ”), guillemets « » (with or without inner spaces), and the
   two-character marks of archive and treebank text (``''``, two backticks). Single marks
   ‘ ’ ‚ and straight ``'`` are quotation marks only in a document that uses them as
   its primary marks (more single openers at word starts than double openers, as in
   headline style or British copy); elsewhere they are apostrophes or quotes within
   quotes and are left alone. A single mark between two letters (don’t, Okafor’s),
   before a decade (the ’90s) or after a plural's s (the ministers’ plan, when a later
   mark can close the quote) is an apostrophe.
2. Pairs. Inside an open quote, marks of the other family are nested quotes and are
   ignored. A straight mark opens or closes by what flanks it (space before and a word
   after opens). A closer with nothing open is a stray mark and is skipped; an opener
   while a quote of the same mark is open starts a fresh quote (the first was never
   closed).
3. Paragraph breaks. A quote still open at the end of a paragraph continues when the
   next paragraph opens with the same quotation mark (the news convention for a quote
   over several paragraphs) and the quote looks like a direct one (it opened its
   paragraph, followed a colon or starts with a capital): the passage runs from its
   first content character to its last.
   When the next paragraph does not open with a mark, the quote ends with its paragraph
   if it began the paragraph or followed a colon, and is dropped otherwise.
4. Content. A passage is the text between the marks, without surrounding spaces and
   without the comma that hands over to the attribution (“We are ready,” she said ->
   ``We are ready``).

Headline-like paragraphs (at most 20 words, no sentence-final stop anywhere) are
skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Marks: which family each belongs to.
DOUBLE_MARKS = '"“”„‟«»'
SINGLE_MARKS = "'‘’‚‛"
_MARK = re.compile("[" + re.escape(DOUBLE_MARKS + SINGLE_MARKS) + "]")
_PARAGRAPH = re.compile(r"[^\n]+")
_TWO_OPENING = re.compile(r"``|''(?=\w)")
_WORDS = re.compile(r"\S+")
# A stop inside a paragraph: before a space, or before the dash of a sign-off glued to
# its closing mark (“...”― Pamela Padilla).
_INNER_STOP = re.compile("[.?!…][" + re.escape(DOUBLE_MARKS + SINGLE_MARKS) + r"]*[\s―—–]")
# The closer each opener takes; a straight mark closes itself.
_CLOSERS = {
    '"': '"',
    "“": "”",
    "„": "“”",
    "‟": "”",
    "«": "»",
    "»": "«",
    "”": "”",
    "’": "’",
    "'": "'",
    "‘": "’",
    "‚": "‘’",
    "‛": "’",
}
_OPEN_BEFORE = " \t\u00a0\u202f([{—–-/:;,"  # characters after which a mark opens
_SPACE = " \t\u00a0\u202f\u2009"
_SENTENCE_END = ".?!…"
HEADLINE_MAX_WORDS = 20
POSSESSIVE_LOOKAHEAD = 2000  # characters searched for a closing mark after "ministers’"


@dataclass(frozen=True, slots=True)
class Passage:
    """A quoted passage: ``text[start:end]`` is its content; ``open`` the offset of its
    opening mark and ``close`` of its closing mark (the end of its last paragraph when
    it had none); ``paragraph`` the index of the paragraph it opens in and
    ``paragraphs`` how many paragraphs it spans."""

    open: int
    close: int
    start: int
    end: int
    paragraph: int
    paragraphs: int = 1


@dataclass(frozen=True, slots=True)
class Paragraph:
    index: int
    start: int
    end: int


@dataclass(slots=True)
class _Open:
    """A quote being read: its opening mark (``first``; ``at`` is the mark that
    reopened it in a later paragraph), the closers it takes, its paragraph."""

    at: int
    mark: str
    closers: str
    paragraph: int
    paragraphs: int = 1
    after_colon: bool = False
    starts_paragraph: bool = False
    first: int = -1

    def __post_init__(self) -> None:
        if self.first < 0:
            self.first = self.at


def paragraphs(text: str) -> list[Paragraph]:
    """The paragraphs of ``text``: maximal runs without a line break that hold a
    non-space character."""
    found = [m for m in _PARAGRAPH.finditer(text) if m.group().strip()]
    return [Paragraph(i, m.start(), m.end()) for i, m in enumerate(found)]


def find_passages(text: str) -> list[Passage]:
    """Every quoted passage of ``text``, in text order, never overlapping."""
    text = ascii_marks(text)
    single = uses_single_marks(text)
    passages: list[Passage] = []
    carried: _Open | None = None
    paras = paragraphs(text)
    for para in paras:
        if is_headline(text, para):
            carried = None
            continue
        carried = _continue(text, para, carried, passages)
        carried = _scan(text, para, carried, passages, single=single)
    if carried is not None and paras:
        _close_at_end(text, carried, paras[-1].end, passages)
    return passages


def ascii_marks(text: str) -> str:
    """The text with two-character marks, as in archives and treebank text (``''Yes,''
    he said``, ````Yes,'' he said``), made one straight double mark and a space,
    the mark next to the quoted word, so offsets stay the same."""
    if "''" not in text and "``" not in text:
        return text
    text = _TWO_OPENING.sub(' "', text)
    return text.replace("''", '" ')


def uses_single_marks(text: str) -> bool:
    """True when single marks are the document's primary quotation marks."""
    single = double = 0
    for match in _MARK.finditer(text):
        at, mark = match.start(), match.group()
        if not _left_flanking(text, at):
            continue
        if mark in DOUBLE_MARKS:
            double += 1
        elif not _is_apostrophe(text, at):
            single += 1
    return single > double


def is_headline(text: str, para: Paragraph) -> bool:
    """A short paragraph that ends without a sentence-final stop: a headline or a
    subheading, whose quotation marks are not quotations."""
    body = text[para.start : para.end].rstrip(_SPACE + DOUBLE_MARKS + SINGLE_MARKS + ")")
    if not body or body[-1] in _SENTENCE_END + ":,;" or _INNER_STOP.search(body):
        return False
    return len(_WORDS.findall(body)) <= HEADLINE_MAX_WORDS


# --- one paragraph --------------------------------------------------------------------


def _continue(
    text: str, para: Paragraph, carried: _Open | None, passages: list[Passage]
) -> _Open | None:
    """A quote left open by the previous paragraph: continued when this paragraph
    opens with a mark of the same family, else closed or dropped (module doc, 3)."""
    if carried is None:
        return None
    first = _first_char(text, para)
    if first < para.end and text[first] == carried.mark and _direct_looking(text, carried):
        carried.paragraphs += 1
        return _Open(
            first,
            carried.mark,
            carried.closers,
            carried.paragraph,
            carried.paragraphs,
            after_colon=carried.after_colon,
            starts_paragraph=carried.starts_paragraph,
            first=carried.first,
        )
    _close_at_end(text, carried, _paragraph_before(text, para.start), passages)
    return None


def _scan(
    text: str, para: Paragraph, current: _Open | None, passages: list[Passage], *, single: bool
) -> _Open | None:
    """Read the marks of one paragraph; returns the quote still open at its end."""
    origin = current
    for match in _MARK.finditer(text, para.start, para.end):
        at, mark = match.start(), match.group()
        if mark in SINGLE_MARKS and not single:
            continue
        if origin is not None and at == origin.at:
            continue  # the mark that continued a quote from the previous paragraph
        if current is None:
            current = _opening(text, at, mark, para)
        else:
            current = _inside(text, at, mark, current, passages, para)
    return current


def _opening(text: str, at: int, mark: str, para: Paragraph) -> _Open | None:
    """A mark read while no quote is open: an opener, or a stray closer (None)."""
    if mark in "”»’" and not _left_flanking(text, at):
        return None
    if mark in SINGLE_MARKS and _is_apostrophe(text, at):
        return None
    if mark in "\"'" and _right_flanking(text, at) and not _left_flanking(text, at):
        return None
    before = text[para.start : at].rstrip(_SPACE)
    return _Open(
        at,
        mark,
        _CLOSERS[mark],
        para.index,
        after_colon=before.endswith(":"),
        starts_paragraph=not before,
    )


def _inside(
    text: str, at: int, mark: str, current: _Open, passages: list[Passage], para: Paragraph
) -> _Open | None:
    """A mark read inside an open quote: closes it, restarts it, or is nested."""
    if _family(mark) != _family(current.mark):
        return current  # a quote within the quote
    if mark in current.closers and _can_close(text, at, mark, current):
        _add(text, current, at, at, passages)
        return None
    if mark == current.mark and _left_flanking(text, at) and not _right_flanking(text, at):
        return _opening(text, at, mark, para)  # the first opener was never closed
    return current


def _direct_looking(text: str, quote: _Open) -> bool:
    """A quote that can run on into the next paragraph: one that opens its paragraph,
    follows a colon or starts with a capital (not a phrase embedded mid-sentence)."""
    if quote.starts_paragraph or quote.after_colon:
        return True
    start, _ = _content(text, quote.first + 1, len(text))
    return start < len(text) and not text[start].islower()


def _can_close(text: str, at: int, mark: str, current: _Open) -> bool:
    if mark in SINGLE_MARKS:
        return not _is_apostrophe(text, at) and not _possessive_s(text, at, current)
    if mark == '"':
        return not (_left_flanking(text, at) and not _right_flanking(text, at))
    return True


def _close_at_end(text: str, carried: _Open, end: int, passages: list[Passage]) -> None:
    """A quote that never closed: kept to the end of its paragraph when it opened the
    paragraph or followed a colon (a missing closing mark), else dropped."""
    if carried.starts_paragraph or carried.after_colon or carried.paragraphs > 1:
        _add(text, carried, end, end, passages)


def _add(text: str, quote: _Open, end: int, close: int, passages: list[Passage]) -> None:
    start, stop = _content(text, quote.first + 1, end)
    if start < stop and (not passages or passages[-1].close <= quote.first):
        passages.append(Passage(quote.first, close, start, stop, quote.paragraph, quote.paragraphs))


def _content(text: str, start: int, end: int) -> tuple[int, int]:
    """Content bounds: no surrounding space, no handing-over comma at the end."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end


# --- characters -----------------------------------------------------------------------


def _family(mark: str) -> str:
    return "double" if mark in DOUBLE_MARKS else "single"


def _left_flanking(text: str, at: int) -> bool:
    """Space (or an opening bracket, a dash, a colon) before, a non-space after."""
    before = text[at - 1] if at > 0 else " "
    after = text[at + 1] if at + 1 < len(text) else " "
    return (before in _OPEN_BEFORE or before.isspace()) and not after.isspace()


def _right_flanking(text: str, at: int) -> bool:
    """A non-space before, and a space, a stop or the end after."""
    before = text[at - 1] if at > 0 else " "
    after = text[at + 1] if at + 1 < len(text) else " "
    return not before.isspace() and (after.isspace() or not after.isalnum())


def _is_apostrophe(text: str, at: int) -> bool:
    """don’t, Okafor’s (letters on both sides), the ’90s (a decade)."""
    before = text[at - 1] if at > 0 else " "
    after = text[at + 1] if at + 1 < len(text) else " "
    if before.isalnum() and after.isalpha():
        return True
    return text[at + 1 : at + 3].isdigit() and text[at + 3 : at + 4] in ("s", " ", "")


def _possessive_s(text: str, at: int, current: _Open) -> bool:
    """``ministers’ plan`` inside an open single quote: a plural possessive when the
    mark follows an s, a lower-case word follows, and a later mark in the paragraph
    can close the quote."""
    if text[at - 1 : at] != "s" or not text[at + 2 : at + 3].islower():
        return False
    limit = min(len(text), at + POSSESSIVE_LOOKAHEAD)
    line_end = text.find("\n", at, limit)
    for later in range(at + 1, line_end if line_end >= 0 else limit):
        if text[later] in current.closers and not _is_apostrophe(text, later):
            if _right_flanking(text, later):
                return True
    return False


def _first_char(text: str, para: Paragraph) -> int:
    at = para.start
    while at < para.end and text[at].isspace():
        at += 1
    return at


def _paragraph_before(text: str, start: int) -> int:
    """The end of the text before ``start``, without its line breaks."""
    end = start
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end
