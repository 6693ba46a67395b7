"""The few named exceptions newsgraph raises. Messages state the value and the fix."""

from __future__ import annotations


class NewsgraphError(Exception):
    """Base class for every error newsgraph raises on purpose."""


class ConfigError(NewsgraphError):
    """A setting or environment variable has a value newsgraph cannot use."""


class StoreError(NewsgraphError):
    """The store cannot be opened, migrated or written."""


class NotFound(NewsgraphError):
    """A document, actor or other record asked for by id does not exist."""


class InputError(NewsgraphError):
    """A file cannot be read as any supported format (raised inside readers only;
    the pipeline turns it into a :class:`newsgraph.model.Rejected`)."""
