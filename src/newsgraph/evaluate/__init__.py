"""Measuring newsgraph against gold data, at run time and never shipped with it.

- :mod:`.quotes`: quotes scored against gold (span and speaker-and-span precision,
  recall and F1), for newsgraph's ``newsgraph_quotes`` and textacy's
  ``direct_quotations`` baseline on the same spaCy docs; the sample corpus gold;
- :mod:`.polnear`: the PolNeAR attribution corpus (brat standoff), read from a local
  copy such as ``../shared/benchmarks/polnear``.

``bench/eval_quotes.py`` prints both systems side by side.
"""
