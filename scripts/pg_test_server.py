"""Start or stop a private PostgreSQL server in a folder, for benchmarks and manual tries.

    python scripts/pg_test_server.py start DIR   # prints the URL to pass as --db
    python scripts/pg_test_server.py stop DIR

The server listens only on a unix socket inside DIR, trusts local connections, runs with
fsync off and keeps its data in DIR/data until DIR is removed: a scratch server, never a
home for data you care about. The same code starts the test suite's server
(tests/pgserver.py); as root it runs as the ``postgres`` system user.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from pgserver import Server, Unavailable  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=["start", "stop", "url"])
    parser.add_argument("directory", type=Path)
    args = parser.parse_args(argv)
    try:
        server = Server(args.directory)
        if args.action == "start":
            server.start()
        elif args.action == "stop":
            server.stop()
            return 0
    except Unavailable as exc:
        print(f"error: {args.directory}: {exc}", file=sys.stderr)
        return 1
    print(server.url)
    return 0


if __name__ == "__main__":
    sys.exit(main())
