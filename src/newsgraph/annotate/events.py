"""The ``newsgraph_events`` component: who did what to whom, coded in CAMEO.

Runs after actors, people, dates, places (and quotes, when present) and sets
``Doc._.events`` to a list of :class:`~newsgraph.annotate.types.Event`, per sentence:

1. Triggers: verbs with patterns in ``verbs.v1.jsonl`` (:mod:`.event_verbs`), event
   nouns that name a participant ("China's blockade of the strait"), event nouns after
   a light verb ("held talks", "launched an offensive") and framing adjectives ("is
   willing to"). The clause's most specific pattern gives the code
   (:mod:`.event_rules`); a blocking pattern ("killed in an accident") gives none. An
   event noun that is an argument of another trigger ("condemned the attack") and a
   purpose or result clause of the same kind ("shelled the city, killing 20") belong to
   that trigger's event, and so does a participle of an event noun ("an attack
   targeting civilians"). A passive clause describing a participant ("a Hamas member
   jailed a year ago", "Yaish, who had been arrested") is background, no event, unless
   it is violent.
2. Frames take their code from their complement, which is then no event of its own:
   "urged X to release" 0253, "pledged to meet" 036, "refused to meet" 125,
   "threatened to impose sanctions" 1312, "wants X to attack" 020, "denied attacking"
   016, "accused X of shelling" 1123, "called for sanctions against X" 113. A speech
   verb is a statement (010) only when nothing coded was said, and what it reports
   stands alone, except a stated plan ("said it would impose sanctions": 1312; with
   "unless": a threat; "would not": a refusal 12x), an obligation ("said China must
   drop barriers": a demand on China), a claim of an attack ("claimed that X had
   attacked": 1123; "that they had attacked": 015, a claim of responsibility; with
   any speech verb before it when the doer is another country's: "Ukraine said that
   Russia had shelled"), an announced action ("announced sanctions") and the speaker's
   own plan of an uncoded action ("said it will send a team": 030, "will not": 120).
3. Participants: source = the subject (a passive's "by" agent, else the actor of the
   attack it happened in: "killed in Israeli shelling"), target = the slot the pattern
   names ("called on X", "imposed sanctions on X"), else the object or a "with",
   "against", "on", "to" object; actors as :func:`.event_rules.participant` finds them.
   Coordinated participants give one event each, coordinated subjects of a reciprocal
   action ("X and Y met") one event each way. A participant without an actor keeps its
   words (``source_text``) and key None: the event is not dropped.
4. Date and place: :func:`.event_rules.date_of`, :func:`.event_rules.place_of`.
5. Status (:func:`.event_verbs.status`): negated, hypothetical, question and future
   events are kept with that status, so nothing is mixed in silently; the to-clause
   of a noun ("permission to help Israel") is an aim, hypothetical. At most one
   statement per quote, and per speaker and sentence.

Work per document is linear: one pass over the tokens, a dict look-up per word, and a
walk over the few dependents of each trigger.
"""

from __future__ import annotations

import logging
from bisect import bisect_left
from dataclasses import dataclass

from spacy.attrs import LEMMA, LOWER, POS
from spacy.language import Language
from spacy.parts_of_speech import ADJ, NOUN, PROPN, VERB
from spacy.tokens import Doc, Span, Token

from newsgraph.annotate.event_rules import (
    Clause,
    Context,
    Participant,
    best_pattern,
    clause,
    country_of,
    date_of,
    deduplicate,
    document_context,
    group_members,
    is_actor_word,
    noun_pattern,
    participant,
    place_of,
    relative_head,
)
from newsgraph.annotate.event_verbs import (
    FRAME_CODES,
    LEMMA_FIXES,
    Lexicon,
    Pattern,
    cameo,
    frame_code,
    has_condition_mark,
    is_infinitive,
    lexicon,
    mood,
    status,
    verb_lemma,
)
from newsgraph.annotate.types import Event, register_extensions

log = logging.getLogger(__name__)

DEFAULT_TARGETS = (
    "dobj", "dative", "prep:against", "prep:on", "prep:with", "prep:to", "prep:at",
    "prep:toward", "prep:towards", "prep:into", "prep:upon",
)  # fmt: skip
NOUN_TARGETS = ("prep:on", "prep:against", "prep:of", "prep:with", "prep:to", "prep:between")
# Verbs whose object noun carries the event: "held talks", "launched an offensive".
LIGHT_VERBS = frozenset(
    {"hold", "launch", "undertake", "conduct", "begin", "start", "renew", "resume", "open",
     "stage", "carry", "mount", "make", "issue", "give", "lodge", "file", "complete",
     "continue", "intensify", "escalate", "step", "wage", "unleash", "initiate", "pursue",
     "extend", "deliver", "lead", "host", "organise", "organize", "convene", "sign",
     "speed", "accelerate", "announce"}
)  # fmt: skip
ARGUMENT_DEPS = frozenset({"dobj", "nsubjpass", "attr", "oprd", "dative"})
CAUSE_PREPS = ("in", "during", "by")
RECIPROCAL_ROOTS = frozenset({"03", "04", "05", "06"})
RECIPROCAL_LEMMAS = frozenset({"clash", "fight", "battle", "skirmish"})
PRONOUNS = frozenset({"it", "they", "we", "he", "she", "i", "its", "their", "our"})
# "wants X to attack" is an appeal to X; "agreed that their countries should" is not.
WISH_VERBS = frozenset({"want", "wish", "hope", "prefer", "like", "expect"})
VIOLENT_ROOTS = frozenset({"18", "19", "20"})
STATEMENT = "010"
NO_COMMENT = frozenset({"comment", "respond", "reply"})
RALLY = "113"  # rally opposition against
CLAIM_VERBS = frozenset({"claim", "allege", "charge", "assert"})
# "X claimed that they/we had attacked": X claims the act (015), accuses no one.
SELF_PRONOUNS = frozenset({"we", "i", "they", "it"})
CLAIM_RESPONSIBILITY = "015"
PLAN_PRONOUNS = frozenset({"it", "they", "we", "i", "he", "she"})
CANDIDATE_CACHE = 200_000  # (part of speech, lemma, word) answers kept per component
STATIVE = frozenset({"be", "have", "remain", "stay", "seem", "know", "need", "like", "become"})


@dataclass(slots=True)
class Trigger:
    """A word that matched a pattern, and what the frames made of it."""

    token: Token
    pattern: Pattern
    clause: Clause
    end: int
    noun: Token | None = None  # the event noun of a light verb ("held talks")
    frame: str | None = None  # the pattern's frame, or "appeal" for "wants X to"
    code: str | None = None
    complement: Trigger | None = None
    sources: list[Token] | None = None  # set when a frame moved the source
    targets: list[Token] | None = None
    consumed: bool = False
    resolved: bool = False


@Language.factory(
    "newsgraph_events",
    requires=["token.dep", "token.lemma", "doc.sents", "doc.spans"],
    assigns=["doc._.events", "doc._.actors"],
    default_config={"statements": True},
)
def make_events(nlp: Language, name: str, *, statements: bool) -> Events:
    """Build the events component (``nlp.add_pipe("newsgraph_events")``); with
    ``statements`` false no bare statement (010) is kept."""
    register_extensions()
    return Events(name, statements=statements)


class Events:
    """Codes events per sentence; see the module docstring."""

    def __init__(self, name: str, *, statements: bool) -> None:
        self.name = name
        self.statements = statements
        self.lexicon: Lexicon = lexicon()
        self._may_trigger: dict[tuple[int, int, int], bool] = {}
        log.debug("%s: %d patterns", name, len(self.lexicon))

    def _candidates(self, doc: Doc) -> list[int]:
        """The words that may be triggers, read from one array of the whole document:
        most words are no pattern's head, and making a Token of each costs more than the
        array look-up (the answer per part of speech, lemma and word is remembered)."""
        known = self._may_trigger
        if len(known) > CANDIDATE_CACHE:
            known.clear()
        strings = doc.vocab.strings
        found: list[int] = []
        rows = doc.to_array([POS, LEMMA, LOWER])
        pos = rows[:, 0]  # parts of speech that _may_trigger can accept
        content = ((pos == NOUN) | (pos == PROPN) | (pos == ADJ) | (pos == VERB)).nonzero()[0]
        for i, key in zip(content.tolist(), map(tuple, rows[content].tolist()), strict=True):
            hit = known.get(key)
            if hit is None:
                part, lemma, lower = key
                hit = known[key] = _may_trigger(
                    self.lexicon, strings[part], strings[lemma].lower(), strings[lower]
                )
            if hit:
                found.append(i)
        return found

    def __call__(self, doc: Doc) -> Doc:
        context = document_context(doc)
        events: list[Event] = []
        candidates = self._candidates(doc)
        for sentence in doc.sents:
            start, end = sentence.start, sentence.end
            words = candidates[bisect_left(candidates, start) : bisect_left(candidates, end)]
            for trigger in sentence_triggers(sentence, self.lexicon, context, words):
                events.extend(_events(trigger, sentence, context))
        doc._.events = deduplicate(events, context, statements=self.statements)
        return doc


# --- 1. triggers --------------------------------------------------------------------------


def sentence_triggers(
    sentence: Span, lexicon: Lexicon, context: Context, words: list[int] | None = None
) -> list[Trigger]:
    """The coded, unconsumed triggers of a sentence, in text order; ``words``, when
    given, are the indices of the only words that may be triggers (see
    :func:`_may_trigger`)."""
    tokens = sentence if words is None else (sentence.doc[i] for i in words)
    triggers = [t for token in tokens if (t := _trigger(token, lexicon)) is not None]
    by_token = {t.token.i: t for t in triggers}
    _consume_arguments(triggers, by_token)
    for trigger in triggers:
        _resolve(trigger, by_token, context)
    for trigger in triggers:
        _consume_same_kind(trigger, by_token)
        trigger.consumed = trigger.consumed or _descriptor(trigger)
    return [t for t in triggers if not t.consumed and t.code is not None]


def _may_trigger(lexicon: Lexicon, pos: str, lemma: str, lower: str) -> bool:
    """Whether :func:`_trigger` can find anything for a word, from its part of speech,
    lower-case lemma and lower-case form alone: the first look-ups it makes."""
    if pos in ("NOUN", "PROPN"):
        return bool(lexicon.nouns(lemma) or lexicon.nouns(lower))
    if pos == "ADJ":
        return bool(lexicon.patterns("ADJ", lemma))
    if pos != "VERB":
        return False
    lemma = LEMMA_FIXES.get(lemma, lemma)
    return bool(lexicon.verbs(lemma)) or lemma in LIGHT_VERBS


def _trigger(token: Token, lexicon: Lexicon) -> Trigger | None:
    # Cheap tests first: most tokens are not content words, and of those most are no
    # pattern's head, so their clause is never built.
    pos = token.pos_
    if pos in ("NOUN", "PROPN"):
        pattern = noun_pattern(lexicon, token)
        return Trigger(token, pattern, clause(token), token.i + 1) if pattern else None
    if pos == "ADJ":
        patterns = lexicon.patterns("ADJ", verb_lemma(token))
        return _matched(token, patterns, clause(token)) if patterns else None
    if pos != "VERB":
        return None
    lemma = verb_lemma(token)
    patterns = lexicon.verbs(lemma)
    if not patterns and lemma not in LIGHT_VERBS:
        return None
    words = clause(token)
    found = _matched(token, patterns, words) if patterns else None
    if found is None and lemma in LIGHT_VERBS:
        return _light_verb(token, words, lexicon)
    return found


def _matched(token: Token, patterns: list[Pattern], words: Clause) -> Trigger | None:
    pattern = best_pattern(patterns, words)
    if pattern is None:
        return None
    return Trigger(token, pattern, words, _particle_end(token, pattern))


def _light_verb(verb: Token, words: Clause, lexicon: Lexicon) -> Trigger | None:
    """ "held talks with X", "launched an offensive against X": the object's code, the
    verb's subject, the targets of verb and noun."""
    for noun in words.patients:
        pattern = noun_pattern(lexicon, noun, compounds=True)
        if pattern is not None and pattern.code is not None:
            merged = clause(noun)
            for prep, objects in merged.preps.items():
                words.preps.setdefault(prep, []).extend(objects)
            words.patients = [t for t in words.patients if t.i != noun.i]
            return Trigger(verb, pattern, words, verb.i + 1, noun=noun)
    return None


def _particle_end(token: Token, pattern: Pattern) -> int:
    for child in token.rights:
        if pattern.particle and child.lower_ == pattern.particle and child.dep_ == "prt":
            return child.i + 1
    return token.i + 1


def _consume_arguments(triggers: list[Trigger], by_token: dict[int, Trigger]) -> None:
    """An event noun that is another trigger's object, or the object of its
    preposition, belongs to that trigger: "condemned the attack", "held talks"; so
    does the subject of a violent verb of its kind ("Israeli airstrikes killed 12")."""
    for trigger in triggers:
        token = trigger.token
        if token.dep_ == "acl" and token.tag_ == "VBG" and token.head.i in by_token:
            trigger.consumed = True  # "an attack targeting civilians": the attack
        if token.pos_ not in ("NOUN", "PROPN"):
            continue
        head = token.head
        if token.dep_ == "pobj" and head.dep_ in ("prep", "agent"):
            head = head.head
        elif token.dep_ == "nsubj":
            owner = by_token.get(head.i)
            codes = {
                (owner.pattern.code or "")[:2] if owner else "",
                (trigger.pattern.code or "")[:2],
            }
            if owner is not None and codes <= VIOLENT_ROOTS:
                trigger.consumed = True
            continue
        elif token.dep_ not in ARGUMENT_DEPS and token.dep_ != "conj":
            continue
        owner = by_token.get(head.i)
        if owner is not None and owner is not trigger:
            trigger.consumed = True


def _consume_same_kind(trigger: Trigger, by_token: dict[int, Trigger]) -> None:
    """Part of the head's event: a purpose or result clause of the same kind ("met ...
    to discuss", "shelled the city, killing 20"), a speech verb added to an action
    ("dismissed the appeal, saying ..."), a reason ("arrested for collaborating")."""
    token = trigger.token
    if trigger.code is None:
        return
    if token.dep_ == "pcomp" and token.head.lower_ == "for":
        owner = by_token.get(token.head.head.i)
    elif token.dep_ == "advcl":
        owner = by_token.get(token.head.i)
    else:
        return
    if owner is None or owner.code is None or owner.consumed:
        return
    kinds = {owner.code[:2], trigger.code[:2]}
    if token.dep_ == "pcomp" or len(kinds) == 1 or kinds <= VIOLENT_ROOTS:
        trigger.consumed = True
    elif trigger.pattern.frame == "say" and token.tag_ == "VBG":
        trigger.consumed = True


def _descriptor(trigger: Trigger) -> bool:
    """A passive clause describing a participant tells what once happened to it, not
    the news: "Hamas's mayor, jailed a year ago, was released", "officials accused of
    playing a role", "Yaish, who had been arrested". Violence ("the soldiers killed in
    the ambush") stays coded, and so does a headline's noun ("Five soldiers jailed")."""
    token = trigger.token
    if token.pos_ != "VERB" or token.dep_ not in ("acl", "relcl") or not trigger.clause.passive:
        return False
    if (trigger.code or "")[:2] in VIOLENT_ROOTS or token.head.dep_ == "ROOT":
        return False
    return not any(c.dep_ == "agent" for c in token.children)


# --- 2. frames ------------------------------------------------------------------------------


def _resolve(trigger: Trigger, by_token: dict[int, Trigger], context: Context) -> None:
    """Set ``trigger.code``, resolving its complement first when it is a frame."""
    if trigger.resolved:
        return
    trigger.resolved = True
    pattern = trigger.pattern
    if pattern.frame is None:
        standalone = trigger.token.pos_ not in ("NOUN", "PROPN") or pattern.standalone
        trigger.code = pattern.code if standalone else None
        _cause_of_passive(trigger, by_token)
        for verb in trigger.clause.complements:  # "declined to comment": one event
            if verb.lemma_.lower() in pattern.objects and verb.i in by_token:
                by_token[verb.i].consumed = True
        return
    complement = _complement(trigger, by_token)
    if complement is not None:
        _resolve(complement, by_token, context)
        trigger.complement = complement
    if pattern.frame == "say":
        _resolve_statement(trigger, by_token, context)
        return
    trigger.frame = pattern.frame
    if pattern.frame == "intend" and _controlled(trigger):
        trigger.frame = "appeal"  # "wants Putin to attack": an appeal to Putin
    code = None
    if complement is not None:
        complement.consumed = True
        code = _code_of(complement)
    trigger.code = frame_code(trigger.frame, code, pattern.code)
    if trigger.token.pos_ == "ADJ" and not trigger.clause.complements:
        trigger.code = None  # "ready to talk" is a stated willingness; "ready" alone is not


def _code_of(trigger: Trigger) -> str | None:
    """A complement's code: a noun's own ("called for talks"), a verb's resolved one."""
    if trigger.token.pos_ in ("NOUN", "PROPN") and trigger.noun is None:
        return trigger.pattern.code
    return trigger.code


def _controlled(trigger: Trigger) -> bool:
    """The complement's doer is someone else: "wants Putin to attack", "wants X to"."""
    words = trigger.clause
    if verb_lemma(trigger.token) not in WISH_VERBS:
        return False
    if words.patients and any(c.dep_ == "xcomp" for c in words.complements):
        return True
    own = {t.i for t in words.subjects}
    return any(
        c.dep_ in ("nsubj", "nsubjpass") and c.i not in own and c.lower_ not in PRONOUNS
        for verb in words.complements
        for c in verb.children
    )


def _complement(trigger: Trigger, by_token: dict[int, Trigger]) -> Trigger | None:
    """The coded trigger among the frame's complement verbs, else among its
    complement nouns ("called for talks", "demanded the release of")."""
    verbs = trigger.clause.complements
    if trigger.pattern.frame != "say":  # "was pressured by Congress to help": a misparse
        verbs = verbs + [c for c in trigger.token.children if _purpose(c)]
    for verb in verbs:
        for word in (verb, *verb.conjuncts):  # "called on Arabs to unite and mobilize"
            if word.i in by_token:
                return by_token[word.i]
    words = trigger.clause
    for noun in (*words.patients, *words.noun_complements):
        if noun.i in by_token:
            return by_token[noun.i]
    return None


def _purpose(child: Token) -> bool:
    return child.dep_ == "advcl" and child.pos_ == "VERB" and is_infinitive(child)


def _resolve_statement(trigger: Trigger, by_token: dict[int, Trigger], context: Context) -> None:
    """A speech verb: 010 unless something coded was said; see the module docstring."""
    complement = trigger.complement
    if complement is not None and complement.token.pos_ in ("NOUN", "PROPN"):
        complement.consumed = True  # "announced sanctions against X"
        trigger.code = _code_of(complement)
        return
    said = trigger.clause.complements
    put = mood(said[0]) if said else None
    if complement is not None and _alleged(trigger, complement, context):
        complement.consumed = True  # "claimed that ISIL had attacked Iraq": an accusation
        doers = complement.clause.subjects
        if doers and all(t.lower_ in SELF_PRONOUNS for t in doers):
            trigger.code = CLAIM_RESPONSIBILITY  # "claimed that they had attacked"
            trigger.targets = _targets(complement)
            return
        trigger.code = frame_code("allege", complement.code, "112")
        trigger.targets = doers
    elif put == "must":
        _obligation(trigger, said[0], complement)
    elif complement is not None and complement.code and put in ("will", "would"):
        _stated_plan(trigger, complement)
    elif any(_coded_within(verb, by_token, context) for verb in said):
        trigger.code = None  # the reported event stands alone
    elif put in ("will", "would") and _own_plan(said[0]):
        negated = status(said[0], said[0].sent) == "negated"
        trigger.code = FRAME_CODES["reject" if negated else "intend"]
    else:
        trigger.code = STATEMENT


def _own_plan(verb: Token) -> bool:
    """ "Interpol said it will send a team", "Syria says it will not accept": the
    speaker's own plan of an action (an intent, 030, or a refusal, 120), not a forecast
    ("said the economy would grow") nor a state ("said he would be happy")."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() in STATIVE:
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return bool(subjects) and all(t.lower_ in PLAN_PRONOUNS for t in subjects)


def _alleged(trigger: Trigger, complement: Trigger, context: Context) -> bool:
    """A claim that someone else did something hostile: "claimed that ISIL had
    attacked"; with any speech verb when the doer is a country other than the
    speaker's, both known ("the US said that Iraq had attacked", "Ukraine said Russia
    shelled Kharkiv"); not a plan ("said it would attack": a threat),
    a report on one's own side ("the White House said Clinton imposed sanctions") nor a
    news source after the fact ("Y shelled Z, police said": the shelling is coded)."""
    if (complement.code or "")[:2] < "14":
        return False
    if verb_lemma(trigger.token) in CLAIM_VERBS:
        return True
    if mood(complement.token) is not None or complement.token.i < trigger.token.i:
        return False  # "Y attacked Z, X said": X is the news source, not an accuser
    speakers = {country_of(t, context) for t in trigger.clause.subjects}
    doers = {country_of(t, context) for t in complement.sources or complement.clause.subjects}
    return None not in speakers | doers and bool(speakers and doers) and not speakers & doers


def _obligation(trigger: Trigger, said: Token, complement: Trigger | None) -> None:
    """ "said China must drop barriers": the speaker's demand on China."""
    code = None
    if complement is not None and complement.token.i == said.i:
        complement.consumed = True
        code = complement.code
    trigger.code = frame_code("demand", code, "100")
    trigger.targets = clause(said).subjects


def _stated_plan(trigger: Trigger, complement: Trigger) -> None:
    """ "Kenya said it would send troops", "Portugal will support ..., Soares said": an
    intent (03x) or a threat (13x) of the planner; "would not" is a refusal (12x)."""
    complement.consumed = True
    verb = complement.token
    negated = status(verb, verb.sent) == "negated"
    conditional = any(c.dep_ == "advcl" and has_condition_mark(c) for c in verb.children)
    frame = "reject" if negated else "threaten" if conditional else "intend"
    trigger.code = frame_code(frame, complement.code, STATEMENT)
    planners = [relative_head(t) for t in complement.clause.subjects]
    if planners and not all(t.lower_ in PRONOUNS for t in planners):
        trigger.sources = planners
    trigger.targets = _targets(complement)


def _coded_within(verb: Token, by_token: dict[int, Trigger], context: Context) -> bool:
    start, end = verb.left_edge.i, verb.right_edge.i
    inside = [t for i, t in by_token.items() if start <= i <= end]
    for other in inside:
        _resolve(other, by_token, context)
    return any(t.code and t.code != STATEMENT for t in inside)


def _cause_of_passive(trigger: Trigger, by_token: dict[int, Trigger]) -> None:
    """ "four children were killed in Israeli shelling": a violent act takes the kind
    of the attack it happened in ("wounded two soldiers in a bomb attack": 183), and a
    passive with no agent its source."""
    words = trigger.clause
    if trigger.code is None or trigger.code[:2] not in VIOLENT_ROOTS:
        return
    for prep in CAUSE_PREPS:
        for noun in words.prep_objects(prep):
            cause = by_token.get(noun.i)
            if cause is None or cause.pattern.code is None:
                continue
            if words.passive and not words.subjects:
                trigger.sources = cause.clause.subjects
            if cause.pattern.code[:2] in VIOLENT_ROOTS:
                trigger.code = cause.pattern.code
            return


# --- 3. events ------------------------------------------------------------------------------


def _events(trigger: Trigger, sentence: Span, context: Context) -> list[Event]:
    token, pattern = trigger.token, trigger.pattern
    code = cameo(_joint(trigger) or trigger.code or "")
    source_tokens = _sources(trigger, context)
    target_tokens = _targets(trigger)
    if pattern.needs_target and not target_tokens:
        return []
    if pattern.inverse:
        source_tokens, target_tokens = target_tokens, source_tokens
    target_tokens = [t for t in target_tokens if t.i not in {s.i for s in source_tokens}]
    sources = [participant(t, context) for t in group_members(source_tokens, context)]
    targets = [participant(t, context) for t in group_members(target_tokens, context)]
    state = status(token, sentence)
    if code.code == STATEMENT and state == "negated" and token.lemma_.lower() in NO_COMMENT:
        code, state = cameo("011"), "fact"  # "has not commented": declined to comment
    date = date_of(token, sentence, context)
    place = place_of(trigger.clause, context)
    return [
        Event(
            source=source.key,
            target=target.key if target is not None else None,
            cameo=code.code,
            root=code.root,
            quad_class=code.quad_class,
            goldstein=code.goldstein,
            trigger_start=token.i,
            trigger_end=trigger.end,
            status=state,  # type: ignore[arg-type]
            source_text=source.text,
            target_text=target.text if target is not None else None,
            date=date,
            place=place,
            pattern=_pattern_name(trigger),
        )
        for source, target in _pairs(sources, targets, trigger, code.root)
        if source.key or source.text or (target is not None and target.key)
    ]  # an event names an actor or at least its source: not "the attack", "a blast"


def _joint(trigger: Trigger) -> str | None:
    """Military exercises held together are military cooperation: "French and
    Egyptian warships launched war games" (062), not a show of force (150)."""
    if trigger.code == "150" and len(trigger.clause.subjects) > 1:
        return "062"
    return None


def _pairs(
    sources: list[Participant], targets: list[Participant], trigger: Trigger, root: str
) -> list[tuple[Participant, Participant | None]]:
    """(source, target) pairs; coordinated subjects of a reciprocal action with no
    target give one event each way."""
    if not sources:
        sources = [Participant(None, None)]
    lemma = trigger.token.lemma_.lower()
    reciprocal = root in RECIPROCAL_ROOTS or lemma in RECIPROCAL_LEMMAS
    if not targets and reciprocal and len(sources) > 1:
        return [(a, b) for a in sources for b in sources if a is not b]
    if not targets:
        return [(s, None) for s in sources]
    pairs = [(s, t) for s in sources for t in targets if s.key is None or s.key != t.key]
    return pairs or [(s, None) for s in sources]


def _sources(trigger: Trigger, context: Context) -> list[Token]:
    """The subjects (or the sources a frame set); for an event noun only its owner and
    the actor words before it ("China's blockade", "Israeli strikes"), not "air" in
    "air strikes"."""
    subjects = trigger.sources if trigger.sources is not None else trigger.clause.subjects
    subjects = [relative_head(t) for t in subjects]
    noun = trigger.token.pos_ in ("NOUN", "PROPN") and trigger.noun is None
    if noun or trigger.sources is not None:
        subjects = [t for t in subjects if t.dep_ in ("poss", "pobj") or is_actor_word(t, context)]
    if noun and not subjects and (trigger.code or "")[:2] in RECIPROCAL_ROOTS:
        words = trigger.clause  # "the meeting of the rival parties", "talks between X and Y"
        subjects = words.prep_objects("between") or words.prep_objects("of")
    return subjects


def _targets(trigger: Trigger) -> list[Token]:
    """The target slots of the pattern in order; for a frame the addressee, else its
    complement's subject (appeals, demands) or target (plans, threats, refusals)."""
    if trigger.targets is not None:
        return trigger.targets
    if trigger.code == RALLY and trigger.complement is not None:
        return _targets(trigger.complement)  # "called for sanctions against X": against X
    pattern = trigger.pattern
    frame = trigger.frame or pattern.frame
    is_noun = trigger.token.pos_ in ("NOUN", "PROPN")
    slots = pattern.target or (() if frame else NOUN_TARGETS if is_noun else DEFAULT_TARGETS)
    skip = _object_words(trigger)
    for slot in slots:
        tokens = [relative_head(t) for t in _slot(trigger.clause, slot) if t.i not in skip]
        if tokens:
            return tokens
    if frame in ("appeal", "demand", "allege") and trigger.clause.complements:
        return [t for t in clause(trigger.clause.complements[0]).subjects if t.i not in skip]
    if frame is not None and trigger.complement is not None:
        return [t for t in _targets(trigger.complement) if t.i not in skip]
    return []


def _object_words(trigger: Trigger) -> set[int]:
    """Words that are the action's object, not its target: the complement and the
    nouns a pattern asked for ("imposed sanctions", "called for talks")."""
    skip = {trigger.token.i}
    if trigger.complement is not None:
        skip.add(trigger.complement.token.i)
    if trigger.noun is not None:
        skip.add(trigger.noun.i)
    if trigger.pattern.objects:
        skip.update(t.i for t in trigger.clause.patients if t.pos_ != "PROPN")
    return skip


def _slot(words: Clause, slot: str) -> list[Token]:
    if slot == "dobj":
        return words.patients
    if slot == "dative":
        return words.datives
    if slot.startswith("prep:"):
        return words.prep_objects(slot[5:])
    return []


def _pattern_name(trigger: Trigger) -> str:
    """ "newsgraph:call (on) -> release [0253]": where a code came from."""
    pattern = trigger.pattern
    name = pattern.lemma if not pattern.particle else f"{pattern.lemma} {pattern.particle}"
    if trigger.noun is not None:
        name = f"{trigger.token.lemma_.lower()} + {name}"
    if pattern.objects:
        name += " + " + pattern.objects[0]
    if pattern.prep:
        name += f" ({pattern.prep} {pattern.prep_objects[0] if pattern.prep_objects else ''})"
    if trigger.complement is not None:
        name += f" -> {trigger.complement.token.lemma_.lower()}"
    return f"{pattern.origin}:{name.replace(' )', ')')} [{trigger.code}]"
