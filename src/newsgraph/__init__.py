"""newsgraph: saved news pages in, a queryable record of who did what to whom out.

The flow, one module per stage::

    readers -> extract -> nlp -> annotate/* -> store -> cli | api | web

``pipeline.py`` joins the stages; ``model.py`` holds the plain dataclasses that pass
between them; :class:`Newsgraph` (``graph.py``) is the Python API.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from newsgraph.model import Article, RawPage, Rejected
from newsgraph.options import Options

if TYPE_CHECKING:
    from newsgraph.graph import Newsgraph

__all__ = ["Article", "Newsgraph", "Options", "RawPage", "Rejected", "__version__"]
__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    # The API pulls in every stage; import it only when asked for.
    if name == "Newsgraph":
        from newsgraph.graph import Newsgraph

        return Newsgraph
    raise AttributeError(f"module 'newsgraph' has no attribute {name!r}")
