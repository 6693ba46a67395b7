# ruff: noqa: E501  (the curated table below keeps one pattern per line)
"""One-off converter: writes ``src/newsgraph/data/verbs.v1.jsonl``, the verb and noun
patterns of the ``newsgraph_events`` component.

    python scripts/convert_cameo_verbs.py [--petrarch DIR] [--out src/newsgraph/data]

Two sources, curated first (a curated pattern wins a tie with a converted one):

1. ``CURATED`` below: newsgraph's own patterns for international news, written in a
   one-line mini language (see :func:`parse_curated`).
2. The ``VERB PATTERNS`` section of petrarch2's ``CAMEO.2.0.txt`` (MIT, Open Event
   Data Alliance): every verb's default code, and the patterns of a simple shape —
   ``- * OBJECT [code]``, ``- * PARTICLE OBJECT [code]``, ``- * (PREP OBJECT) [code]``,
   ``- * OBJECT (PREP OBJECT) [code]`` and ``- SUBJECT * [code]`` — with its synonym
   sets (``&WEAPON``) expanded. Each pattern is attached to the verb its comment names.
   A ``[---]`` pattern becomes a blocking pattern (code null: "not an event"). Patterns
   of other shapes (several prepositional phrases, source markers ``$``) are skipped;
   the converter reports how many. Lemmas in ``DROP`` are not converted (too ambiguous
   in news text, or curated instead), nor are ``DROP_PATTERNS``; a verb keeps its
   block's default code only when it is in ``KEEP_DEFAULTS``. Codes petrarch2 uses
   beyond CAMEO 1.1b3 are mapped by ``CODE_FIXES``.

One JSON object per line; absent keys mean "no constraint":

``lemma``, ``pos`` ("VERB", "NOUN" or "ADJ"), ``code`` (a CAMEO code, or null for "not
an event"), ``particle``, ``objects`` (phrases, any of which the object or a complement
verb must show; ``*clause``: a that-clause, ``*whether``: a whether-clause),
``prep`` and ``prep_objects`` (a preposition, and phrases its object must show),
``subjects``, ``target`` (where the target is, e.g. ``["prep:on"]``), ``frame``
(``say``, ``appeal``, ``demand``, ``intend``, ``threaten``, ``reject``, ``deny``,
``allege``: a verb whose complement decides the code), ``standalone`` (false: a noun
that is only a complement, "called for aid"), ``inverse`` (the target acts:
"received aid from X"), ``needs_target``, ``origin`` ("newsgraph" or "petrarch2").
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
from collections import Counter
from pathlib import Path

DEFAULT_PETRARCH = Path("/work/shared/benchmarks/petrarch2-dictionaries")
DEFAULT_OUT = Path(__file__).resolve().parents[1] / "src" / "newsgraph" / "data"

PARTICLES = frozenset(
    {"up", "out", "off", "down", "back", "away", "forward", "aside", "over", "through",
     "together", "along", "apart", "in", "on"}
)  # fmt: skip
MAX_ALTERNATIVES = 60
_CODE = re.compile(r"\[([^\]]*)\]")
_TOKENS = re.compile(r"\{[^}]*\}|\([^)]*\)|[^\s(){}]+")
MARKERS = frozenset({"$", "+", "^", "%"})


# --- petrarch parsing -----------------------------------------------------------------


def _code(raw: str) -> str | None:
    """The event code of a ``[...]`` field: the first of a pair, None for ``---``."""
    for part in raw.split(":"):
        match = re.match(r"\s*(\d{2,4})", part)
        if match:
            return match.group(1)
        if "---" in part:
            return None
    return None


def parse_synsets(text: str) -> dict[str, list[str]]:
    """``&NAME`` -> its member words, lower case (``+CASH_`` -> ``cash``)."""
    sets: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in text.splitlines():
        body = line.split("#", 1)[0].strip()
        if body.startswith("&"):
            current = sets.setdefault(body.split()[0], [])
        elif body.startswith("+") and current is not None:
            current.append(" ".join(body[1:].replace("_", " ").split()).lower())
        elif not body:
            continue
        else:
            current = None
    return sets


def _unit(raw: str, synsets: dict[str, list[str]]) -> list[str] | None:
    """A pattern word, ``{PHRASE}`` or ``&SET`` as lower-case alternatives."""
    words = raw.strip("{}").split()
    choices: list[list[str]] = []
    for word in words:
        if word in MARKERS:
            continue
        if word.startswith("&"):
            members = synsets.get(word)
            if not members:
                return None
            choices.append(members)
        else:
            choices.append([word.replace("_", " ").strip().lower()])
    if not choices:
        return None
    phrases = [" ".join(combo) for combo in itertools.product(*choices)]
    return phrases[:MAX_ALTERNATIVES]


def parse_pattern(body: str, synsets: dict[str, list[str]]) -> dict | None:
    """The constraints of one ``- ... * ... [code]`` line, or None for other shapes."""
    tokens = _TOKENS.findall(body)
    if "*" not in tokens or "$" in tokens:
        return None
    star = tokens.index("*")
    before = [t for t in tokens[:star] if t not in MARKERS]
    after = [t for t in tokens[star + 1 :] if t not in MARKERS]
    pattern: dict = {}
    if len(before) > 1:
        return None
    if before:
        if (subjects := _unit(before[0], synsets)) is None:
            return None
        pattern["subjects"] = subjects
    groups = [t for t in after if t.startswith("(")]
    plain = [t for t in after if not t.startswith("(")]
    if len(groups) > 1 or len(plain) > 2:
        return None
    if groups and after.index(groups[0]) < len(plain):
        return None  # words after the prepositional phrase
    if not _plain_parts(plain, pattern, synsets):
        return None
    if groups and not _group(groups[0], pattern, synsets):
        return None
    return pattern


def _plain_parts(plain: list[str], pattern: dict, synsets: dict[str, list[str]]) -> bool:
    if len(plain) == 2:
        if plain[0].lower() not in PARTICLES:
            return False
        pattern["particle"] = plain[0].lower()
        plain = plain[1:]
    if len(plain) == 1:
        if plain[0].lower() in PARTICLES and "particle" not in pattern:
            pattern["particle"] = plain[0].lower()
            return True
        objects = _unit(plain[0], synsets)
        if objects is None:
            return False
        pattern["objects"] = objects
    return True


def _group(group: str, pattern: dict, synsets: dict[str, list[str]]) -> bool:
    inner = _TOKENS.findall(group[1:-1])
    if not inner or inner[0] in MARKERS or inner[0].startswith(("&", "{")):
        return False
    pattern["prep"] = inner[0].lower()
    if "+" in inner:
        pattern["target"] = ["prep:" + pattern["prep"]]
    rest = [t for t in inner[1:] if t not in MARKERS]
    if rest:
        objects = _unit(" ".join(t.strip("{}") for t in rest), synsets)
        if objects is None:
            return False
        pattern["prep_objects"] = objects
    return True


def _verb_entry(body: str) -> tuple[str, str, str | None, list[str]] | None:
    """(form key, lemma, particle, inflected keys) of a verb line; None if unusable."""
    head = body.split("[", 1)[0]
    inflections = re.findall(r"\{([^}]*)\}", head)
    form = head.split("{", 1)[0].split()[0] if head.split() else ""
    words = form.lstrip("+").strip("_").split("_")
    if not words or not words[0].isalpha() or len(words) > 2:
        return None
    if len(words) == 2 and re.search(r"(ED|ING)$", words[0]):
        return None
    key = form.lstrip("+").strip("_")
    particle = words[1].lower() if len(words) == 2 else None
    others = [w.lstrip("+").strip("_") for w in " ".join(inflections).split()]
    return key, words[0].lower(), particle, others


def parse_verbs(text: str, synsets: dict[str, list[str]]) -> tuple[list[dict], Counter]:
    """Every usable verb default and pattern of the ``VERB PATTERNS`` section."""
    section = text.split("####### VERB PATTERNS #######", 1)[1]
    section = section.split("######## TRANSFORMATIONS", 1)[0]
    rows: list[dict] = []
    stats: Counter = Counter()
    for block in re.split(r"\n(?=---\s)", section):
        _parse_block(block, synsets, rows, stats)
    return rows, stats


def _parse_block(
    block: str, synsets: dict[str, list[str]], rows: list[dict], stats: Counter
) -> None:
    lines = block.splitlines()
    if not lines or not lines[0].startswith("---"):
        return
    header = _CODE.search(lines[0])
    default = _code(header.group(1)) if header else None
    verbs: dict[str, tuple[str, str | None]] = {}
    for line in lines[1:]:
        body = line.split("#", 1)[0].rstrip()
        if not body.strip() or body.startswith("-"):
            continue
        entry = _verb_entry(body)
        if entry is None:
            stats["verb lines skipped"] += 1
            continue
        key, lemma, particle, others = entry
        for form in [key, *others]:
            verbs.setdefault(form, (lemma, particle))
        found = _CODE.search(body)
        code = _code(found.group(1)) if found else default
        if code is not None:
            rows.append(_row(lemma, code, {"particle": particle} if particle else {}))
            stats["verb defaults"] += 1
    for line in lines[1:]:
        if line.startswith("-"):
            _parse_pattern_line(line, verbs, synsets, rows, stats)


def _parse_pattern_line(
    line: str, verbs: dict, synsets: dict, rows: list[dict], stats: Counter
) -> None:
    body, _, comment = line[1:].partition("#")
    found = _CODE.search(body)
    if found is None:
        stats["patterns skipped"] += 1
        return
    owner = re.split(r"[\s,]+", comment.strip())[0] if comment.strip() else ""
    if owner not in verbs:
        stats["patterns without a known verb"] += 1
        return
    pattern = parse_pattern(body[: found.start()], synsets)
    if pattern is None:
        stats["patterns skipped"] += 1
        return
    lemma, particle = verbs[owner]
    if particle and "particle" not in pattern:
        pattern["particle"] = particle
    rows.append(_row(lemma, _code(found.group(1)), pattern))
    stats["patterns converted"] += 1


def _row(lemma: str, code: str | None, constraints: dict, *, origin: str = "petrarch2") -> dict:
    return {"lemma": lemma, "code": CODE_FIXES.get(code, code), **constraints, "origin": origin}


# Codes petrarch2 uses that are not in CAMEO 1.1b3 (cameo.v1.jsonl): the cyber-attack
# code of later drafts, and a sub-code of "employ aerial weapons".
CODE_FIXES = {"176": "170", "1951": "195", "1952": "195"}


# --- curated patterns ---------------------------------------------------------------


def parse_curated(text: str) -> list[dict]:
    """Rows of the curated mini language, one pattern a line::

        lemma[+particle][|lemma[+particle] ...] CODE [key=value ...]

    Several ``|``-separated lemmas share the rest of the line: one row each, in order.
    CODE is a CAMEO code or ``-`` (not an event). Keys: ``obj``, ``prep`` (``prep=for``
    or ``prep=for:ceasefire|truce``), ``subj``, ``target`` (``|``-separated slots),
    ``frame``, ``pos``, ``only=complement``, ``inverse=1``, ``need=target``.
    Alternatives are separated by ``|``, words of a phrase by ``_``.
    """
    rows = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        heads, code, *options = line.split()
        for head in heads.split("|"):
            lemma, _, particle = head.partition("+")
            row: dict = {"lemma": lemma.replace("_", " "), "code": None if code == "-" else code}
            if particle:
                row["particle"] = particle
            for option in options:
                key, _, value = option.partition("=")
                _curated_option(row, key, value)
            row["origin"] = "newsgraph"
            rows.append(row)
    return rows


def _curated_option(row: dict, key: str, value: str) -> None:
    def phrases(raw: str) -> list[str]:
        return [p.replace("_", " ") for p in raw.split("|") if p]

    if key == "obj":
        row["objects"] = phrases(value)
    elif key == "subj":
        row["subjects"] = phrases(value)
    elif key == "prep":
        prep, _, objects = value.partition(":")
        row["prep"] = prep
        if objects:
            row["prep_objects"] = phrases(objects)
    elif key == "target":
        row["target"] = value.split("|")
    elif key in ("frame", "pos"):
        row[key] = value
    elif key == "only" and value == "complement":
        row["standalone"] = False
    elif key == "inverse" and value == "1":
        row["inverse"] = True
    elif key == "need" and value == "target":
        row["needs_target"] = True
    else:
        raise ValueError(f"unknown curated option {key!r} in {row['lemma']!r}")


# --- main -----------------------------------------------------------------------------


def build(petrarch: Path) -> tuple[list[dict], Counter]:
    text = (petrarch / "CAMEO.2.0.txt").read_text(encoding="latin-1")
    synsets = parse_synsets(text.split("####### VERB PATTERNS #######", 1)[0])
    converted, stats = parse_verbs(text, synsets)
    curated = parse_curated(CURATED)
    curated_defaults = {r["lemma"] for r in curated if _is_default(r)}
    kept = []
    seen = set()
    for row in converted:
        if row["lemma"] in DROP or _dropped_pattern(row):
            stats["dropped"] += 1
            continue
        if _is_default(row) and row["lemma"] in curated_defaults:
            stats["defaults replaced by curated"] += 1
            continue
        if _is_default(row) and row["lemma"] not in KEEP_DEFAULTS:
            stats["defaults not kept"] += 1
            continue
        if _is_default(row) and row["code"] == "010":
            row["frame"] = "say"
        key = json.dumps(row, sort_keys=True)
        if key in seen:
            continue
        seen.add(key)
        kept.append(row)
    stats["curated"] = len(curated)
    return curated + kept, stats


def _is_default(row: dict) -> bool:
    return not any(k in row for k in ("particle", "objects", "prep", "subjects", "pos"))


def _dropped_pattern(row: dict) -> bool:
    return (row["lemma"], tuple(row.get("objects", ())), row.get("prep")) in DROP_PATTERNS


def write_jsonl(path: Path, rows: list[dict]) -> None:
    lines = (json.dumps(row, ensure_ascii=False) for row in rows)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--petrarch", type=Path, default=DEFAULT_PETRARCH)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    rows, stats = build(args.petrarch)
    write_jsonl(args.out / "verbs.v1.jsonl", rows)
    for name, count in sorted(stats.items()):
        print(f"{name}: {count}")  # noqa: T201
    print(f"wrote {len(rows)} patterns to {args.out / 'verbs.v1.jsonl'}")  # noqa: T201


# --- curated tables -------------------------------------------------------------------

# Lemmas whose petrarch2 entries are not converted: ambiguous in news prose ("say" is
# coded here through its complement; "hold", "make", "take", "give" are light verbs
# whose petrarch2 patterns need the object to decide, and are curated below).
DROP = frozenset(
    {"say", "tell", "report", "will", "would", "hold", "make", "take", "give", "get", "have",
     "be", "do", "go", "come", "see", "know", "think", "believe", "expect", "need", "want",
     "seem", "appear", "look", "become", "remain", "continue", "begin", "start", "add",
     "put", "set", "keep", "let", "leave", "turn", "show", "find", "use", "work", "run",
     "move", "bring", "carry", "follow", "include", "mark", "reach", "face", "open",
     "close", "help", "try", "seek", "lead", "head", "meet", "visit", "host", "accuse",
     "call", "ask", "urge", "agree", "sign", "kill", "attack", "strike", "fire", "release",
     "free", "arrest", "detain", "protest", "demand", "threaten", "warn", "reject",
     "refuse", "deny", "decline", "pledge", "promise", "vow", "offer", "send", "deploy",
     "impose", "lift", "ease", "withdraw", "pull", "cut", "suspend", "expel", "seize",
     "capture", "launch", "hit", "target", "stage", "order", "press", "push", "claim",
     "state", "note", "describe", "welcome", "receive", "support", "back", "cooperate",
     "condemn", "criticize", "criticise", "praise", "block", "end", "stop", "halt",
     "return", "hand", "win", "lose", "fall", "rise", "raise", "drop", "pass", "join",
     "form", "plan", "prepare", "consider", "announce", "declare", "recognize",
     "recognise", "mention", "explain", "express", "comment", "argue", "insist", "stress",
     "charge", "blame", "fight", "clash", "shell", "bomb", "invade", "occupy", "kidnap",
     "abduct", "talk", "discuss", "negotiate", "mediate", "broker", "provide", "supply",
     "deliver", "aid", "assist", "fund", "donate", "investigate", "probe", "sanction",
     "boycott", "demonstrate", "rally", "march", "riot", "mobilize", "mobilise", "attend",
     "sentence", "jail", "convict", "shoot", "wound", "injure", "destroy", "burn",
     "damage", "loot", "raid", "storm", "ambush", "besiege", "blockade", "annex",
     "deport", "evacuate", "flee", "hope", "sue", "force", "pardon", "allow", "permit", "pressure", "accept", "cancel", "arm", "fear", "worry", "doubt", "question", "ignore"}
)  # fmt: skip
# petrarch2 gives every verb of a synonym block (mostly WordNet synonyms) the block's
# code; in news prose most of them mean something else ("manage", "control", "conduct"
# would be material cooperation, "die" a military attack). Only these keep their
# block's code as a default; their object and preposition patterns are kept in any case.
KEEP_DEFAULTS = frozenset(
    """
    articulate cite clarify convey detail disclose echo elucidate emphasise emphasize
    highlight inform outline proclaim repeat restate underline underscore utter predict
    speak deliberate refute advise advocate counsel petition recommend solicit assure
    guarantee proffer apprise communicate contact converse huddle notify reinvite ally
    collaborate coordinate acclaim admire appreciate compliment extol felicitate greet
    legitimise legitimize reassure salute toast formalize bankroll buy import purchase
    underwrite airlift rescue shelter accede acquiesce capitulate cede
    compromise conciliate consent disengage obey relinquish retract waive bow
    acquit decriminalise decriminalize legalise legalize exonerate absolve audit
    interrogate monitor reexamine scrutinize scrutinise clamor clamour entreat exhort
    adjure bemoan challenge contest contradict disagree dispute dissent lament wrangle
    admonish belittle chastise denigrate deride disparage impugn jeer lambaste
    malign mock pillory remonstrate reprimand reproach ridicule scoff scorn slander snub
    brand abhor fault implicate overrule shelve marshal muster overfly parade rescind
    blackmail compel crackdown incarcerate penalize penalise pressure punish quell
    subdue commandeer nationalise nationalize pirate steal vandalise vandalize bar
    criminalise criminalize fine forbid outlaw prohibit proscribe interdict confine
    rearrest banish exile abuse bludgeon cane flog kick mistreat rampage scuffle slap
    strangle terrorize terrorise whip annihilate blitz combat decimate defeat duel foray
    overpower pelt pillage plunder ransack ravage repel repulse retaliate skirmish slay
    snipe butcher
    """.split()
)
DROP_PATTERNS: frozenset[tuple[str, tuple[str, ...], str | None]] = frozenset()

# lemma[+particle] CODE options (see parse_curated). Frames: the complement decides.
CURATED = """
# 01 statements. "say" is a statement only when nothing is coded in what was said.
say 010 frame=say
tell 010 frame=say target=dobj|dative
state 010 frame=say
announce 010 frame=say
declare 010 frame=say
note 010 frame=say
stress 010 frame=say
insist 010 frame=say
reiterate 010 frame=say
explain 010 frame=say
add 010 frame=say
comment 010 frame=say
remark 010 frame=say
assert 010 frame=say
affirm 010 frame=say
confirm 010 frame=say
argue 010 frame=say
claim 010 frame=say
claim 015 obj=responsibility|credit
acknowledge 015
admit 015
deny 016 frame=deny
deny 120 obj=access|entry|permission|request|visa|permit|application|allocation|landing|passage|admission
renege 120 prep=on
decline 011 obj=comment
refuse 011 obj=comment
express 012 obj=concern|alarm|fear|dismay|regret|frustration|disappointment|pessimism|doubt|skepticism|scepticism|unease
express 013 obj=hope|optimism|confidence|satisfaction|relief|appreciation|gratitude
express 018 obj=condolence|sympathy|solidarity|sorrow|grief
express 051 obj=support
offer 018 obj=condolence|sympathy
warn 012 prep=of
consider 014
weigh 014
mull 014
mourn 017
commemorate 017
# 02 appeals
appeal 020 frame=appeal target=prep:to|prep:on
urge 020 frame=appeal target=dobj
call 020 prep=on frame=appeal target=prep:on
call 020 prep=for frame=appeal
ask 020 frame=appeal target=dobj|dative
ask - obj=*whether
request 020 frame=appeal
plead 020 frame=appeal target=prep:with
implore 020 frame=appeal target=dobj
encourage 020 frame=appeal target=dobj
invite 020 frame=appeal target=dobj
press 020 prep=for frame=appeal
beg 020 frame=appeal target=dobj
# 03 intent
pledge 030 frame=intend
promise 030 frame=intend target=dative|dobj
vow 030 frame=intend
offer 030 frame=intend target=dative|prep:to
agree 030 frame=intend target=prep:with
plan - frame=intend
intend - frame=intend
commit 030 frame=intend
seek - frame=intend
seek 020 obj=help|aid|support|assistance|asylum|refuge|protection|funding|loan
aim - frame=intend
decide - frame=intend
resolve - frame=intend
volunteer - frame=intend
swear - frame=intend
committed 030 frame=intend pos=ADJ
propose - frame=intend target=prep:to
want - frame=intend
hope - frame=intend
willing 030 frame=intend pos=ADJ
ready 030 frame=intend pos=ADJ
prepared 030 frame=intend pos=ADJ
determined - frame=intend pos=ADJ
eager - frame=intend pos=ADJ
keen - frame=intend pos=ADJ
opposed 120 pos=ADJ target=prep:to
# 04 consult
meet 040 target=dobj|prep:with
talk 040 target=prep:with
hold 046 obj=talk|negotiation target=prep:with
hold 040 obj=meeting|consultation|discussion|summit|call target=prep:with
hold 041 obj=phone_call|telephone_call|call target=prep:with
discuss 040 target=prep:with
consult 040 target=dobj|prep:with
confer 040 target=prep:with
convene 040
speak 040 prep=with target=prep:with
speak 041 prep=by:phone|telephone target=prep:with
phone 041 target=dobj
telephone 041 target=dobj
call 041 obj=counterpart target=dobj
visit 042 target=dobj
travel 042 prep=to target=prep:to
arrive 042 prep=in target=prep:in
arrive 0861 subj=peacekeeper|peacekeeping_troop|peacekeeping_force|blue_helmet|peacekeeping_mission
fly 042 prep=to target=prep:to
host 043 target=dobj
receive 0862 obj=observer|inspector|monitor target=dobj
receive 043 obj=delegation|envoy|minister|president|leader|counterpart|prime_minister|foreign_minister|ambassador|mission|visitor target=dobj
receive 070 obj=aid|assistance|help|support|relief target=prep:from inverse=1
receive 071 obj=loan|grant|fund|funding|money|credit target=prep:from inverse=1
receive 072 obj=weapon|arm|missile|ammunition|tank|drone target=prep:from inverse=1
receive 030 obj=assurance|pledge|promise|guarantee target=prep:from inverse=1
welcome 043 obj=delegation|envoy|minister|president|leader|counterpart|prime_minister|foreign_minister target=dobj
mediate 045 target=prep:between
broker 045
negotiate 046 target=prep:with
bargain 046 target=prep:with
attend 042 target=dobj
# 05 diplomatic cooperation
praise 051 target=dobj
commend 051 target=dobj
hail 051 target=dobj
applaud 051 target=dobj
laud 051 target=dobj
endorse 051 target=dobj
welcome 051 target=dobj
thank 051 target=dobj
congratulate 051 target=dobj
back 051 target=dobj
support 051 target=dobj
defend 052 target=dobj
rally 053 obj=support target=prep:for
recognise 054 target=dobj
recognize 054 target=dobj
apologise 055 target=prep:to
apologize 055 target=prep:to
forgive 056 target=dobj
sign 057 target=prep:with
ratify 057
conclude 057 obj=agreement|deal|accord|treaty|pact target=prep:with
reach 030 obj=agreement|deal|accord|consensus|understanding|accommodation target=prep:with
reach 037 obj=settlement|compromise target=prep:with
reach 0871 obj=truce|ceasefire|armistice target=prep:with
strike 057 obj=deal|agreement|accord|bargain target=prep:with
seal 057 obj=deal|agreement|accord target=prep:with
cooperate 050 target=prep:with
cooperate 061 prep=on:trade|economy|energy|investment|infrastructure target=prep:with
cooperate 062 prep=on:security|defence|defense|counter-terrorism|counterterrorism|military|terrorism target=prep:with
cooperate 063 prep=on:extradition|investigation|justice|crime target=prep:with
cooperate 064 prep=on:intelligence target=prep:with
conduct 062 obj=joint_patrol|joint_exercise|joint_drill|joint_operation|joint_military_exercise target=prep:with
hold 062 obj=joint_patrol|joint_exercise|joint_drill|joint_military_exercise target=prep:with
launch 062 obj=joint_patrol|joint_exercise|joint_drill|joint_operation target=prep:with
restore 050 obj=tie|relation|diplomatic_relation target=prep:with
normalise 050 obj=tie|relation target=prep:with
normalize 050 obj=tie|relation target=prep:with
# Building a relationship is diplomatic cooperation ("deepened ties with", "seek to strengthen the partnership").
deepen|strengthen|improve|expand|boost|enhance|bolster|cement|broaden|mend|repair|consolidate|warm 050 obj=tie|relation|partnership|cooperation|friendship|alliance|bond|dialogue target=prep:with
# 06 material cooperation
trade 061 target=prep:with
invest 061 target=prep:in
train 062 obj=troop|soldier|force|army|police|officer
extradite 063 target=prep:to
share 064 obj=intelligence|information|data|expertise|evidence|know-how|technology target=prep:with
# 07 aid
give 071 obj=grant|loan|money|fund|funding|credit|dollar|euro|million|billion target=dative|prep:to
give 070 obj=aid|assistance|help|support|relief target=dative|prep:to
give 073 obj=food|medicine|humanitarian_aid|shelter|tent target=dative|prep:to
give 072 obj=weapon|arm|missile|ammunition|tank|military_aid target=dative|prep:to
give 075 obj=asylum|refuge target=dative|prep:to
aid 070 target=dobj need=target
assist 070 target=dobj need=target
help 070 target=dobj need=target
provide 070 obj=aid|assistance|support|help|relief target=prep:to|dative
provide 073 obj=humanitarian_aid|food|medicine|shelter|humanitarian_assistance|relief|tent|water|vaccine target=prep:to|dative
provide 072 obj=weapon|arm|missile|ammunition|military_aid|military_assistance|tank|drone|air_defence|air_defense target=prep:to|dative
provide 071 obj=loan|fund|funding|money|credit|grant|financial_aid|financial_assistance|economic_aid target=prep:to|dative
send 070 obj=aid|assistance|help|relief target=prep:to|dative
send 073 obj=humanitarian_aid|food|medicine|tent|humanitarian_assistance|supply|convoy target=prep:to|dative
send 072 obj=weapon|arm|missile|ammunition|tank|drone|military_aid target=prep:to|dative
send 074 obj=peacekeeper|peacekeeping_force|peacekeeping_troop target=prep:to
send 154 obj=troop|soldier|force|warship|reinforcement|army|tank|police target=prep:to
deliver 070 obj=aid|assistance|help|relief target=prep:to
deliver 073 obj=humanitarian_aid|food|medicine|supply|fuel|water target=prep:to
deliver 072 obj=weapon|arm|missile|ammunition|tank|drone target=prep:to
supply 072 obj=weapon|arm|missile|ammunition|tank|drone target=prep:to|dative
supply 070 target=prep:to|dative
donate 071 target=prep:to
fund 071 target=dobj
finance 071 target=dobj
lend 071 target=dative|prep:to
grant 075 obj=asylum target=dative|prep:to
grant 071 obj=loan|fund|aid|grant target=dative|prep:to
arm 072 target=dobj
disburse 071 target=prep:to
allocate 071 obj=fund|money|aid|million|billion|dollar|budget|grant target=prep:to|prep:for
airdrop 073 target=prep:to
ship 073 obj=aid|food|medicine|supply|relief|grain|fuel target=prep:to
ship 072 obj=weapon|arm|missile|ammunition|tank|drone target=prep:to
sell 072 obj=weapon|arm|missile|jet|tank|drone|fighter_jet|warship|submarine|air_defence_system target=prep:to|dative
sell 061 obj=oil|gas|grain|wheat|electricity|power|goods target=prep:to|dative
export 061 target=prep:to
evacuate 073 obj=wounded|civilian|refugee|casualty|resident|people|child|patient|injured
# 08 yield
yield 080
concede 080
ease 081 obj=restriction|rule|measure
ease 0814 obj=emergency_measure|state_of_emergency|martial_law|emergency_rule
ease 0813 obj=curfew
ease 085 obj=sanction|embargo|boycott|tariff
ease 0872 obj=blockade|siege
lift 081 obj=restriction|ban
lift 0812 obj=ban_on_party
lift 0813 obj=curfew
lift 0814 obj=state_of_emergency|martial_law|emergency
lift 085 obj=sanction|embargo|boycott|tariff
lift 0872 obj=blockade|siege
release 0841 target=dobj
release 0841 obj=hostage|prisoner|detainee|captive|journalist|activist|soldier target=dobj
release 0842 obj=asset|fund|property|body|remains|ship|vessel|tanker
release 010 obj=statement|report|video|footage|figure|data|document|recording|image|photo
free 0841 target=dobj
return 0842 obj=body|remains|territory|land|property|asset|weapon|arm|equipment|helicopter|aircraft|ship|vessel target=prep:to
hand+over 0841 obj=hostage|prisoner|detainee|captive|suspect target=prep:to
hand+over 073 obj=medicine|food|humanitarian_aid|supply|relief target=prep:to
hand+over 070 obj=aid|assistance target=prep:to
exchange 0841 obj=prisoner|hostage|detainee|captive|body target=prep:with
swap 0841 obj=prisoner|hostage|detainee|captive target=prep:with
allow 0863 obj=aid|humanitarian_aid|convoy|aid_convoy|delivery
allow 0862 obj=inspector|monitor|observer
allow 0861 obj=peacekeeper
admit 0862 obj=inspector|monitor|observer
withdraw 0874 obj=troop|force|soldier|unit|army|fighter target=prep:from
withdraw 0874 target=prep:from
withdraw 1661 obj=peacekeeper|peacekeeping_force|peacekeeping_troop|peacekeeping_mission|blue_helmet
withdraw 1662 obj=inspector|monitor|observer|weapons_inspector
withdraw 1663 obj=aid_worker|aid_agency|humanitarian_worker
withdraw 164 prep=from:talk|negotiation|dialogue
withdraw 161 obj=ambassador|envoy|diplomat
withdraw 166 prep=from:deal|agreement|treaty|accord|pact|mission|force
withdraw+from 166 prep=from:deal|agreement|treaty|accord|pact
pull+out 0874 target=prep:of
pull+back 0874
retreat 0874
surrender 0874
demobilise 0873
demobilize 0873
disarm 0873
resign 0831
step+down 0831
declare 0871 obj=ceasefire|truce
declare 1724 obj=state_of_emergency|state_of_siege|martial_law|emergency
declare 1723 obj=curfew
announce 0871 obj=ceasefire|truce
observe 0871 obj=ceasefire|truce
accept 083 obj=demand|request|condition|call target=prep:from
accept 030 obj=plan|proposal|offer|formula|deal|agreement|invitation|compromise|settlement target=prep:from
accept 038 obj=mediation|mediator target=prep:from
cancel 081 obj=restriction|ban
cancel 0813 obj=curfew
cancel 160 obj=visit|trip|meeting|talk|summit|contract|agreement target=prep:to|prep:with
shorten 0813 obj=curfew
call+off 082 obj=strike|protest|demonstration|boycott|rally|march
call+off 164 obj=talk|meeting|negotiation|summit
call+off 087 obj=offensive|attack|operation|assault
evacuate 0874 obj=settlement|base|position|outpost|territory|garrison
upgrade 050 obj=tie|relation|diplomatic_tie target=prep:with
allow 080 target=dobj need=target
permit 080 target=dobj need=target
let 0841 obj=free|go target=dobj
pardon 0841 target=dobj
back+down 080
relent 080
comply 080 prep=with target=prep:with
abandon 080 obj=plan|demand|claim|bid|policy|project
drop 080 obj=charge|demand|claim|case|objection|opposition|condition
withdraw 0832 obj=bill|law|decree|proposal|policy|plan|reform
scrap 0832 obj=law|bill|plan|policy|tax|decree|rule|project
repeal 0832 obj=law|bill|decree|ban|rule|measure
reopen 0872 obj=border|crossing|border_crossing|corridor|road|airport|port|route
open 0872 obj=border|crossing|border_crossing|humanitarian_corridor|corridor|airspace
# 09 investigate
investigate 090 target=dobj
probe 090 target=dobj
inspect 090
examine 090
open 090 obj=investigation|inquiry|probe
launch 090 obj=investigation|inquiry|probe
put 090 prep=under:investigation|scrutiny|surveillance
# 10 demand
demand 100 frame=demand target=prep:from
insist 100 prep=on frame=demand
order 100 frame=demand target=dobj
press 100 frame=demand target=dobj
pressure 100 frame=demand target=dobj
pressurise 100 frame=demand target=dobj
pressurize 100 frame=demand target=dobj
issue 139 obj=ultimatum target=prep:to
# 11 disapprove
criticise 111 target=dobj
criticize 111 target=dobj
condemn 111 target=dobj
denounce 111 target=dobj
decry 111 target=dobj
deplore 111 target=dobj
slam 111 target=dobj
blast 111 target=dobj
rebuke 111 target=dobj
censure 111 target=dobj
castigate 111 target=dobj
lambast 111 target=dobj
berate 111 target=dobj
scold 111 target=dobj
chide 111 target=dobj
attack 111 obj=policy|decision|plan|remark|comment|statement|stance|proposal|law|bill|move
disapprove 110 target=prep:of
question 110
object 110 prep=to target=prep:to
oppose 110 target=dobj
accuse 112 target=dobj frame=allege
accuse 1121 target=dobj prep=of:corruption|fraud|bribery|crime|theft|smuggling|embezzlement|money_laundering frame=allege
accuse 1122 target=dobj prep=of:abuse|torture|human_rights_abuse|rights_abuse|repression frame=allege
accuse 1123 target=dobj prep=of:aggression|attack|incursion|invasion|provocation|violation frame=allege
accuse 1124 target=dobj prep=of:war_crime|genocide|atrocity|massacre|crime_against_humanity frame=allege
accuse 1125 target=dobj prep=of:spying|espionage|treason|sabotage frame=allege
blame 112 target=dobj|prep:on frame=allege
allege 112 frame=allege
charge 112 frame=say
sue 115 target=dobj
complain 114 target=prep:to|prep:about
summon 114 obj=ambassador|envoy|charge_d'affaires|diplomat target=dobj
lodge 114 obj=protest|complaint target=prep:with
file 114 obj=protest|complaint target=prep:with
file 115 obj=lawsuit|suit|case|complaint target=prep:against
convict 116 target=dobj
# 12 reject
reject 120 frame=reject target=dobj
refuse 120 frame=reject
decline 120 frame=reject
rebuff 120 target=dobj
dismiss 120 obj=appeal|plea|offer|claim|allegation|accusation|report|charge|demand|call|proposal|offer|plan|idea|criticism|request
rule+out 120 frame=reject
turn+down 120 frame=reject
spurn 120 target=dobj
veto 129
defy 128 target=dobj
violate 128 obj=ban|law|rule|order|resolution|embargo|curfew|sanction|norm|constitution
boycott 125 obj=talk|meeting|summit|negotiation|election|vote|conference|session
# 13 threaten
threaten 130 frame=threaten target=dobj
warn 012 frame=threaten target=dobj
menace 130 target=dobj
# 14 protest
protest 141
protest 110 obj=*clause
protest 114 prep=to target=prep:to
demonstrate 141
rally 141
march 141
picket 141
strike 143 subj=worker|union|teacher|doctor|nurse|miner|driver|employee|staff|trader|lawyer|student
strike 143 prep=over
go 143 prep=on:strike
boycott 143
riot 145
block 144 obj=road|highway|street|bridge|entrance|route|access|border_crossing|railway|port|transport|traffic|supply
barricade 144
# 15 force posture
mobilise 154
mobilize 154
deploy 154 target=prep:to
mass 154 obj=troop|force|soldier|tank
reinforce 154
station 154 target=prep:in
patrol 150
stage 150 obj=drill|exercise|war_game|manoeuvre|maneuver|military_exercise|live-fire_drill
stage 142 obj=hunger_strike
stage 141 obj=protest|demonstration|rally|march|sit-in|vigil
stage 143 obj=strike|walkout|boycott
hold 141 obj=protest|demonstration|rally|march|sit-in|vigil
conduct 150 obj=drill|exercise|war_game|manoeuvre|maneuver|military_exercise|live-fire_drill
hold 150 obj=drill|exercise|war_game|manoeuvre|maneuver|military_exercise|live-fire_drill
launch 150 obj=drill|exercise|war_game|manoeuvre|maneuver
put 152 prep=on:alert|high_alert
remain 152 prep=on:alert|high_alert
strengthen 154 obj=force|troop|presence|military|garrison
boost 154 obj=force|troop|military_presence|garrison
increase 154 obj=troop|force|military_presence|garrison
reinforce 154 obj=troop|force|position|garrison
# 16 reduce relations
sever 161 obj=tie|relation|link|diplomatic_tie target=prep:with
cut 161 obj=tie|relation|link|diplomatic_tie target=prep:with
cut 162 obj=aid|funding|assistance|support target=prep:to|prep:for
break 161 obj=tie|relation target=prep:with
break+off 161 obj=tie|relation target=prep:with
break+off 164 obj=talk|negotiation target=prep:with
downgrade 161 obj=tie|relation target=prep:with
recall 161 obj=ambassador|envoy target=prep:from
reduce 162 obj=aid|assistance|funding|supply|support target=prep:to|prep:for
reduce 1623 obj=food|food_supply|medical_supply|humanitarian_aid target=prep:to|prep:for
reduce 161 obj=tie|relation|diplomatic_presence target=prep:with
end 165 obj=mediation|mediation_effort
end 164 obj=talk|negotiation|dialogue target=prep:with
end 161 obj=tie|relation target=prep:with
halt 165 obj=mediation|mediation_effort
prohibit 162 obj=aid|assistance|funding target=prep:to
suspend 160 target=dobj
suspend 162 obj=aid|funding|assistance|loan|support target=prep:to|prep:for
suspend 164 obj=talk|negotiation|dialogue target=prep:with
suspend 161 obj=tie|relation target=prep:with
suspend 1661 obj=mission
halt 162 obj=aid|funding|assistance|support target=prep:to|prep:for
halt 164 obj=talk|negotiation|dialogue target=prep:with
freeze 162 obj=aid|funding|assistance|support target=prep:to|prep:for
freeze 1711 obj=asset|account|fund
impose 163 obj=sanction|embargo|tariff|boycott|duty target=prep:on|prep:against
impose 172 obj=restriction|limit|ban|control target=prep:on
impose 1723 obj=curfew target=prep:on
impose 1724 obj=state_of_emergency|martial_law|emergency_rule target=prep:on
impose 191 obj=blockade|siege|no-fly_zone|quarantine target=prep:on
reimpose 163 obj=sanction|embargo|tariff target=prep:on|prep:against
reimpose 1723 obj=curfew target=prep:on
reimpose 191 obj=blockade|siege|closure target=prep:on
reimpose 172 obj=restriction|ban target=prep:on
extend 1723 obj=curfew
extend 1724 obj=state_of_emergency|martial_law|emergency_rule
extend 172 obj=restriction|ban
tighten 191 obj=blockade|siege
tighten 172 obj=restriction|control
close 191 obj=border|crossing|border_crossing|airspace|port|road|frontier target=prep:with|prep:to
prevent 172 obj=demonstration|protest|rally|march|meeting
set 1712 obj=fire target=prep:to
deface 1712
force+out 174 target=dobj
slap 163 obj=sanction|tariff target=prep:on
sanction 163 target=dobj
embargo 163 target=dobj
blacklist 163 target=dobj
expel 161 obj=ambassador|diplomat|envoy|attache target=dobj
expel 1661 obj=peacekeeper|peacekeeping_force
expel 1662 obj=inspector|monitor|observer
expel 1663 obj=aid_agency|aid_worker|ngo|agency
expel 174 target=dobj
# 17 coerce
arrest 173 target=dobj
detain 173 target=dobj
jail 173 target=dobj
imprison 173 target=dobj
charge 173 prep=with target=dobj
indict 173 target=dobj
prosecute 173 target=dobj
sentence 173 target=dobj
round+up 173 target=dobj
apprehend 173 target=dobj
capture 173 obj=suspect|leader|commander|militant|fighter|smuggler|gunman target=dobj
seize 1711 obj=asset|property|ship|vessel|tanker|cargo|shipment|weapon|arm|drug|land|farm|land|aircraft|boat|passport|equipment
confiscate 1711 target=prep:from
destroy 1712
demolish 1712
raze 1712
bulldoze 1712
torch 1712
burn 1712 obj=house|home|building|village|shop|car|vehicle|office|church|mosque|crop|field
loot 1711
deport 174 target=dobj
expel 174 obj=migrant|refugee|worker|journalist|national|citizen|foreigner|family target=dobj
evict 174 target=dobj
crack+down 175 target=prep:on
suppress 175 target=dobj
disperse 175 target=dobj
repress 175 target=dobj
tear-gas 175 target=dobj
teargas 175 target=dobj
ban 1722 obj=party|opposition_party|candidate|politician|movement target=dobj
ban 172 target=dobj
censor 1721 target=dobj
restrict 172 target=dobj
issue 173 obj=arrest_warrant|warrant target=prep:for
# 18 assault
abduct 181 target=dobj
kidnap 181 target=dobj
hijack 181 target=dobj
seize 181 obj=hostage|hostages target=dobj
take 181 obj=hostage|captive target=dobj
take 181 prep=hostage target=dobj
hold 181 prep=hostage target=dobj
assault 182 target=dobj
beat 182 target=dobj
stab 182 target=dobj
lynch 1823 target=dobj
torture 1822 target=dobj
rape 1821 target=dobj
murder 1823 target=dobj
behead 1823 target=dobj
execute 1823 target=dobj need=target
hang 1823 target=dobj need=target
assassinate 186 target=dobj
detonate 183 obj=bomb|explosive|device|car_bomb
blow+up 183 target=dobj
blow+up 1712 obj=line|power_line|bridge|building|house|pipeline|railway|road|tower|infrastructure|station|plant|depot|office|home
bomb 183 subj=suicide_bomber|bomber|militant|insurgent|attacker|gunman|jihadist|extremist
hold 184 prep=as:human_shield|shield target=dobj
use 184 obj=civilian|people|resident|villager prep=as:human_shield|shield
# 19 fight
attack 190 target=dobj
attack 180 subj=gunman|assailant|attacker|mob|assassin|gang|terrorist|jihadist|bandit|extremist|militant|insurgent|guerrilla|guerilla|militiaman|militia|settler|rioter target=dobj
wound 183 subj=bomb|bombing|explosion|blast|grenade|landmine|mine target=dobj
arm - prep=with
assail 190 target=dobj
strike 190 target=dobj|prep:at
hit 190 subj=missile|rocket|drone|strike|airstrike|air_strike|shell|artillery|bomb|raid target=dobj
hit 190 obj=target|position|base|depot|convoy|facility|infrastructure|vessel|ship|tanker target=dobj
target 190 target=dobj
fight 190 target=dobj|prep:against|prep:with
clash 190 target=prep:with
battle 190 target=dobj|prep:with|prep:against
engage 190 target=dobj
raid 190 target=dobj
storm 190 target=dobj
ambush 190 target=dobj
invade 192 target=dobj
occupy 192 target=dobj
capture 192 obj=town|city|village|territory|area|region|airport|base|hill|district|province|port|border_crossing|capital|stronghold target=dobj
seize 192 obj=town|city|village|territory|area|region|airport|base|hill|district|province|port|border_crossing|capital|stronghold|control target=dobj
take 192 obj=control target=prep:of
annex 192 target=dobj
overrun 192 target=dobj
recapture 192 target=dobj
retake 192 target=dobj
blockade 191 target=dobj
besiege 191 target=dobj
encircle 191 target=dobj
shoot 193 target=dobj
shoot 193 prep=at target=prep:at
gun+down 193 target=dobj
fire 193 prep=on target=prep:on
fire 193 prep=at target=prep:at
fire 190 obj=missile|rocket|shell|projectile|battery|mortar|artillery|salvo|weapon target=prep:at|prep:on|prep:into|prep:toward|prep:towards
open 193 obj=fire target=prep:on
shell 194 target=dobj
bombard 194 target=dobj
pound 194 target=dobj
bomb 195 target=dobj
launch 195 obj=airstrike|air_strike|air_raid|drone_strike|drone_attack|drone|missile|missile_strike target=prep:on|prep:against
launch 190 obj=attack|offensive|assault|raid|strike|operation|incursion|counteroffensive|counter-offensive target=prep:on|prep:against
carry+out 195 obj=airstrike|air_strike|air_raid|drone_strike target=prep:on|prep:against
carry+out 190 obj=attack|assault|raid|strike|operation target=prep:on|prep:against
carry+out 183 obj=bombing|suicide_bombing|bomb_attack target=prep:on|prep:against
# "kill": 190 by default (the petrarch2/Phoenix convention: killing in fighting is the
# use of force); 1823 when the killers are irregular ("gunmen", "militants": CAMEO's
# unconventional violence), 175 for protesters killed (violent repression), 183/194/195
# by the weapon named as subject; 202 (mass killing) only for "massacre", "slaughter".
kill 190 target=dobj
kill 175 obj=protester|protestor|demonstrator target=dobj
kill 195 subj=airstrike|air_strike|air_raid|drone|drone_strike|bomb|missile|warplane|jet target=dobj
kill 194 subj=shell|shelling|artillery|mortar|tank target=dobj
kill 183 subj=bomb|bombing|explosion|blast|car_bomb|roadside_bomb|suicide_bomber|bomber|ied|explosive_device|device|grenade|landmine|mine target=dobj
kill 1823 subj=gunman|assailant|attacker|mob|assassin|kidnapper|gang|killer|terrorist|jihadist|bandit|extremist|militant|insurgent|guerrilla|guerilla|militiaman|settler|rioter target=dobj
kill - subj=storm|flood|earthquake|quake|crash|accident|fire|disease|virus|cholera|outbreak|landslide|cyclone|hurricane|drought|heat|heatwave|lightning|avalanche|collapse|typhoon|tsunami
kill - prep=in:accident|crash|flood|fire|storm|earthquake|landslide|collision
wound 190 target=dobj
injure 190 target=dobj
violate 196 obj=ceasefire|truce|armistice target=prep:with
breach 196 obj=ceasefire|truce|armistice
break 196 obj=ceasefire|truce
shoot+down 190 target=dobj
down 190 obj=drone|aircraft|plane|jet|helicopter|missile target=dobj
intercept 190 obj=drone|missile|rocket|aircraft|projectile
# 20 mass violence
massacre 202 target=dobj
slaughter 202 target=dobj
exterminate 202 target=dobj
gas 2041 target=dobj
cleanse 203 target=dobj
# nominal event words: coded when a participant is named ("China's blockade of the strait")
meeting 040 pos=NOUN
talk 046 pos=NOUN
negotiation 046 pos=NOUN
summit 040 pos=NOUN
visit 042 pos=NOUN
mediation 045 pos=NOUN
agreement 057 pos=NOUN only=complement
deal 057 pos=NOUN only=complement
accord 057 pos=NOUN only=complement
treaty 057 pos=NOUN only=complement
aid 070 pos=NOUN only=complement
assistance 070 pos=NOUN only=complement
help 070 pos=NOUN only=complement
support 051 pos=NOUN only=complement
release 0841 pos=NOUN only=complement
ceasefire 0871 pos=NOUN only=complement
truce 0871 pos=NOUN only=complement
withdrawal 0874 pos=NOUN only=complement
retreat 0874 pos=NOUN only=complement
dialogue 046 pos=NOUN only=complement
reform 034 pos=NOUN only=complement
restraint 0356 pos=NOUN only=complement
de-escalation 0356 pos=NOUN only=complement
election 0341 pos=NOUN only=complement
investigation 090 pos=NOUN
inquiry 090 pos=NOUN
probe 090 pos=NOUN
condemnation 111 pos=NOUN
criticism 111 pos=NOUN
accusation 112 pos=NOUN
threat 130 pos=NOUN
ultimatum 139 pos=NOUN
protest 141 pos=NOUN
riot 145 pos=NOUN
welcome 043 pos=NOUN only=complement
hearing 090 pos=NOUN only=complement
suspension 160 pos=NOUN only=complement
mission 045 pos=NOUN obj=mediation_mission only=complement
effort 045 pos=NOUN obj=mediation_effort only=complement
strike 143 pos=NOUN obj=general_strike|nationwide_strike|national_strike|labour_strike|labor_strike|open-ended_strike|workers_strike|teachers_strike
explosion 183 pos=NOUN only=complement
demonstration 141 pos=NOUN
strike 142 pos=NOUN obj=hunger_strike
boycott 143 pos=NOUN
sanction 163 pos=NOUN
embargo 163 pos=NOUN
arrest 173 pos=NOUN
detention 173 pos=NOUN
crackdown 175 pos=NOUN
deportation 174 pos=NOUN
expulsion 174 pos=NOUN
abduction 181 pos=NOUN
kidnapping 181 pos=NOUN
assassination 186 pos=NOUN
bombing 183 pos=NOUN
attack 190 pos=NOUN
attack 183 pos=NOUN obj=bomb_attack|suicide_attack|car_bomb_attack|grenade_attack|bombing_attack
attack 195 pos=NOUN obj=air_attack|drone_attack|missile_attack|air_raid
assault 190 pos=NOUN
offensive 190 pos=NOUN
raid 190 pos=NOUN
incursion 190 pos=NOUN
clash 190 pos=NOUN
invasion 192 pos=NOUN
occupation 192 pos=NOUN
annexation 192 pos=NOUN
blockade 191 pos=NOUN
siege 191 pos=NOUN
quarantine 191 pos=NOUN
shelling 194 pos=NOUN
bombardment 194 pos=NOUN
airstrike 195 pos=NOUN
strike 195 pos=NOUN obj=air_strike|drone_strike|missile_strike
strike 190 pos=NOUN prep=on
strike 190 pos=NOUN prep=against
massacre 202 pos=NOUN
"""


if __name__ == "__main__":
    main()
