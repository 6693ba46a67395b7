"""Extraction: a :class:`RawPage` becomes a clean :class:`Article` or a :class:`Rejected`.

The entry point is :func:`newsgraph.extract.page.extract`.

HTML goes through trafilatura (:mod:`.html`); plain-text dumps through our own parser
(:mod:`.textdump`); both bodies then lose their page furniture (:mod:`.furniture`),
pull-quotes included, and get a language (:mod:`.language`) and a fingerprint
(:mod:`.fingerprint`).
"""
