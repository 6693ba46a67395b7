"""Annotators: spaCy components that read the parse and write newsgraph's annotations
onto spaCy's own structures, in pipeline order:

- ``newsgraph_actors`` (:mod:`.actors`): countries, metonyms and organisations as spans in
  ``doc.spans["actors"]`` with ``Span._.actor``; the actors themselves in ``Doc._.actors``;
- ``newsgraph_people`` (:mod:`.people`): people, with later mentions (surnames, titles,
  descriptions, pronouns) linked to the same actor, and affiliations from appositions;
- ``newsgraph_dates`` (:mod:`.dates`): ``doc.spans["dates"]`` with ``Span._.date``;
- ``newsgraph_places`` (:mod:`.places`): ``doc.spans["places"]`` with ``Span._.place``.

The extensions and value types are declared once in :mod:`.types`. The store receives a
finished ``Doc`` as plain records made at one boundary, :mod:`.records`.
"""
