"""Word lists, name arithmetic and the search for names, for the people component
(:mod:`.people`).

Titles that precede a name ("Dr", "Foreign Minister", "Minister of Finance"), the
gender a title or an agent noun reveals ("Mrs", "spokeswoman"), the pronouns that are
linked; :class:`Name`, which knows a name's given name and the forms of its surname a
later mention may use ("Okafor", "von der Leyen", "Leyen", "Sisi" for "al-Sisi",
"Wang" for "Wang Lei"); and :func:`find_names`, which finds the names in a ``Doc``:
PERSON entities, names after an honorific ("Ms Diallo", whatever the tagger called
it) and known surnames or given names the tagger labelled otherwise or missed.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from spacy.attrs import IS_SPACE, ORTH, POS, TAG
from spacy.symbols import PROPN
from spacy.tokens import Doc, Span, Token

from newsgraph.annotate.gazetteer import country_code, org

Gender = Literal["m", "f"]

# Words that end a title: "Dr Okafor", "Foreign Minister Wang", "Gen. Haftar".
TITLE_HEADS: frozenset[str] = frozenset(
    """
    dr doctor mr mrs ms miss mx prof professor sir dame lord lady madam
    president minister premier chancellor secretary general gen colonel col
    lieutenant lt major maj captain capt sergeant sgt commander cmdr admiral adm marshal
    brigadier corporal cpl
    sheikh shaikh emir sultan king queen prince princess pope cardinal archbishop
    bishop reverend rev father mother sister brother imam ayatollah rabbi pastor
    ambassador envoy senator sen representative rep congressman congresswoman deputy
    governor gov mayor judge justice magistrate prosecutor attorney speaker chairman
    chairwoman chair commissioner director inspector superintendent chief
    """.split()
)

# Titles after which capitalised words are a person's name whatever the entity tagger
# said ("Ms Diallo" tagged ORG). No "General" (General Motors) or "Secretary".
HONORIFICS: frozenset[str] = frozenset(
    """
    mr mrs ms miss mx dr prof professor sir dame sheikh president senator ambassador
    judge governor mayor colonel col gen captain capt sergeant sgt lt imam
    """.split()
)

# Words that may stand before a title head inside a title: "Deputy Prime Minister",
# "Lieutenant General", "Secretary of State", "Attorney General".
TITLE_MODIFIERS: frozenset[str] = frozenset(
    """
    prime vice deputy assistant acting interim former foreign defence defense finance
    interior home justice trade health education energy economy transport agriculture
    environment labour labor information culture security intelligence oil petroleum
    mines water tourism communications treasury state supreme grand crown first senior
    special army navy air force police opposition party cabinet executive managing
    lieutenant major brigadier chief attorney general secretary high
    """.split()
)

TITLE_WORDS: frozenset[str] = TITLE_HEADS | TITLE_MODIFIERS

# Title words (folded, no dots) that tell the gender of the person they introduce.
TITLE_GENDER: dict[str, Gender] = {
    **dict.fromkeys(
        "mr sir lord sheikh shaikh emir sultan king prince pope father brother imam "
        "ayatollah congressman chairman".split(),
        "m",
    ),
    **dict.fromkeys(
        "mrs ms miss dame lady madam queen princess mother sister congresswoman chairwoman".split(),
        "f",
    ),
}

# Agent nouns that tell gender; nouns ending in -woman / -man are handled by rule.
NOUN_GENDER: dict[str, Gender] = {
    **dict.fromkeys(
        "actress mother wife daughter sister widow grandmother girl aunt niece "
        "queen princess duchess heiress".split(),
        "f",
    ),
    **dict.fromkeys(
        "father husband son brother widower grandfather boy uncle nephew king prince "
        "duke heir".split(),
        "m",
    ),
}

# One head for the gendered forms of an agent noun, so "the spokeswoman" finds a
# person introduced as "a spokesperson" and "the chair" one introduced as "chairman".
NOUN_HEAD: dict[str, str] = {
    "spokeswoman": "spokesperson",
    "spokesman": "spokesperson",
    "chairwoman": "chair",
    "chairman": "chair",
    "chairperson": "chair",
    "congresswoman": "congressman",
    "businesswoman": "businessman",
    "businessperson": "businessman",
    "doctor": "dr",
    "professor": "prof",
}

# Words of organisations, operations and places that the tagger sometimes calls a
# person ("Operation Aspides", "Frente Patria Nueva", "Joint Headquarters"); a name
# holding one is no person's.
NOT_NAME_WORDS: frozenset[str] = frozenset(
    """
    operation joint headquarters front frente party partido movement council committee
    ministry bank company group forces army union agency office news radio television
    university institute foundation fund programme program mission electricite alliance
    alianza coalition nacional patria nueva republic democratic liberation popular
    revolutionary corporation inc ltd airways airlines holdings authority commission
    centre center hospital school street road square plaza avenue district county
    province region airport
    """.split()
)

# Where a lone word tagged PERSON is more likely a place: "in Agrigento", "the island
# of Lampedusa", "left Zuwara".
LOCATIVE_PREPS: frozenset[str] = frozenset(
    "in at near from to into on onto across around outside inside towards toward via "
    "through off beyond within".split()
)
PLACE_NOUNS: frozenset[str] = frozenset(
    "city town village island region province district county state siege outskirts "
    "north south east west centre center port capital area governorate municipality "
    "suburb neighbourhood neighborhood coast border administrator governor mayor "
    "resident".split()
)
PLACE_VERBS: frozenset[str] = frozenset(
    "visit leave reach enter capture seize shell attack bomb besiege retake storm "
    "encircle evacuate".split()
)

# Singular nouns that, as an unnamed subject ("a spokesman for the group denied ..."),
# are the likelier referent of a following he or she than a person named earlier.
AGENT_NOUNS: frozenset[str] = frozenset(
    """
    spokesman spokeswoman spokesperson official officer soldier witness resident doctor
    nurse farmer trader driver diplomat source lawyer analyst commander leader minister
    president man woman boy girl mother father survivor victim student teacher worker
    volunteer guard fighter militant negotiator mediator envoy ambassador aide adviser
    advisor activist journalist reporter photographer researcher economist engineer
    pilot passenger patient villager herder fisherman governor mayor judge prosecutor
    policeman priest imam bishop director chairman chairwoman representative delegate
    """.split()
)

# The linked pronouns; "they" and "it" are never linked to a person.
PRONOUN_GENDER: dict[str, Gender] = {
    "he": "m",
    "him": "m",
    "his": "m",
    "himself": "m",
    "she": "f",
    "her": "f",
    "hers": "f",
    "herself": "f",
}

# Lower-case particles that open a surname: "Ursula von der Leyen", "Abdel Fattah al-Sisi".
NAME_PARTICLES: frozenset[str] = frozenset(
    "von van der den de del della di da dos das du la le bin ibn ben bint abu al el".split()
)
_PARTICLE_PREFIXES: tuple[str, ...] = ("al-", "el-", "ad-", "as-", "ash-", "at-", "ar-")

# Common family names written first (Chinese, Korean, Vietnamese): "Wang Lei" is
# later "Wang", so the first word of a two-word name is also a surname form.
FAMILY_NAME_FIRST: frozenset[str] = frozenset(
    """
    wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he lin gao luo
    zheng liang xie song tang han feng deng cao peng zeng xiao tian dong pan yuan cai
    jiang yu du ye cheng wei su lu ding ren shen yao qin xi kim park choi jung kang cho
    yoon jang lim shin nguyen tran pham hoang phan vu vo dang bui do ngo duong ly
    """.split()
)

# Pronoun dependency labels that put the pronoun in object position, where it cannot
# be the subject of its own verb ("Okafor praised her": her is not Okafor).
OBJECT_DEPS: frozenset[str] = frozenset({"dobj", "dative", "iobj", "pobj"})
SUBJECT_DEPS: frozenset[str] = frozenset({"nsubj", "nsubjpass"})


@lru_cache(maxsize=8192)
def fold(word: str) -> str:
    """Lower case, accents folded, dots and possessive ending dropped: "Dr." -> "dr",
    "Okafor’s" -> "okafor". Memoised: the same capitalised words come back in every
    article."""
    if word.isascii():
        plain = word.lower()
    else:
        decomposed = unicodedata.normalize("NFKD", word.replace("’", "'"))
        plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    if plain.endswith("'s"):
        plain = plain[:-2]
    return plain.replace(".", "").strip("'")


def title_gender(title: str) -> Gender | None:
    for word in title.split():
        gender = TITLE_GENDER.get(fold(word))
        if gender:
            return gender
    return None


def noun_gender(noun: str) -> Gender | None:
    """Gender an agent noun states ("spokeswoman" -> f, "chairman" -> m), else None."""
    word = fold(noun)
    if word in NOUN_GENDER:
        return NOUN_GENDER[word]
    if word.endswith("woman") or word.endswith("women"):
        return "f"
    if word.endswith(("sman", "rman", "gman", "ssman", "dman")):
        return "m"
    return None


def noun_head(noun: str) -> str:
    """The comparison form of an agent noun ("spokeswoman" -> "spokesperson")."""
    word = fold(noun)
    return NOUN_HEAD.get(word, word)


@dataclass(frozen=True, slots=True)
class Name:
    """A person's name without its title, as words ("Amara", "Okafor"), and the
    words folded for comparison ("amara", "okafor")."""

    words: tuple[str, ...]
    folded: tuple[str, ...] = field(init=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "folded", tuple(fold(w) for w in self.words))

    @classmethod
    def from_text(cls, text: str) -> Name:
        words = [w for w in text.replace("’", "'").split() if w not in {"'s", "'"}]
        if words and words[-1].endswith("'s"):
            words[-1] = words[-1][:-2]
        return cls(tuple(w for w in words if w))

    @property
    def key(self) -> str:
        return "person:" + " ".join(self.folded)

    @property
    def text(self) -> str:
        return " ".join(self.words)

    @property
    def is_full(self) -> bool:
        """Given name plus surname (not a lone surname like "von der Leyen")."""
        return len(self.words) >= 2 and self.folded[0] not in NAME_PARTICLES

    @property
    def first(self) -> str:
        return self.folded[0]

    @property
    def last(self) -> str:
        return self.folded[-1]

    def surnames(self) -> frozenset[str]:
        """Every form a later surname-only mention of this person may take."""
        folded = self.folded
        forms = {folded[-1], _strip_prefix(folded[-1])}
        for i, word in enumerate(folded[1:], start=1):
            if word in NAME_PARTICLES:
                forms.add(" ".join(folded[i:]))
                break
        if len(folded) == 2 and folded[0] in FAMILY_NAME_FIRST:
            forms.add(folded[0])
        if not self.is_full:
            forms.add(" ".join(folded))
        return frozenset(forms)

    def second_surnames(self) -> frozenset[str]:
        """The next-to-last word of a longer name, for a lone mention that matches no
        last word: "Salinas" for "Rodrigo Salinas Huamán" (Spanish paternal surname)."""
        folded = self.folded
        if len(folded) < 3 or folded[-2] in NAME_PARTICLES:
            return frozenset()
        return frozenset({folded[-2]})

    def same_person(self, other: Name) -> bool:
        """Two full names of one person: same surname and the same given name (or
        one is the other's initial), or one ends the other ("Salinas Huamán" of
        "Rodrigo Salinas Huamán"). "Omar Hassan" is never "Ali Hassan"."""
        if not (self.is_full and other.is_full) or self.last != other.last:
            return False
        short, long = sorted((self.folded, other.folded), key=len)
        if len(long) >= 3 and long[-len(short) :] == short:
            return True  # "Salinas Huamán" of "Rodrigo Salinas Huamán"
        a, b = self.first, other.first
        if len(a) == 1 or len(b) == 1:
            return a[0] == b[0]
        return a == b


def _strip_prefix(word: str) -> str:
    for prefix in _PARTICLE_PREFIXES:
        if word.startswith(prefix) and len(word) > len(prefix) + 1:
            return word[len(prefix) :]
    return word


# --- names in a document --------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TokenTable:
    """Per-token text, lower case, fine tag and flags of one document, read once with
    ``Doc.to_array`` so that the scans below create no ``Token`` objects."""

    text: list[str]
    lower: list[str]
    tag: list[str]
    proper: list[bool]  # PROPN
    space: list[bool]

    @classmethod
    def of(cls, doc: Doc) -> TokenTable:
        strings = doc.vocab.strings
        orth, tag, pos, space = doc.to_array([ORTH, TAG, POS, IS_SPACE]).T.tolist()
        text = [strings[h] for h in orth]
        return cls(
            text=text,
            lower=[t.lower() for t in text],
            tag=[strings[h] for h in tag],
            proper=[p == PROPN for p in pos],
            space=[bool(s) for s in space],
        )


_POSSESSIVE_TOKENS = frozenset({"'s", "’s", "'", "’"})
_MAX_NAME_TOKENS = 4
_NAME_TAGS = ("NN", "JJ", "UH", "FW", "XX")
_NAME_DEPS = frozenset({"nsubj", "nsubjpass", "poss", "dobj", "pobj", "appos"})
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC", "ORG"})


@dataclass(frozen=True, slots=True)
class NameSpan:
    """A name found in the text, ``doc[start:end]`` without title or possessive.
    ``recovered`` when the tagger did not call it PERSON: a lone recovered word is
    dropped unless it matches a known person."""

    start: int
    end: int
    name: Name
    recovered: bool = False


def find_names(
    doc: Doc,
    table: TokenTable,
    taken: bytearray,
    ent_at: dict[int, Span],
    *,
    common: frozenset[str] = frozenset(),
) -> list[NameSpan]:
    """Every name outside ``taken`` tokens, in text order. ``common`` holds lower-case
    common words ("gunfire", "calm") that open a sentence more often than a name."""
    names = [
        found
        for ent in doc.ents
        if ent.label_ == "PERSON" and not _is_tagger_slip(ent, common)
        for found in [name_in(doc, _widened_start(ent), ent.end, taken)]
        if found is not None
    ]
    covered = bytearray(taken)
    _cover(covered, names)
    names.extend(_after_honorifics(doc, table, covered))
    _cover(covered, names)
    names.extend(_known_names(doc, table, covered, ent_at, names))
    return sorted(names, key=lambda n: n.start)


def _is_tagger_slip(ent: Span, common: frozenset[str]) -> bool:
    """A lone word tagged PERSON that is no person's name here: not a proper noun
    ("Campaigners"); a common word opening a sentence ("Gunfire was heard"); a
    modifier of another name ("Rebel" in "Rebel commander Jean-Pierre Mbala") or of a
    common noun ("the Tunduma crossing"); in a place's slot ("in Agrigento", "the
    island of Lampedusa", "left Zuwara"); or coordinated with a place ("Mandera and
    Garissa counties"). A known surname is found again by :func:`_known_names`."""
    if len(ent) != 1:
        return False
    token = ent[0]
    return (
        token.pos_ != "PROPN"
        or token.lower_ in common
        and _opens_sentence(token)
        or _modifies_a_name(token)
        or token.dep_ == "compound"
        and token.head.pos_ == "NOUN"
        or _in_place_slot(token)
        or _coordinated_with_place(token)
    )


def _widened_start(ent: Span) -> int:
    """The start of a PERSON entity with the given names the tagger left out of it
    ("Tomás" in "Tomás Echeverría Ruiz", tagged ADJ at the start of a sentence)."""
    doc, start = ent.doc, ent.start
    while start > 0 and ent.start - start < 2:
        token = doc[start - 1]
        if not (token.is_title and token.dep_ == "compound" and not token.ent_type_):
            break
        if not ent.start <= token.head.i < ent.end or _is_title_token(token.text):
            break
        start -= 1
    return start


def _opens_sentence(token: Token) -> bool:
    doc = token.doc
    i = token.i - 1
    while i >= 0 and not doc[i + 1].is_sent_start and (doc[i].is_punct or doc[i].is_space):
        i -= 1
    return doc[i + 1].is_sent_start


def _in_place_slot(token: Token) -> bool:
    head = token.head
    if token.dep_ == "pobj" and head.lower_ == "of":
        return head.head.lemma_ in PLACE_NOUNS
    if token.dep_ == "pobj":
        return head.lower_ in LOCATIVE_PREPS
    return token.dep_ == "dobj" and head.lemma_ in PLACE_VERBS


def _coordinated_with_place(token: Token) -> bool:
    linked = [c for c in token.children if c.dep_ == "conj"]
    if token.dep_ == "conj":
        linked.append(token.head)
    return any(t.ent_type_ in _PLACE_LABELS for t in linked)


def _modifies_a_name(token: Token) -> bool:
    for _ in range(3):
        if token.dep_ not in ("compound", "amod", "nmod") or token.head.i == token.i:
            return False
        token = token.head
        if token.ent_type_ == "PERSON":
            return True
    return False


def name_in(
    doc: Doc, start: int, end: int, taken: bytearray, *, recovered: bool = False
) -> NameSpan | None:
    """The name in ``doc[start:end]`` without a leading "the" or title and a trailing
    possessive; None when the span is taken, names an organisation or a country, or
    holds no capitalised word other than titles."""
    if any(taken[start:end]):
        return None
    text = doc[start:end].text
    if org(text) is not None or country_code(text) is not None:
        return None
    while start < end - 1 and (doc[start].lower_ == "the" or _is_title_token(doc[start].text)):
        start += 1
    while end > start and (doc[end - 1].text in _POSSESSIVE_TOKENS or doc[end - 1].is_punct):
        end -= 1
    name = Name.from_text(doc[start:end].text)
    if any(word in NOT_NAME_WORDS for word in name.folded):
        return None
    if not any(_is_capitalised(w) and not _is_title_token(w) for w in name.words):
        return None
    return NameSpan(start, end, name, recovered)


def _is_capitalised(word: str) -> bool:
    """ "Okafor", and "al-Subaie" after a lower-case particle."""
    return word[:1].isupper() or "-" in word and word.partition("-")[2][:1].isupper()


def _is_title_token(text: str) -> bool:
    return text[:1].isupper() and fold(text) in TITLE_WORDS


def _cover(covered: bytearray, names: list[NameSpan]) -> None:
    for found in names:
        covered[found.start : found.end] = b"\x01" * (found.end - found.start)


def _after_honorifics(doc: Doc, table: TokenTable, covered: bytearray) -> list[NameSpan]:
    """Capitalised proper nouns right after "Mr", "Ms", "Dr", "President", ..."""
    found: list[NameSpan] = []
    text, proper = table.text, table.proper
    for i in range(len(doc) - 1):
        if covered[i] or not text[i][:1].isupper() or fold(text[i]) not in HONORIFICS:
            continue
        end = i + 1
        while end < len(doc) and end - i <= _MAX_NAME_TOKENS and proper[end]:
            end += 1
        if end == i + 1 or any(covered[i + 1 : end]):
            continue
        name = name_in(doc, i + 1, end, covered, recovered=True)
        if name is not None:
            found.append(name)
            _cover(covered, [name])
    return found


def _known_names(
    doc: Doc,
    table: TokenTable,
    covered: bytearray,
    ent_at: dict[int, Span],
    names: list[NameSpan],
) -> list[NameSpan]:
    """Known surnames and given names that the tagger labelled otherwise ("Otieno"
    tagged ORG) or missed, and other entities ending in a known surname."""
    known = {s for n in names for s in n.name.surnames()}
    known |= {n.name.first for n in names if n.name.is_full}
    found: list[NameSpan] = []
    for i, word in enumerate(table.text):
        if covered[i] or not word[:1].isupper():
            continue
        ent = ent_at.get(i)
        if not _may_be_name(doc, table, i, ent):
            continue
        if ent is not None and len(ent) > 1:
            if i == ent.start and _ends_in_surname(ent, known):
                found.extend(_listed(name_in(doc, ent.start, ent.end, covered, recovered=True)))
        elif fold(word) in known:
            start, end = _name_run(table, covered, ent_at, i)
            found.extend(_listed(name_in(doc, start, end, covered, recovered=True)))
        _cover(covered, found[-1:])
    return found


def _name_run(
    table: TokenTable, covered: bytearray, ent_at: dict[int, Span], i: int
) -> tuple[int, int]:
    """The untagged capitalised proper nouns around ``i`` ("Amara Okafor" where the
    tagger found no entity), at most four."""

    def free(j: int) -> bool:
        ent = ent_at.get(j)
        return (
            0 <= j < len(table.text)
            and table.proper[j]
            and table.text[j][:1].isupper()
            and not covered[j]
            and not _is_title_token(table.text[j])
            and (ent is None or len(ent) == 1)
        )

    start, end = i, i + 1
    while free(start - 1) and end - start < _MAX_NAME_TOKENS:
        start -= 1
    while free(end) and end - start < _MAX_NAME_TOKENS:
        end += 1
    return start, end


def _may_be_name(doc: Doc, table: TokenTable, i: int, ent: Span | None) -> bool:
    """A proper noun, an entity, or a capitalised noun, adjective or interjection
    standing where a name can ("Okello has spent ...": the tagger's NOUN at the start
    of a sentence); never a pronoun ("He", though He is a Chinese surname)."""
    if not table.tag[i].startswith(_NAME_TAGS):
        return False
    return table.proper[i] or ent is not None or doc[i].dep_ in _NAME_DEPS


def _ends_in_surname(ent: Span, surnames: set[str]) -> bool:
    words = ent.text.split()
    return (
        len(ent) <= _MAX_NAME_TOKENS
        and all(_is_capitalised(w) for w in words)
        and fold(words[-1]) in surnames
    )


def _listed(found: NameSpan | None) -> list[NameSpan]:
    return [] if found is None else [found]
