"""``newsgraph_counts``: numbers of people or things tied to an action, in the shape of
GDELT's GKG counts, as :class:`~newsgraph.annotate.types.Count` values in ``Doc._.counts``
(in text order, at most one per number).

    "Gunmen killed at least 45 civilians, including 12 children, ..."
    -> Count("KILL", 45, "at least", "civilians", 2, 6), Count("KILL", 12, None, "children", 8, 10)

Count types. The GKG 1.0 codebook names seven: AFFECT, ARREST, KIDNAP, KILL, PROTEST,
SEIZE and WOUND (the injured are WOUND). newsgraph adds six of its own: DISPLACED
(displaced, fled, refugees), EVACUATE, SICKENED, RELEASE (freed or released hostages and
prisoners), MISSING and RESCUE. The words behind each type are package data,
``data/count_words.v1.jsonl``, whose ``gkg`` field marks the codebook's seven.

1. Find the number phrases: digits ("45", "30,000", "1.2 million"), number words
   ("four", "twenty-three", "a dozen", "two hundred") and vague quantities, read as
   dozens 24, scores 40, hundreds 200, thousands 2,000, tens of thousands 20,000,
   hundreds of thousands 200,000 and millions 2,000,000; the vague words are then the
   qualifier unless another is written. A number in a DATE, TIME, MONEY, PERCENT,
   ORDINAL or QUANTITY entity, after a currency sign, before "%" or "percent", counting
   units of time or measure ("four days") or someone's own ("her three children") is
   not a count, nor is "no one".
2. The counted word: the noun the number modifies ("45 civilians"), else the number
   itself ("arrested dozens of people", whose object is "people"; "rose to 61").
3. Its kind, from the parse (:func:`kind_of`): object of a verb like "killed", subject
   of a passive ("were displaced") or of a verb like "died" or "fled"; subject of a
   participle with no object ("nine civilians wounded"); a state word ("left 13 people
   dead", "are still missing", "18,000 displaced people"); "forced ... from their
   homes"; a death toll ("rose to 61", "passes 200"); a counted noun ("2,000
   protesters", "200 deaths"). An inclusion ("including 12 children") or a conjunct
   takes the kind of what it belongs to. A negated verb counts nothing.
4. The qualifier written just before the number ("at least", "more than", "some" ...).

The work per document is one scan for number words plus a few parse lookups per number.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass, fields
from functools import cache
from importlib import resources

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from newsgraph.annotate.types import Count, register_extensions
from newsgraph.errors import ConfigError

log = logging.getLogger(__name__)

WORDS_FILE = "count_words.v1.jsonl"

_UNITS = {
    word: value
    for value, word in enumerate(
        "_ one two three four five six seven eight nine ten eleven twelve thirteen fourteen"
        " fifteen sixteen seventeen eighteen nineteen".split()
    )
    if value
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_MULTIPLIERS = frozenset({*_SCALES, "dozen"})  # may follow "a": "a dozen", "a million"
_VAGUE: dict[tuple[str, ...], int] = {
    ("tens", "of", "thousands"): 20_000,
    ("hundreds", "of", "thousands"): 200_000,
    ("tens", "of", "millions"): 20_000_000,
    ("dozens",): 24,
    ("scores", "of"): 40,  # "scores" alone is usually the verb or the results
    ("hundreds",): 200,
    ("thousands",): 2_000,
    ("millions",): 2_000_000,
}
_VAGUE_WORDS = frozenset(word for words in _VAGUE for word in words if word != "of")
_DIGITS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_YEAR = re.compile(r"1[0-9]\d\d|20\d\d")

_QUALIFIERS = frozenset(
    {
        ("at", "least"),
        ("at", "most"),
        ("more", "than"),
        ("over",),
        ("about",),
        ("around",),
        ("nearly",),
        ("almost",),
        ("up", "to"),
        ("some",),
        ("roughly",),
        ("approximately",),
        ("an", "estimated"),
        ("estimated",),
        ("as", "many", "as"),
        ("as", "few", "as"),
        ("fewer", "than"),
        ("less", "than"),
        ("close", "to"),
        ("upwards", "of"),
        ("just", "over"),
        ("just", "under"),
        ("well", "over"),
        ("no", "fewer", "than"),
        ("no", "less", "than"),
    }
)
_QUALIFIER_LENGTHS = (3, 2, 1)

_NOT_COUNT_ENTS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "ORDINAL", "QUANTITY"})
_CURRENCY = frozenset({"$", "€", "£", "¥", "us$", "rs", "rs."})
_AFTER_NOT_COUNT = frozenset({"%", "percent", "per", "pc"})
_UNIT_NOUNS = frozenset(
    "second minute hour day night week weekend month year decade century time "
    "mile kilometre kilometer km metre meter foot inch acre hectare ton tonne kilogram kg "
    "gram litre liter barrel dollar euro pound rupee percent point vote seat round".split()
)
_NOUN_POS = frozenset({"NOUN", "PROPN"})
_VERB_POS = frozenset({"VERB", "AUX"})
_STATE_DEPS = frozenset({"acomp", "oprd", "xcomp", "ccomp", "advmod"})
_FORCING = frozenset({"force", "drive", "chase"})  # "forced 12,000 people from their homes"
_HOMES = frozenset({"home", "house", "village", "land", "town"})
_TOLL_PREPS = frozenset({"to", "at", "of", "past"})
_TOLL_DEPS = frozenset({"nsubj", "nsubjpass", "dobj"})  # "rose to 61", "put the toll at 61"
_MAX_DEPTH = 3


# --- vocabulary -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CountWords:
    """The trigger words of every count type (see ``data/count_words.v1.jsonl``):
    lemmas of verbs whose object is counted, whose subject is counted, or either
    (the object when there is one); state words as written ("dead", "missing"); nouns
    that are the count ("200 deaths") and nouns for the people counted ("protesters")."""

    object_verbs: dict[str, str]
    subject_verbs: dict[str, str]
    either_verbs: dict[str, str]
    states: dict[str, str]
    nouns: dict[str, str]
    people_nouns: dict[str, str]


@cache
def load_count_words(filename: str = WORDS_FILE) -> CountWords:
    """The vocabulary in package data file ``filename``, read once per process."""
    path = resources.files("newsgraph.data").joinpath(filename)
    if not path.is_file():
        raise ConfigError(
            f"count vocabulary {filename!r} is not in newsgraph/data; use {WORDS_FILE!r}"
        )
    tables: dict[str, dict[str, str]] = {field.name: {} for field in fields(CountWords)}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            for name, table in tables.items():
                table.update(dict.fromkeys(row[name], row["kind"]))
    return CountWords(**tables)


# --- 1. number phrases ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class NumberPhrase:
    """Tokens ``start:end`` that write one number; ``vague`` is the vague quantity as
    written in lower case ("dozens"), None for an exact number."""

    start: int
    end: int
    value: int
    vague: str | None = None


def number_phrases(doc: Doc) -> list[NumberPhrase]:
    """Every number written in ``doc``, in order, counts or not."""
    # Plain lists of the token strings: the scan looks at each token several times.
    lowers = [token.lower_ for token in doc]
    texts = [token.text for token in doc]
    found: list[NumberPhrase] = []
    i = 0
    while i < len(lowers):
        phrase = _vague_at(lowers, i) or _exact_at(lowers, texts, i)
        if phrase is None:
            i += 1
        else:
            found.append(phrase)
            i = phrase.end
    return found


def _vague_at(lowers: list[str], i: int) -> NumberPhrase | None:
    if lowers[i] not in _VAGUE_WORDS:
        return None
    for size in (3, 2, 1):
        words = tuple(lowers[i : i + size])
        if words in _VAGUE:
            end = i + (1 if words[-1] == "of" else size)  # "scores of": the "of" is not taken
            text = " ".join(words[: end - i])
            return NumberPhrase(i, end, _VAGUE[words], text)
    return None


def _exact_at(lowers: list[str], texts: list[str], i: int) -> NumberPhrase | None:
    words: list[str] = []
    j, n = i, len(lowers)
    if lowers[i] in ("a", "an") and i + 1 < n and lowers[i + 1] in _MULTIPLIERS:
        words, j = ["one"], i + 1
    elif _DIGITS.fullmatch(texts[i]):
        words, j = [texts[i].replace(",", "")], i + 1
    while j < n:
        lower = lowers[j]
        if lower in _UNITS or lower in _TENS or lower in _MULTIPLIERS:
            words.append(lower)
            j += 1
        elif words and j + 1 < n and _joins(words[-1], lower, lowers[j + 1]):
            j += 1  # "twenty-three", "two hundred and fifty"
        else:
            break
    if not words:
        return None
    value = round(_value(words))
    return NumberPhrase(i, j, value) if value > 0 else None


def _joins(before: str, link: str, after: str) -> bool:
    if link == "-":
        return before in _TENS and after in _UNITS
    return (
        link == "and" and before in ("hundred", "thousand") and (after in _UNITS or after in _TENS)
    )


def _value(words: list[str]) -> float:
    """The value of number words: ["1.2", "million"] -> 1,200,000; ["two", "hundred",
    "fifty"] -> 250; ["two", "dozen"] -> 24."""
    total, current = 0.0, 0.0
    for word in words:
        if word in ("hundred", "dozen"):
            current = (current or 1) * (100 if word == "hundred" else 12)
        elif word in _SCALES:
            total += (current or 1) * _SCALES[word]
            current = 0.0
        else:
            current += _UNITS.get(word) or _TENS.get(word) or float(word)
    return total + current


def _not_a_count(doc: Doc, phrase: NumberPhrase) -> bool:
    """Dates, times, money, percentages, ordinals, measures and "no one"."""
    tokens = doc[phrase.start : phrase.end]
    if any(token.ent_type_ in _NOT_COUNT_ENTS for token in tokens) and not _bare_number(tokens):
        return True
    before = doc[phrase.start - 1].lower_ if phrase.start else ""
    after = doc[phrase.end].lower_ if phrase.end < len(doc) else ""
    if before in _CURRENCY or after in _AFTER_NOT_COUNT:
        return True
    return before == "no" and tokens.text.lower() == "one"


def _bare_number(tokens: Span) -> bool:
    """A number that is a whole DATE or TIME entity on its own but cannot be one: the
    small model tags "38" in "put the toll at 38" as a DATE."""
    ent_types = {token.ent_type_ for token in tokens}
    if not ent_types <= {"DATE", "TIME"} or tokens[0].ent_iob_ != "B":
        return False
    after = tokens.doc[tokens.end] if tokens.end < len(tokens.doc) else None
    if after is not None and after.ent_iob_ == "I":
        return False
    text = tokens.text
    return _DIGITS.fullmatch(text) is not None and not _YEAR.fullmatch(text)


# --- 2. the counted word and its object -----------------------------------------------


def _anchor(doc: Doc, phrase: NumberPhrase) -> Token:
    """The token of the phrase that the rest of the sentence attaches to."""
    for token in reversed(doc[phrase.start : phrase.end]):
        if token.head.i == token.i or not phrase.start <= token.head.i < phrase.end:
            return token  # the last such: "a dozen fishermen" attaches "a" and "dozen"
    return doc[phrase.end - 1]


def _counted(anchor: Token) -> Token | None:
    """The noun the number counts, or the number itself; None when it counts units of
    time or measure ("four days") or someone's own ("her three children")."""
    head = anchor.head
    counted = anchor
    if anchor.dep_ in ("nummod", "quantmod", "compound") and head.pos_ in _NOUN_POS:
        counted = head
    if counted.lemma_.lower() in _UNIT_NOUNS or counted.lower_ in _UNIT_NOUNS:
        return None
    if any(child.dep_ == "poss" for child in counted.children):
        return None
    return counted


def _of_object(anchor: Token) -> Token | None:
    """The noun after "of": "people" in "dozens of people" and in "tens of thousands of
    people"."""
    token: Token | None = anchor
    for _ in range(3):
        of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        token = None if of is None else next((g for g in of.children if g.dep_ == "pobj"), None)
        if token is None or token.lower_ not in _VAGUE_WORDS:
            return token
    return None


def _noun_text(noun: Token, floor: int) -> str:
    """The noun with the compound nouns written just before it, from token ``floor``
    on: "police officers"."""
    doc, left = noun.doc, noun.i
    while left > floor and doc[left - 1].dep_ == "compound" and doc[left - 1].head.i <= noun.i:
        left -= 1
    return doc[left : noun.i + 1].text


def _object(
    counted: Token, anchor: Token, phrase: NumberPhrase, words: CountWords
) -> tuple[str | None, int]:
    """What is counted, as written, and the token offset where the count phrase ends."""
    noun = _of_object(anchor) if counted is anchor else counted
    if noun is None:
        return None, anchor.i + 1
    end = max(anchor.i, noun.i) + 1
    if noun.pos_ not in _NOUN_POS or noun.lemma_ in words.nouns or noun.lower_ in words.states:
        return None, end  # "four of them", "200 deaths", "61 dead"
    return _noun_text(noun, phrase.end), end


# --- 3. the kind ----------------------------------------------------------------------


def kind_of(token: Token, words: CountWords, depth: int = 0) -> str | None:
    """The count type of ``token`` (a counted noun or number): from what governs it,
    else from the word itself and its modifiers."""
    return _governed_kind(token, words, depth) or _own_kind(token, words)


def _governed_kind(token: Token, words: CountWords, depth: int) -> str | None:
    dep, head = token.dep_, token.head
    if head.i == token.i:
        return None
    if dep in ("dobj", "nsubj", "nsubjpass", "attr"):
        return verb_kind(head, dep, token, words)
    if dep == "pobj":
        return _prep_kind(head, token, words, depth)
    if dep == "conj" and head.pos_ not in _VERB_POS and depth < _MAX_DEPTH:
        return kind_of(head, words, depth + 1)  # "45 civilians and 12 soldiers"
    return None


def _prep_kind(prep: Token, token: Token, words: CountWords, depth: int) -> str | None:
    """An inclusion takes the kind of what includes it ("including 12 children"); "rose
    to 61" and "a death toll of 61" are deaths."""
    parent = prep.head
    if prep.lower_ in ("including", "among") and depth < _MAX_DEPTH:
        if parent.pos_ in _VERB_POS:  # "were killed, including two civilians"
            return verb_kind(parent, "dobj", token, words) or verb_kind(
                parent, "nsubj", token, words
            )
        return kind_of(parent, words, depth + 1)
    if prep.lower_ in _TOLL_PREPS and _is_toll(parent):
        return "KILL"
    return None


def _is_toll(token: Token) -> bool:
    return token.lemma_ == "toll" or any(
        child.dep_ in _TOLL_DEPS and child.lemma_ == "toll" for child in token.children
    )


def verb_kind(verb: Token, role: str, counted: Token, words: CountWords) -> str | None:
    """The count type that ``verb`` gives to its ``role`` (dobj, nsubj, nsubjpass or
    attr) ``counted``, or None."""
    if any(child.dep_ == "neg" for child in verb.children):
        return None
    if role != "dobj" and verb.lower_ in words.states:
        return words.states[verb.lower_]  # "more than 20 people are still missing"
    lemma = verb.lemma_
    kind = None
    if role in ("dobj", "nsubjpass"):
        kind = words.object_verbs.get(lemma) or words.either_verbs.get(lemma)
    elif role == "nsubj":
        kind = words.subject_verbs.get(lemma)
        if kind is None and not any(child.dep_ == "dobj" for child in verb.children):
            # "nine civilians wounded", "5,000 residents evacuated": no object, so the
            # subject is what the action was done to.
            kind = words.object_verbs.get(lemma) or words.either_verbs.get(lemma)
    return kind or _complement_kind(verb, role, counted, words)


def _complement_kind(verb: Token, role: str, counted: Token, words: CountWords) -> str | None:
    """Kinds written around the verb: "left 13 people dead", "are still missing",
    "forcing thousands to flee", "forced 12,000 from their homes", "are under arrest",
    "the toll passes 200", "claimed 40 lives"."""
    done_to = role in ("dobj", "nsubjpass")
    for child in verb.children:
        kind = _state_kind(child, words)
        if kind is None and done_to:
            kind = _done_to_kind(verb, child, words)
        if kind is None and role == "nsubj" and child.lower_ == "under" and _names(child, "arrest"):
            kind = "ARREST"
        if kind is None and role in ("dobj", "attr") and _is_toll_subject(child):
            kind = "KILL"
        if kind is not None:
            return kind
    if role == "dobj" and counted.lemma_ == "life" and verb.lemma_ in ("claim", "take", "cost"):
        return "KILL"
    return None


def _state_kind(child: Token, words: CountWords) -> str | None:
    """A state word completing the verb: "dead" in "left 13 people dead"."""
    if child.dep_ in _STATE_DEPS and child.lower_ in words.states:
        return words.states[child.lower_]
    return None


def _done_to_kind(verb: Token, child: Token, words: CountWords) -> str | None:
    """For the object of ``verb``: "forcing thousands to flee", "forced ... from homes"."""
    if child.dep_ == "xcomp" and child.pos_ == "VERB":
        return words.subject_verbs.get(child.lemma_) or words.either_verbs.get(child.lemma_)
    if child.dep_ == "prep" and verb.lemma_ in _FORCING and _names_home(child):
        return "DISPLACED"
    return None


def _is_toll_subject(child: Token) -> bool:
    return child.dep_ == "nsubj" and child.lemma_ == "toll"


def _names_home(prep: Token) -> bool:
    return prep.lower_ in ("from", "out") and any(t.lemma_ in _HOMES for t in prep.subtree)


def _names(prep: Token, lemma: str) -> bool:
    return any(child.lemma_ == lemma for child in prep.children)


def _own_kind(token: Token, words: CountWords) -> str | None:
    """From the counted word itself: "200 deaths", "2,000 protesters", "18,000
    displaced people", "the 3.5 million people displaced by the war", "61 dead",
    "hundreds of protesters"."""
    kind = words.nouns.get(token.lemma_) or words.people_nouns.get(token.lemma_)
    if kind:
        return kind
    for child in token.children:
        if child.dep_ == "amod" and child.lower_ in words.states:
            return words.states[child.lower_]
        if child.dep_ in ("acl", "relcl"):
            kind = _clause_kind(child, token, words)
            if kind:
                return kind
    of = _of_object(token)
    if of is not None:
        return words.people_nouns.get(of.lemma_) or words.nouns.get(of.lemma_)
    return None


def _clause_kind(verb: Token, noun: Token, words: CountWords) -> str | None:
    """A clause on the noun: "people displaced by", "people fleeing", "who were killed"."""
    if verb.dep_ == "acl":
        role = "nsubjpass" if verb.tag_ == "VBN" else "nsubj"
    else:
        relative = [c for c in verb.children if c.tag_ in ("WP", "WDT") or c.lower_ == "that"]
        if not relative or relative[0].dep_ not in ("nsubj", "nsubjpass", "dobj"):
            return None
        role = relative[0].dep_
    return verb_kind(verb, role, noun, words)


# --- 4. the qualifier and the whole count ---------------------------------------------


def _qualifier(doc: Doc, start: int) -> tuple[str | None, int]:
    """The qualifier written just before token ``start`` and where it begins."""
    for size in _QUALIFIER_LENGTHS:
        if start - size < 0:
            continue
        words = tuple(token.lower_ for token in doc[start - size : start])
        if words in _QUALIFIERS:
            return " ".join(words), start - size
    return None, start


def count_at(doc: Doc, phrase: NumberPhrase, words: CountWords) -> Count | None:
    """The count that ``phrase`` writes, or None when it is not one."""
    if _not_a_count(doc, phrase):
        return None
    anchor = _anchor(doc, phrase)
    counted = _counted(anchor)
    if counted is None:
        return None
    if counted is anchor and _YEAR.fullmatch(anchor.text):
        return None  # a year the model did not tag: "since 2019"
    kind = kind_of(counted, words)
    if kind is None:
        return None
    qualifier, start = _qualifier(doc, phrase.start)
    obj, end = _object(counted, anchor, phrase, words)
    return Count(
        kind=kind,
        number=phrase.value,
        qualifier=qualifier or phrase.vague,
        object=obj,
        start=start,
        end=max(end, phrase.end),
    )


# --- the component --------------------------------------------------------------------


class CountAnnotator:
    """Sets ``Doc._.counts`` (see the module docs)."""

    def __init__(self, words: CountWords) -> None:
        self.words = words

    def __call__(self, doc: Doc) -> Doc:
        counts = []
        for phrase in number_phrases(doc):
            count = count_at(doc, phrase, self.words)
            if count is not None:
                counts.append(count)
        doc._.counts = counts
        return doc


@Language.factory(
    "newsgraph_counts",
    # token.pos comes from the tag, through an attribute_ruler that declares nothing
    requires=["token.dep", "token.tag", "token.lemma", "doc.ents"],
    assigns=["doc._.counts"],
    default_config={"words_file": WORDS_FILE},
)
def make_counts(nlp: Language, name: str, *, words_file: str) -> CountAnnotator:
    """The ``newsgraph_counts`` component; ``words_file`` names the trigger vocabulary
    in ``newsgraph/data``."""
    register_extensions()
    return CountAnnotator(load_count_words(words_file))
