"""The HTTP side of newsgraph: a JSON API and a single-page viewer (``newsgraph serve``)."""

from newsgraph.server.app import create_app

__all__ = ["create_app"]
