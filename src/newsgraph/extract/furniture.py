"""Remove page furniture from a list of paragraphs.

Used on bodies extracted from HTML and on plain-text dumps alike. Every rule is a
small predicate below; :func:`remove_furniture` applies them and returns the kept
paragraphs, in their original order, as a new list. The rules:

1. **Repeated headline** -- a paragraph equal to the title (or to the title with a
   trailing `` | Site`` / `` - Site`` part dropped) when ``title`` is given.
2. **Pull-quote** -- a paragraph whose normalised words (case-folded, quotation
   marks, punctuation and whitespace folded) are at least 80% covered by runs of six
   or more words found in another, longer paragraph; a short paragraph (3-5 words)
   goes only when it is a whole sentence of a longer paragraph or, in quotation
   marks, a run of its words. Of two identical paragraphs the first stays. A
   quotation that appears once always stays.
3. **Image caption** -- a short paragraph ending (or starting) with a picture credit:
   ``[AFP]``, ``(Reuters)``, ``(AP Photo/Name)``, ``Photo: Name/AFP``,
   ``Credit: ...``, ``Image: Getty Images``, ``Name/AFP via Getty Images``, ``© Name``,
   or any short credit in square brackets at the end (``[ICRC]``).
   A dateline such as ``(Reuters) - ...`` and an acronym after its expansion
   (``Associated Press (AP)``) are not credits.
4. **Social follow line** -- ``Follow X on Twitter: @handle``, ``Follow us on X``,
   ``Follow ... on Facebook, Instagram``.
5. **Interstitial** -- ``Advertisement``, ``Story continues below advertisement``,
   ``Read more: ...``, ``Also read: ...``, and a newsletter sign-up line (``Sign up
   for our newsletter``) with the short promo line after it, anywhere in the body.
6. **Edge widgets and menus** -- short menu lines at the start, and in the last few
   paragraphs (``Share``, ``Tweet``, ``Most read``, section names, menu bars such as
   ``News Local Maritime Business``, breadcrumbs such as ``Home > World > Africa``,
   ``Copyright ...``, ``(c) 2025 ...``, ``Cookie ...``), and a trailing ``Related`` /
   ``Most read`` block of short headline lines.
7. **Author bio and staff credits at the end** -- in the last few paragraphs (at
   most :data:`TAIL_CONTENT` content paragraphs after it), a short
   paragraph starting with a person's name (or the given ``author``) followed by
   ``is a/an/the ... correspondent`` (reporter, editor, ...), ``reported from`` or
   ``contributed reporting``; and ``Additional reporting by ...``,
   ``Reporting by ...; Editing by ...`` lines.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Sequence

log = logging.getLogger(__name__)

PULL_QUOTE_MIN_WORDS = 6
PULL_QUOTE_COVERAGE = 0.8
CAPTION_MAX_WORDS = 40
FOLLOW_MAX_WORDS = 25
MENU_MAX_WORDS = 12
MENU_BAR_SHARE = 0.6  # share of menu words in a bar of capitalised words
NOTICE_MAX_WORDS = 40
BIO_MAX_WORDS = 60
TAIL_CONTENT = 2  # tail furniture may have at most this many content paragraphs after it
RELATED_ITEM_MAX_WORDS = 25

_WORD = re.compile(r"\w+")
_QUOTED = re.compile(r"^\s*[\"'“”‘’«»„‚‹›].*[\"'“”‘’«»„‚‹›]\W*$", re.DOTALL)
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’»)\]]*\s+")

# --- shared helpers -----------------------------------------------------------------


def normalise_words(text: str) -> list[str]:
    """Case-folded words of ``text`` with quotation marks, punctuation and spacing
    folded away (``“We’ll go,”`` -> ``["we", "ll", "go"]``)."""
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def _norm(text: str) -> str:
    return " ".join(normalise_words(text))


def _word_count(text: str) -> int:
    return len(text.split())


# --- 1. repeated headline -----------------------------------------------------------

_TITLE_SITE_SEPARATOR = re.compile(r"\s+[|–—-]\s+|\s+::\s+")


def _title_forms(title: str | None) -> set[str]:
    if not title or not title.strip():
        return set()
    forms = {_norm(title)}
    parts = _TITLE_SITE_SEPARATOR.split(title)
    if len(parts) > 1:
        forms.add(_norm(parts[0]))
    return {form for form in forms if form}


def _is_title_repeat(words: list[str], title_forms: set[str]) -> bool:
    """``words``: the paragraph's :func:`normalise_words`."""
    return bool(title_forms) and " ".join(words) in title_forms


# --- 2. pull-quotes -----------------------------------------------------------------


def _pull_quote_indexes(paragraphs: Sequence[str], words: list[list[str]]) -> set[int]:
    """Indexes of paragraphs that only repeat text found in a longer paragraph
    (``words``: each paragraph's :func:`normalise_words`)."""
    grams = [_grams(w) for w in words]
    # A paragraph outranks another when it is longer, or as long and earlier.
    ranks = [(len(w), -i) for i, w in enumerate(words)]
    best_holder = _best_holder_by_gram(grams, ranks)
    repeats = {
        i
        for i, w in enumerate(words)
        if len(w) >= PULL_QUOTE_MIN_WORDS
        and _coverage(w, grams[i], ranks[i], best_holder) >= PULL_QUOTE_COVERAGE
    }
    return repeats | _repeated_short_sentences(paragraphs, words)


def _grams(words: list[str]) -> list[tuple[str, ...]]:
    n = PULL_QUOTE_MIN_WORDS
    return [tuple(words[i : i + n]) for i in range(len(words) - n + 1)]


def _best_holder_by_gram(
    grams: list[list[tuple[str, ...]]], ranks: list[tuple[int, int]]
) -> dict[tuple[str, ...], tuple[int, int]]:
    best: dict[tuple[str, ...], tuple[int, int]] = {}
    for paragraph_grams, rank in zip(grams, ranks, strict=True):
        for gram in paragraph_grams:
            if gram not in best or rank > best[gram]:
                best[gram] = rank
    return best


def _coverage(
    words: list[str],
    grams: list[tuple[str, ...]],
    rank: tuple[int, int],
    best_holder: dict[tuple[str, ...], tuple[int, int]],
) -> float:
    """Share of ``words`` covered by six-word runs (``grams``, the paragraph's own) that an
    outranking paragraph holds."""
    covered = [False] * len(words)
    for start, gram in enumerate(grams):
        if best_holder[gram] > rank:
            covered[start : start + PULL_QUOTE_MIN_WORDS] = [True] * PULL_QUOTE_MIN_WORDS
    return sum(covered) / len(words)


def _repeated_short_sentences(paragraphs: Sequence[str], words: list[list[str]]) -> set[int]:
    """Short paragraphs (3-5 words) that are a whole sentence of a longer paragraph, or,
    when in quotation marks, any run of its words (``“in this business that matters”``)."""
    short = [i for i, w in enumerate(words) if 3 <= len(w) < PULL_QUOTE_MIN_WORDS]
    if not short:  # the sentences below are only needed to judge a short paragraph
        return set()
    sentences: set[str] = set()
    for paragraph, w in zip(paragraphs, words, strict=True):
        if len(w) >= PULL_QUOTE_MIN_WORDS:
            sentences.update(_norm(s) for s in _SENTENCE_END.split(paragraph))
    long_texts = [f" {' '.join(w)} " for w in words if len(w) >= PULL_QUOTE_MIN_WORDS]
    repeats: set[int] = set()
    for i in short:
        text = " ".join(words[i])
        quoted = bool(_QUOTED.match(paragraphs[i]))
        if text in sentences or (quoted and any(f" {text} " in t for t in long_texts)):
            repeats.add(i)
    return repeats


# --- 3. image captions --------------------------------------------------------------

_AGENCY = (
    r"(?:AP|AFP|Reuters|EPA(?:-EFE)?|EFE|Getty(?:\s+Images)?|Xinhua|Anadolu(?:\s+Agency)?"
    r"|PA(?:\s+Wire|\s+Media)?|Shutterstock|Alamy|Bloomberg|DPA|dpa|ANSA|Kyodo|AAP|Sipa"
    r"|ZUMA(?:\s+Press)?|NurPhoto|SOPA\s+Images|Supplied|Handout|File|Pool)"
)
_CREDIT_LABEL = r"(?:photo(?:graph)?s?|image|picture|pic|credit|illustration|courtesy|file\s+photo)"
_BRACKET_CREDIT = (
    rf"[(\[]\s*(?:(?i:{_CREDIT_LABEL})\b[^)\]]{{0,80}}"
    rf"|(?:[^)\]]{{0,40}}[\s/])?{_AGENCY}\b[^)\]]{{0,40}})\s*[)\]]"
)
_CAPTION_END = re.compile(
    rf"(?:{_BRACKET_CREDIT}\s*\.?"
    rf"|(?:^|[\s.;,])(?i:{_CREDIT_LABEL})\s*:\s*[^:]{{1,80}}"
    rf"|\S/{_AGENCY}(?:\s+via\s+Getty\s+Images)?\.?"
    rf"|©\s*[^©]{{1,60}}"
    r"|\[(?!sic\])[^\]\[]{2,40}\]\s*\.?)\s*$"
)
_CAPTION_START = re.compile(
    rf"^\s*(?:{_BRACKET_CREDIT}(?!\s*[-–—])|(?i:{_CREDIT_LABEL})\s*:\s*\S|©\s*\S)"
)
_BRACKET_TAIL = re.compile(r"(?P<before>.*?)\s*[(\[]\s*(?P<inside>[A-Za-z]{2,6})\s*[)\]]\s*\.?\s*$")


def _is_caption(paragraph: str) -> bool:
    if _word_count(paragraph) > CAPTION_MAX_WORDS:
        return False
    if _is_acronym_expansion(paragraph):
        return False
    return bool(_CAPTION_END.search(paragraph) or _CAPTION_START.search(paragraph))


def _is_acronym_expansion(paragraph: str) -> bool:
    """``... the Associated Press (AP).``: the brackets define an acronym, not a credit."""
    match = _BRACKET_TAIL.match(paragraph)
    if not match:
        return False
    acronym = match["inside"].upper()
    words = re.findall(r"[A-Za-z]+", match["before"])[-len(acronym) :]
    return "".join(w[0] for w in words).upper() == acronym


# --- 4. social follow lines ---------------------------------------------------------

_NETWORK = (
    r"(?:twitter|x|facebook|instagram|threads|bluesky|tiktok|youtube|linkedin|mastodon"
    r"|telegram|whatsapp|snapchat)"
)
_FOLLOW = re.compile(rf"^\W*(?:you\s+can\s+)?follow\b(?!-).*(?:\b{_NETWORK}\b|@\w)", re.IGNORECASE)
_HANDLE_ONLY = re.compile(rf"\b{_NETWORK}\b\s*:?\s*@\w+", re.IGNORECASE)


def _is_follow_line(paragraph: str) -> bool:
    words = _word_count(paragraph)
    if words > FOLLOW_MAX_WORDS:
        return False
    return bool(_FOLLOW.search(paragraph)) or (words <= 12 and bool(_HANDLE_ONLY.search(paragraph)))


# --- 5. interstitials ---------------------------------------------------------------

_INTERSTITIAL = re.compile(
    r"^\W*(?:advertisement|advert|sponsored content|story continues below(?: advertisement)?"
    r"|article continues below(?: advertisement)?|skip advert(?:isement)?|continue reading below"
    r"|(?:read more|also read|read also|see also|related|recommended|more on this|watch)"
    r"\s*:.*)\W*$",
    re.IGNORECASE,
)


def _is_interstitial(paragraph: str) -> bool:
    # The anchored pattern first: it fails at once on nearly every paragraph.
    return bool(_INTERSTITIAL.match(paragraph)) and _word_count(paragraph) <= 25


_SIGNUP = re.compile(
    r"^\W*(?:(?:sign up|subscribe|register)\b.{0,60}\b(?:newsletters?|e-?mails?|inbox|briefings?"
    r"|bulletins?|updates)|newsletters?|sign up(?: now| here| today)?)\W*$",
    re.IGNORECASE,
)
_PROMO = re.compile(
    r"\b(?:inbox|newsletters?|e-?mails?|sign up|subscribe|straight to you|delivered to you"
    r"|every (?:day|morning|evening|week|weekday|weekend|monday|tuesday|wednesday|thursday"
    r"|friday|saturday|sunday))\b",
    re.IGNORECASE,
)


def _newsletter_blocks(paragraphs: Sequence[str]) -> set[int]:
    """A newsletter sign-up line and the short promo line after it
    (``The Daily Catch-Up: all the news, straight to your inbox.``)."""
    dropped: set[int] = set()
    for i, paragraph in enumerate(paragraphs):
        if not _SIGNUP.match(paragraph) or _word_count(paragraph) > 12:
            continue
        dropped.add(i)
        following = paragraphs[i + 1] if i + 1 < len(paragraphs) else ""
        if _word_count(following) <= RELATED_ITEM_MAX_WORDS and _PROMO.search(following):
            dropped.add(i + 1)
    return dropped


# --- 6. edge widgets and menus ------------------------------------------------------

_MENU_PHRASES = frozenset(
    phrase.strip()
    for phrase in """
    share|share this|share this article|share this story|share this page|share article
    |share on facebook|share on twitter|share on x|share on whatsapp|share on linkedin
    |share via email|tweet|email|e mail|print|print this article|print page|comments
    |comment|view comments|show comments|leave a comment|related|related articles
    |related stories|related topics|related content|more on this story|more from|most read
    |most popular|most viewed|trending|trending now|newsletter|newsletters|sign up
    |sign up for our newsletter|sign up for our newsletters|subscribe|subscribe now
    |subscribe to our newsletter|log in|login|sign in|register|my account|listen
    |listen live|listen to this article|radio|live|live tv|watch live|podcast|podcasts
    |video|videos|advertisement|advert|ad|sponsored|skip to content|skip to main content
    |skip to navigation|skip to search|menu|main menu|open menu|close menu|navigation
    |search|home|homepage|front page|back to top|read more|continue reading|copyright
    |all rights reserved|cookie policy|cookies|cookie settings|accept|accept all
    |accept cookies|reject all|manage preferences|privacy policy|privacy|terms of use
    |terms and conditions|terms of service|contact us|about us|close|next|previous|more
    |topics|tags|follow us|facebook|twitter|x|instagram|youtube|linkedin|whatsapp
    |telegram|tiktok|rss|copy link|link copied|save|saved|bookmark|gift this article
    |you may also like|you might also like|recommended|recommended for you|read next
    |up next|editor s picks|more stories|latest|latest news|top stories|world|africa
    |europe|asia|americas|middle east|uk|us|u s|politics|business|economy|markets|sport
    |sports|football|opinion|analysis|technology|tech|science|health|culture|arts
    |entertainment|lifestyle|travel|climate|environment|education|weather|news|local
    |national|international|features|investigations|obituaries|photos|in pictures|games
    |puzzles|crosswords|jobs|classifieds|shop|donate|support us|e paper|epaper|magazine
    """.split("|")
    if phrase.strip()
)
_MENU_PHRASE_MAX = max(len(p.split()) for p in _MENU_PHRASES)
_RELATED_HEADINGS = frozenset(
    {
        "related",
        "related articles",
        "related stories",
        "related content",
        "more on this story",
        "most read",
        "most popular",
        "most viewed",
        "you may also like",
        "you might also like",
        "recommended",
        "recommended for you",
        "read next",
        "more stories",
        "top stories",
        "latest news",
        "trending",
        "trending now",
        "editor s picks",
        "more from",
    }
)
_NOTICE = re.compile(
    r"^\W*(?:copyright\b|©|\(c\)|all rights reserved|we use cookies"
    r"|this (?:site|website) uses cookies|cookies?\b|sign up\b|subscribe to\b|share on\b"
    r"|follow us\b|download (?:our|the) app"
    r"|get the app|click here)",
    re.IGNORECASE,
)
_CRUMB_SEPARATOR = re.compile(r"\s+[>›»/]\s+|\s*[|•·]\s*")


def is_menu_line(paragraph: str, words: list[str] | None = None) -> bool:
    """True for a navigation, widget or notice line: ``Share``, ``Most read``,
    ``Home > World > Africa``, ``World | Africa``, ``Copyright 2025 ...``.
    ``words``: the paragraph's :func:`normalise_words`, when the caller has them."""
    if words is None:
        words = normalise_words(paragraph)
    if not words:
        return bool(paragraph.strip())  # a line of symbols only (``***``, ``|``)
    if _NOTICE.match(paragraph):
        return len(words) <= NOTICE_MAX_WORDS
    if len(words) > MENU_MAX_WORDS:
        return False
    return _is_menu_phrase_sequence(words) or _is_breadcrumb(paragraph) or _is_menu_bar(paragraph)


def _is_menu_phrase_sequence(words: list[str]) -> bool:
    """Can ``words`` be cut into phrases from the menu vocabulary (``share tweet email``)?"""
    reachable = [True] + [False] * len(words)
    for end in range(1, len(words) + 1):
        for size in range(1, min(_MENU_PHRASE_MAX, end) + 1):
            if reachable[end - size] and " ".join(words[end - size : end]) in _MENU_PHRASES:
                reachable[end] = True
                break
    return reachable[-1]


def _is_menu_bar(paragraph: str) -> bool:
    """``News  Local  Maritime  Business  Weather  Sport``: capitalised words without
    sentence punctuation, most of them menu words."""
    tokens = paragraph.split()
    if len(tokens) < 3 or re.search(r"[.!?,;:]", paragraph):
        return False
    if not all(t[0].isupper() or not t[0].isalpha() for t in tokens):
        return False
    words = normalise_words(paragraph)
    known = sum(1 for w in words if w in _MENU_PHRASES)
    return known >= MENU_BAR_SHARE * len(words)


def _is_breadcrumb(paragraph: str) -> bool:
    parts = [p for p in _CRUMB_SEPARATOR.split(paragraph.strip()) if p.strip()]
    if len(parts) < 2 or any(_word_count(p) > 4 for p in parts):
        return False
    if re.search(r"\s[>›»]\s", paragraph):
        return True
    return any(_norm(p) in _MENU_PHRASES for p in parts)


def _leading_menu(paragraphs: Sequence[str], words: list[list[str]], kept: list[int]) -> set[int]:
    dropped: set[int] = set()
    for i in kept:
        if not is_menu_line(paragraphs[i], words[i]):
            break
        dropped.add(i)
    return dropped


def _trailing_related_block(
    paragraphs: Sequence[str], words: list[list[str]], kept: list[int]
) -> set[int]:
    """A ``Related`` / ``Most read`` heading followed only by short headline lines."""
    for position, i in enumerate(kept):
        if " ".join(words[i]) not in _RELATED_HEADINGS:
            continue
        rest = kept[position + 1 :]
        if all(_word_count(paragraphs[j]) <= RELATED_ITEM_MAX_WORDS for j in rest):
            return {i, *rest}
    return set()


# --- 7. author bio and staff credits ------------------------------------------------

_NAME = r"[A-Z][\w'’.-]+(?:\s+(?:[A-Z][\w'’.-]+|de|da|di|du|van|von|der|al|el|bin|le|la)){1,3}"
_ROLE = (
    r"(?:correspondent|reporter|editor|writer|journalist|columnist|fellow|contributor"
    r"|producer|photographer|photojournalist|author|freelancer|stringer|bureau chief)s?"
)
_BIO_TAIL = (
    rf"(?:\s+(?:is|was|has been|works as)\s+(?:a|an|the)\b.{{0,160}}?\b{_ROLE}\b"
    r"|\s+(?:reported from|contributed reporting|contributed to this report|contributed from))"
)
_STAFF_CREDIT = re.compile(
    r"^\W*(?:with\s+)?(?:additional\s+)?(?:reporting|writing|editing|compiled|produced|"
    r"research)\s+by\b",
    re.IGNORECASE,
)


_NAMED_BIO = re.compile(rf"^\W*{_NAME}{_BIO_TAIL}")
_BIO_TAIL_AT = re.compile(_BIO_TAIL)
_LEADING_NON_WORD = re.compile(r"\W*")


def _is_bio(paragraph: str, author: str | None) -> bool:
    """Does ``paragraph`` match ``^\\W*(?:AUTHOR|NAME)TAIL``? Tried as two patterns, the
    byline name by plain string comparison: compiling a pattern that holds each page's
    author took about a millisecond a page, more than the rest of this module."""
    if _NAMED_BIO.match(paragraph):
        return True
    if not author:
        return False
    name = author.strip()
    lead = _LEADING_NON_WORD.match(paragraph).end()  # type: ignore[union-attr]
    # Every start the regex's backtracking ``\W*`` could give the name.
    return any(
        paragraph.startswith(name, start) and _BIO_TAIL_AT.match(paragraph, start + len(name))
        for start in range(lead + 1)
    )


def _is_bio_or_credit(paragraph: str, author: str | None) -> bool:
    if _word_count(paragraph) > BIO_MAX_WORDS:
        return False
    return _is_bio(paragraph, author) or bool(_STAFF_CREDIT.match(paragraph))


def _trailing_widgets_and_bios(
    paragraphs: Sequence[str], words: list[list[str]], kept: list[int], author: str | None
) -> set[int]:
    """Walk back from the end, dropping menu, bio and staff-credit lines while at most
    :data:`TAIL_CONTENT` content paragraphs follow them."""
    dropped: set[int] = set()
    content_after = 0
    for i in reversed(kept):
        text = paragraphs[i]
        if is_menu_line(text, words[i]) or _is_bio_or_credit(text, author):
            dropped.add(i)
        else:
            content_after += 1
            if content_after > TAIL_CONTENT:
                break
    return dropped


# --- the whole pass -----------------------------------------------------------------


def remove_furniture(
    paragraphs: Sequence[str], *, title: str | None = None, author: str | None = None
) -> list[str]:
    """Return ``paragraphs`` without page furniture, in order, as a new list.

    ``title`` enables the repeated-headline rule; ``author`` (a byline name) lets an
    author bio be recognised even when the name is not two or three capitalised words.
    See the module docstring for the rules.
    """
    words = [normalise_words(p) for p in paragraphs]  # once: most rules compare them
    dropped = _dropped_anywhere(paragraphs, words, _title_forms(title))
    kept = [i for i in range(len(paragraphs)) if i not in dropped]
    dropped |= _leading_menu(paragraphs, words, kept)
    dropped |= _trailing_related_block(paragraphs, words, kept)
    kept = [i for i in kept if i not in dropped]
    dropped |= _trailing_widgets_and_bios(paragraphs, words, kept, author)
    for i in sorted(dropped):
        log.debug("furniture removed: %r", paragraphs[i][:80])
    return [p for i, p in enumerate(paragraphs) if i not in dropped]


def _dropped_anywhere(
    paragraphs: Sequence[str], words: list[list[str]], title_forms: set[str]
) -> set[int]:
    """Rules that hold wherever the paragraph sits: 1-5 and empty paragraphs."""
    dropped = _pull_quote_indexes(paragraphs, words) | _newsletter_blocks(paragraphs)
    for i, paragraph in enumerate(paragraphs):
        if (
            not paragraph.strip()
            or _is_title_repeat(words[i], title_forms)
            or _is_caption(paragraph)
            or _is_follow_line(paragraph)
            or _is_interstitial(paragraph)
        ):
            dropped.add(i)
    return dropped
