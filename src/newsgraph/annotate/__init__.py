"""Annotators: spaCy components that read the parse and write newsgraph's annotations
onto spaCy's own structures, in pipeline order (``newsgraph.nlp.COMPONENTS``):

- ``newsgraph_actors`` (:mod:`.actors`, data in :mod:`.gazetteer`): countries, metonyms
  and organisations as spans in ``doc.spans["actors"]`` with ``Span._.actor``; the actors
  themselves in ``Doc._.actors``;
- ``newsgraph_people`` (:mod:`.people`, :mod:`.people_rules`, :mod:`.descriptions`):
  people, with later mentions (surnames, titles, descriptions, pronouns) linked to the
  same actor, and affiliations from appositions;
- ``newsgraph_dates`` (:mod:`.dates`, :mod:`.dates_rules`, :mod:`.dates_resolve`):
  ``doc.spans["dates"]`` with ``Span._.date``;
- ``newsgraph_places`` (:mod:`.places`, :mod:`.places_gazetteer`): ``doc.spans["places"]``
  with ``Span._.place``;
- ``newsgraph_quotes`` (:mod:`.quotes`, :mod:`.quote_marks`, :mod:`.attribution`):
  ``doc.spans["quotes"]`` with kind, speaker, cue and addressee;
- ``newsgraph_events`` (:mod:`.events`, :mod:`.event_rules`, :mod:`.event_verbs`):
  CAMEO-coded events in ``Doc._.events``;
- ``newsgraph_counts`` (:mod:`.counts`): ``Doc._.counts``;
- ``newsgraph_tone`` (:mod:`.tone`): ``Doc._.tone`` and ``Doc._.sentence_tones``.

The extensions and value types are declared once in :mod:`.types`. The store receives a
finished ``Doc`` as plain records made at one boundary, :mod:`.records`.
"""
