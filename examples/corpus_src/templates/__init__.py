"""Page templates used by ``examples/build_corpus.py`` to render the sample corpus."""
