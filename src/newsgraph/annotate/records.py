"""The one boundary where spaCy structures become plain records for the store."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from newsgraph.annotate.types import DocActor
from newsgraph.model import (
    ActorRecord,
    Annotations,
    DateMention,
    Mention,
    PlaceMention,
    QuoteRecord,
    Sentence,
)


def doc_annotations(doc: Doc) -> Annotations:
    """Sentences, actors, mentions, dates and places of a finished ``doc``."""
    sentence_of = _sentence_index(doc)
    actors = doc._.actors or {}
    return Annotations(
        sentences=tuple(Sentence(i, s.start_char, s.end_char) for i, s in enumerate(doc.sents)),
        actors=tuple(_actor_record(a) for a in actors.values()),
        mentions=tuple(
            Mention(
                actor_key=span._.actor,
                text=span.text,
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
                text=span.text,
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
            PlaceMention(
                text=span.text,
                start=span.start_char,
                end=span.end_char,
                sentence=sentence_of[span.start],
                name=span._.place.name,
                country=span._.place.country,
                lat=span._.place.lat,
                lon=span._.place.lon,
                kind=span._.place.kind,
                geonameid=span._.place.geonameid,
            )
            for span in _spans(doc, "places")
            if span._.place is not None
        ),
        quotes=tuple(_quote_record(span, sentence_of, actors) for span in _spans(doc, "quotes")),
    )


def _quote_record(span: Span, sentence_of: list[int], actors: dict[str, DocActor]) -> QuoteRecord:
    return QuoteRecord(
        text=span.text,
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
