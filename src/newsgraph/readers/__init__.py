"""Readers: saved files in, :class:`~newsgraph.model.RawPage` or
:class:`~newsgraph.model.Rejected` values out.

One module per format (``html``, ``mhtml``, ``warc``, ``text``, ``jsonl``), format
sniffing and decoding in ``detect``, and the directory walk that joins them in
``files``. The pipeline calls::

    from newsgraph.readers import read_paths
    for item in read_paths(["saved/"], options=Options.from_env()):
        ...
"""

from newsgraph.readers.detect import FORMATS, detect_format
from newsgraph.readers.files import iter_files, read_file, read_paths

__all__ = ["FORMATS", "detect_format", "iter_files", "read_file", "read_paths"]
