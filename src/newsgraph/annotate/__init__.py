"""Annotators: spaCy components that read the parse and write newsgraph's annotations
onto spaCy's own structures.

| component | module | writes |
| --- | --- | --- |
| ``newsgraph_actors`` | :mod:`.actors` | ``doc.spans["actors"]`` (countries, metonyms, organisations, people) with ``Span._.actor``; ``Doc._.actors`` |
| ``newsgraph_people`` | :mod:`.people` | more ``doc.spans["actors"]`` (surnames, titles, descriptions, pronouns) linked to the same actors; affiliations |
| ``newsgraph_dates``  | :mod:`.dates`  | ``doc.spans["dates"]`` with ``Span._.date`` |
| ``newsgraph_places`` | :mod:`.places` | ``doc.spans["places"]`` with ``Span._.place`` |

The extensions and the value types are declared once in :mod:`.types`. The store turns
a finished ``Doc`` into plain records at one boundary (:mod:`.records`).
"""
