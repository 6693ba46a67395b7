"""The one boundary where spaCy structures become plain records for the store."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from newsgraph.annotate.types import DocActor, Event, PlaceValue, doc_text
from newsgraph.model import (
    ActorRecord,
    Annotations,
    CountRecord,
    DateMention,
    EventRecord,
    Mention,
    PlaceMention,
    QuoteRecord,
    Sentence,
)


def doc_annotations(doc: Doc) -> Annotations:
    """Sentences, actors, mentions, dates and places of a finished ``doc``."""
    sentence_of = _sentence_index(doc)
    actors = doc._.actors or {}
    text = doc_text(doc)  # slices of it, rather than Span.text (a join of tokens)
    return Annotations(
        sentences=tuple(Sentence(i, s.start_char, s.end_char) for i, s in enumerate(doc.sents)),
        actors=tuple(_actor_record(a) for a in actors.values()),
        mentions=tuple(
            Mention(
                actor_key=span._.actor,
                text=text[span.start_char : span.end_char],
                start=span.start_char,
                end=span.end_char,
                sentence=sentence_of[span.start],
                kind=span._.mention_kind or "name",
            )
            for span in _spans(doc, "actors")
            if span._.actor in actors
        ),
        dates=tuple(
            DateMention(
                text=text[span.start_char : span.end_char],
                start=span.start_char,
                end=span.end_char,
                sentence=sentence_of[span.start],
                date_start=span._.date.start,
                date_end=span._.date.end,
                confidence=span._.date.confidence,
                granularity=span._.date.granularity,
            )
            for span in _spans(doc, "dates")
            if span._.date is not None
        ),
        places=tuple(
            _place_mention(span, place, text, sentence_of)
            for span in _spans(doc, "places")
            if (place := span._.place) is not None
        ),
        quotes=tuple(
            _quote_record(span, text, sentence_of, actors) for span in _spans(doc, "quotes")
        ),
        events=tuple(
            _event_record(doc, i, event, sentence_of, actors)
            for i, event in enumerate(doc._.events or ())
        ),
        counts=tuple(
            CountRecord(
                kind=c.kind,
                number=c.number,
                qualifier=c.qualifier,
                object=c.object,
                start=doc[c.start].idx,
                end=doc[c.end - 1].idx + len(doc[c.end - 1]),
                sentence=sentence_of[c.start],
            )
            for c in doc._.counts or ()
        ),
        tone=doc._.tone,
        sentence_tones=tuple(doc._.sentence_tones or ()),
    )


def _event_record(
    doc: Doc, index: int, event: Event, sentence_of: list[int], actors: dict[str, DocActor]
) -> EventRecord:
    trigger = doc[event.trigger_start : event.trigger_end]
    sentence = sentence_of[event.trigger_start]
    tones = doc._.sentence_tones or ()
    return EventRecord(
        index=index,
        sentence=sentence,
        start=trigger.start_char,
        end=trigger.end_char,
        source_key=event.source if event.source in actors else None,
        target_key=event.target if event.target in actors else None,
        source_text=event.source_text,
        target_text=event.target_text,
        cameo=event.cameo,
        root=event.root,
        quad_class=event.quad_class,
        goldstein=event.goldstein,
        status=event.status,
        date=event.date,
        place=event.place,
        tone=tones[sentence] if sentence < len(tones) else None,
        pattern=event.pattern,
    )


def _quote_record(
    span: Span, text: str, sentence_of: list[int], actors: dict[str, DocActor]
) -> QuoteRecord:
    return QuoteRecord(
        text=text[span.start_char : span.end_char],
        start=span.start_char,
        end=span.end_char,
        sentence=sentence_of[span.start],
        kind=span._.quote_kind or "direct",
        speaker_key=span._.speaker if span._.speaker in actors else None,
        speaker_text=span._.speaker_text,
        cue=span._.cue,
        addressee=span._.addressee,
        addressee_key=span._.addressee_actor if span._.addressee_actor in actors else None,
    )


def _place_mention(
    span: Span, place: PlaceValue, text: str, sentence_of: list[int]
) -> PlaceMention:
    return PlaceMention(
        text=text[span.start_char : span.end_char],
        start=span.start_char,
        end=span.end_char,
        sentence=sentence_of[span.start],
        name=place.name,
        country=place.country,
        lat=place.lat,
        lon=place.lon,
        kind=place.kind,
        geonameid=place.geonameid,
    )


def _spans(doc: Doc, group: str) -> list[Span]:
    return list(doc.spans[group]) if group in doc.spans else []


def _sentence_index(doc: Doc) -> list[int]:
    index = [0] * len(doc)
    for number, sentence in enumerate(doc.sents):
        for i in range(sentence.start, sentence.end):
            index[i] = number
    return index


def _actor_record(actor: DocActor) -> ActorRecord:
    return ActorRecord(
        key=actor.key,
        name=actor.name,
        type=actor.type,
        country=actor.country,
        role=actor.role,
        code=actor.code,
        aliases=tuple(sorted(actor.aliases)),
        affiliation=actor.affiliation,
    )
