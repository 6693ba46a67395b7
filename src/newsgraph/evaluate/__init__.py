"""Measuring newsgraph against gold data, at run time and never shipped with it.

``newsgraph eval`` (:mod:`.runner`) runs four stages, each beside a baseline on the same
input, and reports them in one shape (:mod:`.report`):

- :mod:`.extraction`: main text and metadata (Zyte benchmark, trafilatura's English
  pages) beside plain trafilatura;
- :mod:`.quote_stage`: quotes on PolNeAR beside textacy, scored by :mod:`.quotes`
  (span and speaker-and-span precision, recall and F1; also the sample corpus gold)
  over :mod:`.polnear` (the PolNeAR attribution corpus, brat standoff);
- :mod:`.event_stage`: CAMEO event coding beside a verb-lookup baseline, scored by
  :mod:`.events` (PETRARCH2, PLOVER and ConfliBERT gold);
- :mod:`.counts`: KILL and ARREST counts against IndiaPoliceEvents labels.

:mod:`.gate` compares a small fixed subset with the floors in ``evaluation/floors.json``
(``newsgraph eval --gate``, run in CI); :mod:`.browse` writes the errors of each stage
for people to read (``--errors DIR``). ``bench/eval_quotes.py`` and
``bench/eval_events.py`` print the detailed per-label tables.
"""
