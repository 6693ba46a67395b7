"""What verbs mean for ``newsgraph_events``: the CAMEO code table, the verb patterns,
the codes of framing verbs, and how an auxiliary puts an action (its status).

* ``cameo.v1.jsonl``: every CAMEO event code (the 20 roots and all 3- and 4-digit codes)
  with its name, root, quad class (GDELT's rule: roots 01-05 verbal cooperation, 06-08
  material cooperation, 09-13 verbal conflict, 14-20 material conflict) and Goldstein
  value (GDELT's published table).
* ``verbs.v1.jsonl``: verb, noun and adjective patterns, written by
  ``scripts/convert_cameo_verbs.py`` from newsgraph's curated table and petrarch2's
  ``CAMEO.2.0.txt``. Each pattern names a lemma, the CAMEO code it signals (or none:
  "not an event") and the constraints under which it applies: a particle, object
  phrases, a preposition and its object phrases, subject phrases. See :class:`Pattern`.
* Frames (:func:`frame_code`): a framing verb's code from its complement's, along
  CAMEO's parallel sub-codes: appeal 02x, intend 03x, demand 10x, reject 12x and
  threaten 13x ("urged X to release": 0841 -> 0253).
* Phrases (:func:`phrase_in`): a pattern's words in a noun phrase, as written or as
  lemmas, among the head, its pre-modifiers and its "of" phrase ("tons of food aid").
* Status (:func:`status`) and mood (:func:`mood`): question, negated, hypothetical
  (modal verb, "if"/"unless"/"whether"), future ("will", "is set to"), else fact; and
  how a reported clause is put ("must", "will", "would").

Both files are read once per process; lookups are dict accesses.

    >>> cameo("0841").name, cameo("0841").quad_class, cameo("0841").goldstein
    ('Return, release person(s)', 2, 7.0)
    >>> [p.code for p in lexicon().verbs("impose")][:2]
    ['163', '172']
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources

from spacy.tokens import Span, Token

from newsgraph.errors import NewsgraphError

__all__ = [
    "CameoCode",
    "EventDataError",
    "FRAME_CODES",
    "Lexicon",
    "Pattern",
    "cameo",
    "cameo_codes",
    "frame_code",
    "is_infinitive",
    "lexicon",
    "longest_phrase",
    "mood",
    "phrase_in",
    "phrase_words",
    "status",
    "threat_code",
    "verb_lemma",
]

CAMEO_FILE = "cameo.v1.jsonl"
VERBS_FILE = "verbs.v1.jsonl"
MODALS = frozenset({"would", "could", "might", "may", "should", "must", "can", "'d", "ca"})
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
CONDITION_MARKS = frozenset({"if", "unless", "whether"})
# "set to meet", "due to sign", "expected to visit", "going to attack": announced only.
FUTURE_HEADS = frozenset({"set", "due", "expect", "schedule", "poise", "go"})
NEGATING_HEADS = frozenset({"fail"})
PLANNED = frozenset({"planned", "upcoming", "scheduled", "expected", "proposed", "future"})
POSSIBLE = frozenset({"possible", "potential", "likely", "hypothetical", "prospective"})
PHRASE_DEPS = frozenset({"compound", "amod", "nmod", "nummod", "poss"})
FRAMES = frozenset({"say", "appeal", "demand", "intend", "threaten", "reject", "deny", "allege"})


# Lemmas en_core_web_sm 3.0 gets wrong for verbs this module knows ("staged" -> "stag").
LEMMA_FIXES = {"stag": "stage", "hop": "hope", "rap": "rape", "boycotts": "boycott"}


def verb_lemma(token: Token) -> str:
    """The lower-case lemma of a verb, with the model's known slips corrected."""
    lemma = token.lemma_.lower()
    return LEMMA_FIXES.get(lemma, lemma) if token.pos_ == "VERB" else lemma


class EventDataError(NewsgraphError):
    """The event code table or the verb patterns are inconsistent (a package data bug)."""


@dataclass(frozen=True, slots=True)
class CameoCode:
    """One CAMEO event code."""

    code: str  # "0841"
    name: str  # "Return, release person(s)"
    root: str  # "08"
    quad_class: int  # 1 verbal cooperation ... 4 material conflict
    goldstein: float  # -10 .. 10


@dataclass(frozen=True, slots=True)
class Pattern:
    """One verb or noun pattern. Phrases are lower-case words; a phrase matches a noun
    phrase whose head and the words before it contain it ("humanitarian aid" matches
    "urgent humanitarian aid")."""

    lemma: str
    code: str | None  # None: a blocking pattern ("killed in an accident" is no event)
    pos: str = "VERB"  # or "NOUN"
    particle: str | None = None
    objects: tuple[str, ...] = ()
    prep: str | None = None
    prep_objects: tuple[str, ...] = ()
    subjects: tuple[str, ...] = ()
    target: tuple[str, ...] = ()  # slots: "dobj", "dative", "prep:on", ...
    frame: str | None = None  # the complement decides the code, see event_rules
    origin: str = "newsgraph"
    standalone: bool = True  # for nouns: an event on its own, not only as a complement
    inverse: bool = False  # the target acts on the subject: "received aid from X"
    needs_target: bool = False  # no event without a target: "helped Kenya", not "helped to"

    @property
    def specificity(self) -> int:
        """How many constraints the pattern has; the most specific match wins."""
        return (
            bool(self.particle)
            + 2 * bool(self.objects)
            + bool(self.prep)
            + 2 * bool(self.prep_objects)
            + 2 * bool(self.subjects)
        )


class Lexicon:
    """The patterns, indexed by part of speech ("VERB", "NOUN", "ADJ") and lemma."""

    def __init__(self, patterns: list[Pattern]) -> None:
        self._index: dict[tuple[str, str], list[Pattern]] = {}
        for pattern in patterns:
            self._index.setdefault((pattern.pos, pattern.lemma), []).append(pattern)
        self._size = len(patterns)

    def patterns(self, pos: str, lemma: str) -> list[Pattern]:
        """The patterns of ``lemma`` (lower case) as a ``pos``, curated ones first."""
        return self._index.get((pos, lemma), [])

    def verbs(self, lemma: str) -> list[Pattern]:
        return self.patterns("VERB", lemma)

    def nouns(self, lemma: str) -> list[Pattern]:
        return self.patterns("NOUN", lemma)

    def __len__(self) -> int:
        return self._size


def cameo(code: str) -> CameoCode:
    """The table entry of ``code``; raises :class:`EventDataError` for an unknown code."""
    table = _cameo_table()
    if code not in table:
        raise EventDataError(f"unknown CAMEO code {code!r}: see newsgraph/data/{CAMEO_FILE}")
    return table[code]


def cameo_codes() -> dict[str, CameoCode]:
    """Every CAMEO code, by code (do not mutate)."""
    return _cameo_table()


@cache
def lexicon() -> Lexicon:
    """The verb and noun patterns, loaded and checked once per process."""
    table = _cameo_table()
    patterns = [_pattern(row) for row in _read_jsonl(VERBS_FILE)]
    for pattern in patterns:
        if pattern.code is not None and pattern.code not in table:
            raise EventDataError(
                f"pattern {pattern.lemma!r} has unknown CAMEO code {pattern.code!r}: "
                f"fix scripts/convert_cameo_verbs.py and rewrite {VERBS_FILE}"
            )
        if pattern.frame is not None and pattern.frame not in FRAMES:
            raise EventDataError(f"pattern {pattern.lemma!r} has unknown frame {pattern.frame!r}")
    return Lexicon(patterns)


# --- frames: a framing verb's code from its complement's ------------------------------


def frame_code(frame: str, complement: str | None, default: str | None) -> str | None:
    """The code of a framing verb given its complement's code. With no coded complement
    (None) the frame verb's own code stands (None for "plan", "seek", "want": no
    event); a complement the frame's table does not cover gives the frame's general
    code ("urged X to attack": 020).

        >>> frame_code("appeal", "0841", "020"), frame_code("threaten", "163", "130")
        ('0253', '1312')
    """
    if complement is None or frame in ("say", "deny"):
        return default
    if frame == "intend" and complement[:2] < "09":
        found = _by_prefix(complement, INTEND)
    elif frame in ("intend", "threaten"):
        found = threat_code(complement)
    else:
        found = _by_prefix(complement, FRAME_TABLES.get(frame, {}))
    if found is None and frame == "allege":
        return default  # keeps "accused X of corruption" (1121) when the act is not covered
    return found or FRAME_CODES.get(frame, default)


def threat_code(code: str) -> str | None:
    """The threat of a conflictual action: "threatened to impose sanctions" -> 1312."""
    for prefix, threat in THREATS:
        if code.startswith(prefix):
            return threat
    return None


def _by_prefix(code: str, table: dict[str, str]) -> str | None:
    """The longest prefix of ``code`` in ``table``."""
    for size in (4, 3, 2):
        if code[:size] in table:
            return table[code[:size]]
    return None


# Complement code prefix -> the frame's code, along CAMEO 1.1b3's parallel sub-codes
# ("urged X to release" 0841 -> 0253); the longest prefix wins.
# Calling on others to protest, mobilise or sanction X is rallying opposition (113).
APPEAL = {
    "01": "020", "02": "020", "03": "020", "04": "026", "045": "028", "05": "022",
    "057": "027", "06": "021", "061": "0211", "062": "0212", "063": "0213",
    "064": "0214", "07": "023", "071": "0231", "072": "0232", "073": "0233",
    "074": "0234", "08": "025", "081": "0251", "082": "0252", "083": "024",
    "0831": "0241", "0832": "0242", "0833": "0243", "0834": "0244", "084": "0253",
    "085": "0254", "086": "0255", "087": "0256", "09": "0214", "14": "113",
    "15": "113", "16": "113",
}  # fmt: skip
DEMAND = {
    "01": "100", "02": "100", "03": "100", "04": "106", "045": "108", "05": "102",
    "057": "107", "06": "101", "061": "1011", "062": "1012", "063": "1013",
    "064": "1014", "07": "103", "071": "1031", "072": "1032", "073": "1033",
    "074": "1034", "08": "105", "081": "1051", "082": "1052", "083": "104",
    "0831": "1041", "0832": "1042", "0833": "1043", "0834": "1044", "084": "1053",
    "085": "1054", "086": "1055", "087": "1056", "09": "1014",
}  # fmt: skip
# Intentions of conflictual acts are threats: see THREATS.
INTEND = {
    "01": "030", "02": "030", "03": "030", "04": "036", "045": "039", "05": "032",
    "057": "037", "06": "031", "061": "0311", "062": "0312", "063": "0313",
    "064": "0314", "07": "033", "071": "0331", "072": "0332", "073": "0333",
    "074": "0334", "08": "035", "081": "0351", "082": "0352", "083": "034",
    "0831": "0341", "0832": "0342", "0833": "0343", "0834": "0344", "084": "0353",
    "085": "0354", "086": "0355", "087": "0356",
}  # fmt: skip
REJECT = {
    "01": "120", "02": "120", "03": "120", "04": "125", "045": "126", "05": "120",
    "057": "127", "06": "121", "061": "1211", "062": "1212", "063": "1213",
    "064": "1214", "07": "122", "071": "1221", "072": "1222", "073": "1223",
    "074": "1224", "08": "124", "081": "1241", "082": "1242", "083": "123",
    "0831": "1231", "0832": "1232", "0833": "1233", "0834": "1234", "084": "1243",
    "085": "1244", "086": "1245", "087": "1246", "09": "120",
}  # fmt: skip
# An accusation of a violent act: "accused X of attacking", "alleged that X shelled".
ALLEGE = {
    "15": "1123", "18": "1123", "19": "1123", "138": "1123", "20": "1124",
    "175": "1122", "1821": "1122", "1822": "1122", "171": "1121",
}  # fmt: skip
FRAME_TABLES = {"appeal": APPEAL, "demand": DEMAND, "reject": REJECT, "allege": ALLEGE}
# The general code of each frame, for a complement its table does not cover.
FRAME_CODES = {
    "appeal": "020", "demand": "100", "reject": "120", "intend": "030", "threaten": "130",
    "allege": "112",
}  # fmt: skip
# Checked in order, most specific prefix first.
THREATS: tuple[tuple[str, str], ...] = (
    ("161", "1313"), ("162", "1311"), ("163", "1312"), ("164", "134"), ("165", "135"),
    ("166", "136"), ("16", "131"), ("1721", "1321"), ("1722", "1322"), ("1723", "1323"),
    ("1724", "1324"), ("172", "132"), ("175", "137"), ("17", "130"), ("14", "133"),
    ("15", "138"), ("18", "1383"), ("191", "1381"), ("192", "1382"), ("19", "1384"),
    ("204", "1385"), ("20", "1383"), ("1", "130"),
)  # fmt: skip


# --- phrases: pattern words in a noun phrase ---------------------------------------------


def phrase_words(token: Token, *, depth: int = 0) -> list[tuple[str, str]]:
    """(lower, lemma) of a noun's pre-modifiers, the noun itself, and its "of" phrase
    ("part of a stronghold", "tons of food aid", "state of emergency")."""
    words = [(c.lower_, c.lemma_.lower()) for c in token.lefts if c.dep_ in PHRASE_DEPS]
    words.append((token.lower_, token.lemma_.lower()))
    if depth == 0:
        for prep in token.rights:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                words.append(("of", "of"))
                for pobj in prep.children:
                    if pobj.dep_ == "pobj":
                        words.extend(phrase_words(pobj, depth=1))
    return words


def phrase_in(token: Token, phrase: str) -> bool:
    """True when the words of ``phrase`` occur in a row among ``token``'s
    pre-modifiers and the token itself, as written or as lemmas."""
    return _phrase_in_words(phrase_words(token), phrase)


def _phrase_in_words(words: list[tuple[str, str]], phrase: str) -> bool:
    wanted = phrase.split()
    if len(wanted) == 1:
        return any(wanted[0] in pair for pair in words)
    for start in range(len(words) - len(wanted) + 1):
        if all(w in words[start + k] for k, w in enumerate(wanted)):
            return True
    return False


PhraseTable = tuple[list[list[tuple[str, str]]], set[str]]


def longest_phrase(
    tokens: list[Token],
    phrases: tuple[str, ...],
    tables: dict[tuple[int, ...], PhraseTable] | None = None,
) -> int | None:
    """Extra words (beyond one) of the longest phrase found among ``tokens``, or None.
    ``tables`` keeps the words of token lists already read (by their indices in one
    document), for the many patterns of one trigger tried on the same words."""
    if not tokens:
        return None
    key = tuple(t.i for t in tokens) if tables is not None else ()
    table = tables.get(key) if tables is not None else None
    if table is None:
        found = [phrase_words(t) for t in tokens]
        table = (found, {w for words in found for pair in words for w in pair})
        if tables is not None:
            tables[key] = table
    found, single = table
    best = None
    for phrase in phrases:
        size = phrase.count(" ")
        if best is not None and size <= best:
            continue
        if (
            size == 0
            and phrase in single
            or size
            and any(_phrase_in_words(words, phrase) for words in found)
        ):
            best = size
    return best


# --- how a verb is put: status and mood -------------------------------------------------


def status(trigger: Token, sentence: Span) -> str:
    """ "question", "negated", "hypothetical", "future" or "fact" for a trigger word."""
    if _ends_with_question(sentence):
        return "question"
    if trigger.pos_ in ("NOUN", "PROPN"):
        return _noun_status(trigger)
    if _negated(trigger):
        return "negated"
    if _hypothetical(trigger) or _aim(trigger):
        return "hypothetical"
    if _future(trigger):
        return "future"
    return "fact"


def _ends_with_question(sentence: Span) -> bool:
    for token in reversed(sentence):
        if token.is_space or token.is_quote or token.text in (")", "]"):
            continue
        return token.text == "?"
    return False


def _noun_status(noun: Token) -> str:
    words = {c.lower_ for c in noun.children if c.dep_ in ("det", "amod", "neg")}
    if "no" in words:
        return "negated"
    if words & POSSIBLE:
        return "hypothetical"
    if words & PLANNED:
        return "future"
    return "fact"


def _negated(verb: Token) -> bool:
    if any(c.dep_ == "neg" or c.lower_ == "never" for c in verb.children):
        return True
    return verb.dep_ in ("xcomp", "advcl") and verb.head.lemma_.lower() in NEGATING_HEADS


def _hypothetical(verb: Token) -> bool:
    for node in _governors(verb):
        for child in node.children:
            if child.dep_ == "aux" and child.lower_ in MODALS:
                return True
            if child.dep_ == "mark" and child.lower_ in CONDITION_MARKS:
                return True
            if child.dep_ == "advcl" and has_condition_mark(child):
                return True
    return False


def _aim(verb: Token) -> bool:
    """An aim, not an act: the to-clause of a noun ("permission to help Israel", "the
    pressure to help", "a threat to boycott"); a frame noun ("calls to release") has
    consumed it already."""
    if verb.dep_ not in ("acl", "relcl") or verb.head.pos_ not in ("NOUN", "PROPN"):
        return False
    return is_infinitive(verb)


def is_infinitive(verb: Token) -> bool:
    """ "to investigate" in "sent personnel to investigate"."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def has_condition_mark(verb: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in verb.children)


def _governors(verb: Token) -> Iterator[Token]:
    """``verb``, then the verbs it is a to-clause, purpose clause or conjunct of ("would
    not give permission to Russia to help"), then the clause it sits in when that clause
    is conditional ("if Cairo manages to convince ...")."""
    node = verb
    for _ in range(6):
        yield node
        purpose = node.dep_ == "advcl" and is_infinitive(node)  # "would not ... to help"
        if (node.dep_ in ("xcomp", "conj") or purpose) and node.head.i != node.i:
            node = node.head
        elif node.dep_ == "advcl" and has_condition_mark(node):
            return
        else:
            return


def mood(verb: Token) -> str | None:
    """How a reported clause is put: "must" ("China must drop barriers", "needs to",
    "has to", "should"), "will" (future: "will", "is going to"), "would" (a modal:
    "would", "could", "might"), else None."""
    auxes = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    if auxes & {"must", "should"} or _needs(verb):
        return "must"
    if auxes & FUTURE_AUX or _future(verb):
        return "will"
    if auxes & MODALS:
        return "would"
    return None


def _needs(verb: Token) -> bool:
    """ "needs to", "has to", "ought to": the verb is the to-clause of such a head."""
    head = verb.head
    if verb.dep_ != "xcomp" or head.i == verb.i:
        return False
    return head.lemma_.lower() in ("need", "have", "ought") and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children
    )


def _future(verb: Token) -> bool:
    for node in _governors(verb):
        if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in node.children):
            return True
        if node.dep_ == "xcomp" and node.head.lemma_.lower() in FUTURE_HEADS:
            head = node.head
            if head.lemma_.lower() != "go" or head.tag_ == "VBG":
                return True
    return False


# --- loading --------------------------------------------------------------------------


@cache
def _cameo_table() -> dict[str, CameoCode]:
    table = {}
    for row in _read_jsonl(CAMEO_FILE):
        table[row["code"]] = CameoCode(
            row["code"], row["name"], row["root"], int(row["quad_class"]), float(row["goldstein"])
        )
    return table


def _pattern(row: dict) -> Pattern:
    return Pattern(
        lemma=row["lemma"],
        code=row.get("code"),
        pos=row.get("pos", "VERB"),
        particle=row.get("particle"),
        objects=tuple(row.get("objects", ())),
        prep=row.get("prep"),
        prep_objects=tuple(row.get("prep_objects", ())),
        subjects=tuple(row.get("subjects", ())),
        target=tuple(row.get("target", ())),
        frame=row.get("frame"),
        origin=row.get("origin", "newsgraph"),
        standalone=row.get("standalone", True),
        inverse=row.get("inverse", False),
        needs_target=row.get("needs_target", False),
    )


def _read_jsonl(filename: str) -> tuple[dict, ...]:
    text = resources.files("newsgraph.data").joinpath(filename).read_text(encoding="utf-8")
    return tuple(json.loads(line) for line in text.splitlines() if line.strip())
