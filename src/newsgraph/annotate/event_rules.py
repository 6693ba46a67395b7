"""Reading the parse for ``newsgraph_events``: a trigger word's clause, the pattern it
matches, its participants, and when and where it happened.

1. A clause (:class:`Clause`) is a trigger's dependency neighbourhood: subjects (the
   agent "by X" of a passive), patients (objects, or the passive subject), preposition
   objects (also those hanging off the object: "imposed sanctions on X"; never a date:
   "on Sunday"), particles, and complements (xcomp, ccomp, pcomp verbs; nouns after
   "for", "to", "on"). A verb without a subject of its own borrows one: a conjunct its
   first conjunct's, a participle or purpose clause its head's, a relative clause its
   head noun. An event noun's subjects are its owner and the words before it
   ("China's blockade"); a framing adjective's ("is willing to") the copula's.
2. The patterns of the trigger's lemma are tried on the clause; the most specific one
   that holds wins (:func:`best_pattern`), a curated one on a tie. Object phrases match
   the object's head, its pre-modifiers and its "of" phrase ("tons of food aid").
3. A participant word is an actor (:func:`participant`) when an actor span covers it,
   a modifier, owner or apposition of it, or its "of"/"from"/"for" object; a demonym
   modifying it or modifying the event word stands for its country ("Israeli
   shelling"), and so does a country named as a place ("fired into Israel").
4. The date (:func:`date_of`) is the sentence's date span attached to the trigger, else
   the nearest one, else the publication date; the place (:func:`place_of`) a place
   span attached to the trigger or its object by "in", "at", "near" ...
5. The document (:func:`document_context`, :func:`deduplicate`): the other
   annotators' spans indexed once; repeated events and surplus statements dropped.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from newsgraph.annotate import gazetteer as gz
from newsgraph.annotate.event_verbs import (
    Lexicon,
    Pattern,
    PhraseTable,
    has_condition_mark,
    is_infinitive,
    longest_phrase,
    verb_lemma,
)
from newsgraph.annotate.types import DocActor, Event, doc_actors

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
OBJECT_DEPS = frozenset({"dobj", "attr", "oprd"})
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "nummod"})
COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp"})
NOUN_COMPLEMENT_PREPS = frozenset({"for", "to", "on"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})

ACTOR_PREPS = frozenset({"of", "from", "for"})
ACTOR_CHILD_DEPS = frozenset({"compound", "amod", "poss", "nmod", "appos"})
STATEMENT = "010"
PLACE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "across", "around", "off"})


@dataclass(slots=True)
class Clause:
    """The participants and complements of one trigger word."""

    trigger: Token
    subjects: list[Token] = field(default_factory=list)
    patients: list[Token] = field(default_factory=list)
    datives: list[Token] = field(default_factory=list)
    preps: dict[str, list[Token]] = field(default_factory=dict)
    particles: set[str] = field(default_factory=set)
    complements: list[Token] = field(default_factory=list)  # verbs
    noun_complements: list[Token] = field(default_factory=list)
    passive: bool = False

    def prep_objects(self, prep: str) -> list[Token]:
        return self.preps.get(prep, [])


# --- 1. clauses ----------------------------------------------------------------------


def clause(trigger: Token) -> Clause:
    """The clause of a verb, an event noun (:func:`noun_clause`) or a framing adjective
    ("Norway is willing to send", :func:`adjective_clause`)."""
    if trigger.pos_ in ("NOUN", "PROPN"):
        return noun_clause(trigger)
    if trigger.pos_ == "ADJ":
        return adjective_clause(trigger)
    found = Clause(trigger, passive=_is_passive(trigger))
    for child in trigger.children:
        _add_child(found, child)
    if found.passive and trigger.dep_ in ("acl", "relcl"):
        # "soldiers killed in Ukraine", "Yaish, who had been arrested": the noun suffered it
        found.patients[:] = [t for t in found.patients if t.lower_ not in RELATIVE_PRONOUNS]
        found.patients.extend(conjuncts(trigger.head))
    for patient in list(found.patients):
        for child in patient.children:
            if child.dep_ == "prep":
                _add_prep(found, child)
    if not found.subjects:
        found.subjects = borrowed_subjects(trigger)
    return found


def _add_child(found: Clause, child: Token) -> None:
    dep = child.dep_
    if child.ent_type_ in ("DATE", "TIME"):
        return  # "this week's meeting", "talking for two years"
    if dep in SUBJECT_DEPS:
        target = found.patients if found.passive and dep == "csubj" else found.subjects
        _extend(target, child)
    elif dep in PASSIVE_SUBJECT_DEPS:
        _extend(found.patients, child)
    elif dep == "agent":
        found.subjects.extend(t for pobj in _pobjs(child) for t in conjuncts(pobj))
    elif dep in OBJECT_DEPS:
        _extend(found.patients, child)
    elif dep == "dative":
        found.datives.extend(conjuncts(_pobjs(child)[0]) if _pobjs(child) else [child])
    elif dep == "prt":
        found.particles.add(child.lower_)
    elif dep == "prep":
        _add_prep(found, child)
    elif dep in COMPLEMENT_DEPS and child.pos_ in ("VERB", "AUX"):
        found.complements.append(child)


def _extend(words: list[Token], child: Token) -> None:
    """Add a participant and its conjuncts. A noun phrase the parser split into two
    siblings of one head ("the militant group al-Shabab", "non - Muslims") counts once,
    by its last word."""
    if words:
        last = words[-1]
        split = last.head.i == child.head.i and last.dep_ == child.dep_
        if split and last.right_edge.i + 2 >= child.left_edge.i:
            words.pop()
    words.extend(conjuncts(child))


def _add_prep(found: Clause, prep: Token) -> None:
    """A preposition and its objects; a date or time ("on Sunday") is no object."""
    word = prep.lower_
    found.particles.add(word)
    objects = [
        t for pobj in _pobjs(prep) for t in conjuncts(pobj) if t.ent_type_ not in ("DATE", "TIME")
    ]
    if not objects and _pobjs(prep):
        return
    found.preps.setdefault(word, []).extend(objects)
    for child in prep.children:
        if child.dep_ == "pcomp" and child.pos_ == "VERB":
            found.complements.append(child)
    if word in NOUN_COMPLEMENT_PREPS:
        found.noun_complements.extend(t for t in objects if t.pos_ == "NOUN")


def noun_clause(noun: Token) -> Clause:
    """An event noun's participants: the owner ("China's blockade"), an actor word
    before it ("Israeli strikes"), "by X" as subjects; "of", "on", "against", "with",
    "to", "between" objects as preposition objects."""
    found = Clause(noun)
    for child in noun.children:
        if child.ent_type_ in ("DATE", "TIME"):
            continue
        if child.dep_ == "poss" or (child.dep_ in MODIFIER_DEPS and child.i < noun.i):
            found.subjects.extend(conjuncts(child))
        elif child.dep_ == "prep":
            if child.lower_ == "by":
                found.subjects.extend(t for p in _pobjs(child) for t in conjuncts(p))
            else:
                _add_prep(found, child)
    return found


def adjective_clause(adjective: Token) -> Clause:
    """ "willing" in "Norway is willing to send troops": the copula's subjects, the
    adjective's to-clause."""
    found = Clause(adjective)
    head = adjective.head
    if adjective.dep_ in ("acomp", "amod", "xcomp") and head.i != adjective.i:
        found.subjects = [t for c in head.children if c.dep_ in SUBJECT_DEPS for t in conjuncts(c)]
    for child in adjective.children:
        if child.dep_ in COMPLEMENT_DEPS and child.pos_ in ("VERB", "AUX"):
            found.complements.append(child)
        elif child.dep_ == "prep":
            _add_prep(found, child)
    return found


def borrowed_subjects(verb: Token) -> list[Token]:
    """The subject a verb without one shares: its first conjunct's ("X met Y and
    signed"), its head's for a participle or to-clause ("..., killing 12"), an object
    controller's ("urged X to leave"), or the noun a relative clause hangs off."""
    head = verb.head
    if head.i == verb.i:
        return []
    dep = verb.dep_
    if dep == "conj":
        return clause(head).subjects if head.pos_ in ("VERB", "AUX") else []
    if dep == "xcomp" and head.pos_ in ("VERB", "AUX", "ADJ"):
        controller = [c for c in head.children if c.dep_ in ("dobj", "dative")]
        if controller:
            return conjuncts(controller[0])
        governing = clause(head)  # "the leaders are set to sign": the raised subject
        return governing.subjects or (governing.patients if governing.passive else [])
    if dep == "advcl" and (verb.tag_ in ("VBG", "VBN") or is_infinitive(verb)):
        return clause(head).subjects if head.pos_ in ("VERB", "AUX") else []
    if dep == "relcl":
        return [] if _is_passive(verb) else conjuncts(head)
    if dep == "acl" and verb.tag_ == "VBG":
        return conjuncts(head)
    return []


def relative_head(token: Token) -> Token:
    """ "who" in "the rebels who attacked" stands for "rebels"."""
    if token.lower_ in RELATIVE_PRONOUNS and token.head.dep_ == "relcl":
        return token.head.head
    return token


def conjuncts(token: Token) -> list[Token]:
    """``token`` and the words coordinated with it ("Egypt and Qatar")."""
    return [token, *(t for t in token.conjuncts if t.i > token.i)]


def _pobjs(prep: Token) -> list[Token]:
    return [c for c in prep.children if c.dep_ in ("pobj", "pcomp") and c.pos_ != "VERB"]


def _is_passive(verb: Token) -> bool:
    """ "were arrested", "the convoy attacked by gunmen"; not a misparsed active verb
    with an object of its own."""
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return True
    return (
        verb.dep_ == "acl"
        and verb.tag_ == "VBN"
        and not any(c.dep_ == "dobj" for c in verb.children)
    )


# --- 2. patterns ---------------------------------------------------------------------


def best_pattern(patterns: list[Pattern], found: Clause) -> Pattern | None:
    """The most specific pattern whose constraints ``found`` meets, a longer matching
    phrase counting for more ("humanitarian aid" over "aid"); curated patterns come
    first in the list and so win ties."""
    best: Pattern | None = None
    best_score = -1
    tables: dict[tuple[int, ...], PhraseTable] = {}
    for pattern in patterns:
        if pattern.specificity + 3 <= best_score:
            continue
        score = match_score(pattern, found, tables)
        if score is not None and score > best_score:
            best, best_score = pattern, score
    return best


def holds(pattern: Pattern, found: Clause) -> bool:
    """Whether the clause meets every constraint of the pattern."""
    return match_score(pattern, found) is not None


def match_score(
    pattern: Pattern, found: Clause, tables: dict[tuple[int, ...], PhraseTable] | None = None
) -> int | None:
    """The pattern's specificity plus the extra words of its longest matched phrase,
    or None when a constraint fails; ``tables`` as for :func:`longest_phrase`."""
    if pattern.particle and pattern.particle not in found.particles:
        return None
    words = [0]
    if pattern.objects and (hit := _objects_match(pattern.objects, found, tables)) is None:
        return None
    if pattern.objects:
        words.append(hit)
    if pattern.prep:
        if pattern.prep not in found.preps and pattern.prep not in found.particles:
            return None
        objects = found.prep_objects(pattern.prep)
        if (
            pattern.prep_objects
            and (hit := longest_phrase(objects, pattern.prep_objects, tables)) is None
        ):
            return None
        words.append(hit if pattern.prep_objects else 0)
    if (
        pattern.subjects
        and (hit := longest_phrase(found.subjects, pattern.subjects, tables)) is None
    ):
        return None
    if pattern.subjects:
        words.append(hit)
    return pattern.specificity + max(words)


def _objects_match(
    phrases: tuple[str, ...],
    found: Clause,
    tables: dict[tuple[int, ...], PhraseTable] | None = None,
) -> int | None:
    """Extra words of the longest object phrase that matches, or None: an object
    phrase, or the lemma of a complement verb ("declined to comment"); ``*clause`` asks
    for a clause ("protested that ..."), ``*whether`` for a question ("asked whether")."""
    if "*clause" in phrases:
        return 0 if any(c.dep_ == "ccomp" for c in found.complements) else None
    if "*whether" in phrases:
        return 0 if any(has_condition_mark(c) for c in found.complements) else None
    if found.trigger.pos_ in ("NOUN", "PROPN"):
        return longest_phrase([found.trigger], phrases, tables)
    hit = longest_phrase(found.patients, phrases, tables)
    if hit is not None:
        return hit
    lemmas = {verb_lemma(c) for c in found.complements}
    return 0 if any(phrase in lemmas for phrase in phrases) else None


def noun_pattern(lexicon: Lexicon, noun: Token, *, compounds: bool = False) -> Pattern | None:
    """The pattern of an event noun, from its own words ("air strike", "talks"); with
    ``compounds``, also of a noun before it ("a mediation mission")."""
    patterns = lexicon.nouns(noun.lemma_.lower()) or lexicon.nouns(noun.lower_)
    if not patterns and compounds:
        for child in noun.lefts:
            if child.dep_ == "compound" and (found := noun_pattern(lexicon, child)):
                return found
    if not patterns:
        return None
    best, best_score = None, -1
    tables: dict[tuple[int, ...], PhraseTable] = {}
    for pattern in patterns:
        hit = longest_phrase([noun], pattern.objects, tables) if pattern.objects else 0
        if hit is None or pattern.prep and pattern.prep not in {c.lower_ for c in noun.children}:
            continue
        if pattern.specificity + hit > best_score:
            best, best_score = pattern, pattern.specificity + hit
    return best


@dataclass(slots=True)
class Participant:
    """An event participant: an actor key (or None) and the words naming it."""

    key: str | None
    text: str | None


@dataclass(slots=True)
class Context:
    """What the other annotators found in a document, indexed for the events."""

    doc: Doc
    actor_at: list[Span | None]
    dates: list[Span]
    places: list[Span]
    place_at: dict[int, Span] = field(default_factory=dict)  # word -> its place span
    place_words: list[int] = field(default_factory=list)  # the keys of place_at, sorted
    dates_in: dict[int, list[Span]] = field(default_factory=dict)  # sentence start -> dates
    quote_of: dict[int, int] = field(default_factory=dict)  # quoted or cue word -> quote
    cues: set[int] = field(default_factory=set)  # the words that cue a quote ("said")


# --- 3. participants ---------------------------------------------------------------------


def participant(token: Token, context: Context) -> Participant:
    """The actor a participant word stands for, and the words naming it."""
    span = _actor_span(token, context)
    text = _phrase_text(token)
    if span is not None:
        return Participant(span._.actor, text)
    if (iso3 := _demonym(token)) is not None:
        return Participant(_country_actor(context.doc, iso3), text)  # "Israeli shelling"
    return Participant(_place_actor(token, context), text)


def country_of(token: Token, context: Context) -> str | None:
    """The country code of the actor a participant word stands for ("Iraq", "the
    White House", "government forces" in a Syrian story), or None."""
    key = participant(token, context).key
    actor = doc_actors(context.doc).get(key) if key is not None else None
    return (actor.country or (actor.code or "")[:3] or None) if actor is not None else None


def is_actor_word(token: Token, context: Context) -> bool:
    """An actor span covers the word, or it is a demonym ("Israeli strikes")."""
    return context.actor_at[token.i] is not None or gz.demonym(token.text) is not None


def group_members(tokens: list[Token], context: Context) -> list[Token]:
    """Participants, with a group named by its members split into them: "senior envoys
    from Somalia and Ethiopia" is Somalia and Ethiopia."""
    members: list[Token] = []
    for token in tokens:
        found = _coordinated_modifiers(token, context) or [token]
        if _actor_span(token, context) is None or context.actor_at[token.i] is None:
            for prep in token.children:
                if prep.dep_ == "prep" and prep.lower_ in ACTOR_PREPS:
                    pobjs = [t for p in _pobjs(prep) for t in conjuncts(p)]
                    if len(pobjs) > 1 and all(context.actor_at[t.i] for t in pobjs):
                        found = pobjs
        members.extend(found)
    return members


def _coordinated_modifiers(token: Token, context: Context) -> list[Token]:
    """ "US and British activists": coordinated modifiers naming different actors are
    one participant each."""
    for child in token.lefts:
        if child.dep_ not in MODIFIER_DEPS or not child.conjuncts:
            continue
        words = conjuncts(child)
        spans = [context.actor_at[t.i] for t in words]
        keys = {s._.actor for s in spans if s is not None}
        if None not in spans and len(keys) == len(words):
            return words
    return []


def _demonym(token: Token) -> str | None:
    """The country of a demonym that modifies an event word, or of one modifying the
    participant: "Israeli" in "Israeli shelling", "French mediation"."""
    if token.dep_ in ("amod", "compound", "nmod") and (iso3 := gz.demonym(token.text)):
        return iso3
    for child in token.lefts:
        if child.dep_ in ("amod", "compound") and (iso3 := gz.demonym(child.text)):
            return iso3
    return None


def _actor_span(token: Token, context: Context) -> Span | None:
    actor_at = context.actor_at
    if actor_at[token.i] is not None:
        return actor_at[token.i]
    for child in token.children:
        if child.dep_ in ACTOR_CHILD_DEPS and actor_at[child.i] is not None:
            return actor_at[child.i]
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in ACTOR_PREPS:
            for pobj in child.children:
                if pobj.dep_ == "pobj" and actor_at[pobj.i] is not None:
                    return actor_at[pobj.i]
    return None


def _phrase_text(token: Token) -> str:
    """The participant's noun phrase up to its head and any "of"/"from"/"for" phrase:
    "some twenty opposition groups", "the leaders of Egypt"."""
    end = token.i + 1
    for child in token.rights:
        if child.dep_ == "prep" and child.lower_ in ACTOR_PREPS:
            end = max(end, child.right_edge.i + 1)
        elif child.dep_ in ("compound", "nummod"):
            end = max(end, child.i + 1)
    start = token.left_edge.i
    while start < token.i and (token.doc[start].is_punct or token.doc[start].is_quote):
        start += 1
    return token.doc[start:end].text


def _place_actor(token: Token, context: Context) -> str | None:
    """A country named as a place ("fired into Israel", "visited Kenya") as its
    country actor, added to ``Doc._.actors`` when missing."""
    span = context.place_at.get(token.i)
    place = span._.place if span is not None else None
    if place is None or place.country is None or place.kind != "country":
        return None
    return _country_actor(context.doc, place.country)


def _country_actor(doc: Doc, iso3: str) -> str:
    actors = doc_actors(doc)
    key = f"country:{iso3}"
    if key not in actors:
        name = gz.country_name(iso3) or iso3
        actors[key] = DocActor(key=key, name=name, type="country", country=iso3, code=iso3)
    return key


# --- 4. when and where --------------------------------------------------------------------


def date_of(token: Token, sentence: Span, context: Context) -> str | None:
    """The date of the trigger's sentence, see the module docstring."""
    spans = context.dates_in.get(sentence.start, [])
    if not spans:
        return context.doc._.published
    attached = [s for s in spans if _attached(s.root, token)]
    best = min(attached or spans, key=lambda s: abs(s.start - token.i))
    return best._.date.start


def _attached(word: Token, trigger: Token) -> bool:
    """``word`` hangs off ``trigger`` directly or through one preposition."""
    head = word.head
    return head.i == trigger.i or (head.dep_ in ("prep", "npadvmod") and head.head.i == trigger.i)


def place_of(words: Clause, context: Context) -> str | None:
    """The place attached to the trigger or its object ("attacked a market in Tillabéri");
    not one attached to the subject ("the US commander in Iraq held talks in Beirut")."""
    anchors = {words.trigger.i, *(t.i for t in words.patients)}
    nearby = {
        id(s): s
        for i in anchors
        if _place_within(context, context.doc[i])
        for c in context.doc[i].subtree
        if (s := context.place_at.get(c.i))
    }
    for span in nearby.values():
        root, prep = span.root, span.root.head
        named = root.dep_ == "compound" and prep.i == words.trigger.i  # "the Cairo meeting"
        if named or prep.dep_ == "prep" and prep.lower_ in PLACE_PREPS and prep.head.i in anchors:
            if (place := span._.place) is not None:
                values = (place.name, place.country, place.lat, place.lon)
                return "|".join("" if v is None else str(v) for v in values)
    return None


def _place_within(context: Context, token: Token) -> bool:
    """Whether a place word lies between the edges of ``token``'s subtree (else there
    is no need to walk the subtree, which makes a Token of every word in it)."""
    low, high = token.left_edge.i, token.right_edge.i
    words = context.place_words
    first = bisect_left(words, low)
    return first < len(words) and words[first] <= high


def document_context(doc: Doc) -> Context:
    """Index the actor, date, place and quote spans of ``doc``."""
    actor_at: list[Span | None] = [None] * len(doc)
    for span in doc.spans["actors"] if "actors" in doc.spans else ():
        if span._.actor is not None:
            for i in range(span.start, span.end):
                actor_at[i] = span
    dates = list(doc.spans["dates"]) if "dates" in doc.spans else []
    places = list(doc.spans["places"]) if "places" in doc.spans else []
    context = Context(doc, actor_at, dates, places)
    for span in places:
        context.place_at.update((i, span) for i in range(span.start, span.end))
    context.place_words = sorted(context.place_at)
    for span in dates:
        if span._.date is not None:
            context.dates_in.setdefault(doc[span.start].sent.start, []).append(span)
    for number, quote in enumerate(doc.spans["quotes"] if "quotes" in doc.spans else ()):
        cue = quote._.cue_span  # the quoted words and the words that cue them
        cue_words = range(cue.start, cue.end) if cue is not None else range(0)
        context.cues.update(cue_words)
        for i in (*range(quote.start, quote.end), *cue_words):
            context.quote_of[i] = number
    return context


def deduplicate(events: list[Event], context: Context, *, statements: bool) -> list[Event]:
    """Drop repeated events (same trigger, code and participants) and keep at most one
    statement (010) per trigger, per speaker and sentence, and per quote (the quote's own
    cue first: "said" in “We said so,” the minister said); none at all when
    ``statements`` is off."""
    cued = sorted(events, key=lambda e: e.trigger_start not in context.cues)
    kept_statements = {id(e) for e in _statements(cued, context)} if statements else set()
    kept: list[Event] = []
    seen: set[tuple] = set()
    for event in events:
        if event.cameo == STATEMENT and id(event) not in kept_statements:
            continue
        key = (event.trigger_start, event.cameo, event.source, event.target,
               event.source_text, event.target_text)  # fmt: skip
        if key not in seen:
            seen.add(key)
            kept.append(event)
    return kept


def _statements(events: list[Event], context: Context) -> list[Event]:
    kept: list[Event] = []
    seen: set[tuple] = set()
    for event in events:
        if event.cameo != STATEMENT:
            continue
        sentence = context.doc[event.trigger_start].sent.start
        quote = context.quote_of.get(event.trigger_start)
        keys = [("said", event.trigger_start), ("speaker", event.source, sentence)]
        keys += [("quote", quote)] if quote is not None else []
        if not any(key in seen for key in keys):
            seen.update(keys)
            kept.append(event)
    return kept
