"""A private, throwaway PostgreSQL server for tests and benchmarks.

Tests must run against a real server, but a developer's machine or CI has no server
that newsgraph may write to. So the suite starts its own cluster from Debian's
``postgresql`` binaries: ``initdb`` into a fresh folder, listening only on a unix
socket inside that folder (no port to collide with another run), fsync off (the data
is thrown away), and stopped at the end. As root, whom PostgreSQL refuses to run as,
the cluster belongs to the ``postgres`` system user the Debian package creates.

Used by the fixtures in ``tests/pg_fixtures.py`` and by
``scripts/pg_test_server.py start|stop DIR`` for benchmarks (as root, DIR must be a
folder the ``postgres`` user can reach, such as one under /tmp).
"""

from __future__ import annotations

import os
import pwd
import re
import shlex
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url

PG_URL_ENV = "NEWSGRAPH_TEST_PG_URL"  # use this server instead of starting one
PG_BIN_ENV = "NEWSGRAPH_PG_BIN"  # folder holding initdb and pg_ctl
REQUIRE_ENV = "NEWSGRAPH_REQUIRE_PG"  # "1": a missing server fails instead of skipping
SUPERUSER = "postgres"
# No TCP; durability off (throwaway data); a server time zone that is not UTC and not a
# whole hour away, so that timestamps which depend on it show up in tests.
_SERVER_OPTIONS = (
    "-c listen_addresses='' -c fsync=off -c synchronous_commit=off "
    "-c full_page_writes=off -c max_connections=50 -c timezone=Asia/Kolkata"
)
NO_BINARIES = (
    "no PostgreSQL server binaries (initdb, pg_ctl, postgres) found; install Debian's "
    f"postgresql package, set {PG_BIN_ENV} to their folder, or point {PG_URL_ENV} at a server"
)


class Unavailable(RuntimeError):
    """No PostgreSQL server can be had here (no binaries, or no driver)."""


def find_bindir() -> Path | None:
    """The server's bin folder: $NEWSGRAPH_PG_BIN when set (and then only it), else the
    newest of Debian's /usr/lib/postgresql/N/bin, else wherever ``pg_ctl`` is on PATH."""
    candidates = []
    if os.environ.get(PG_BIN_ENV):
        candidates.append(Path(os.environ[PG_BIN_ENV]))
        return _with_tools(candidates)
    debian = Path("/usr/lib/postgresql")
    if debian.is_dir():
        versions = [p for p in debian.iterdir() if re.fullmatch(r"\d+(\.\d+)?", p.name)]
        for version in sorted(versions, key=lambda p: float(p.name), reverse=True):
            candidates.append(version / "bin")
    on_path = shutil.which("pg_ctl")
    if on_path:
        candidates.append(Path(on_path).parent)
    return _with_tools(candidates)


def _with_tools(candidates: list[Path]) -> Path | None:
    for bindir in candidates:
        if all((bindir / tool).is_file() for tool in ("initdb", "pg_ctl", "postgres")):
            return bindir
    return None


def _owner() -> pwd.struct_passwd | None:
    """The OS user the server runs as: None (ourselves) unless we are root."""
    if os.geteuid() != 0:
        return None
    for name in (SUPERUSER, "nobody"):
        try:
            return pwd.getpwnam(name)
        except KeyError:
            continue
    raise Unavailable("running as root and there is no 'postgres' or 'nobody' user to run as")


class Server:
    """One cluster in ``directory``: ``data/`` holds the cluster, the socket and
    ``server.log`` sit beside it."""

    def __init__(self, directory: Path, bindir: Path | None = None) -> None:
        found = bindir or find_bindir()
        if found is None:
            raise Unavailable(NO_BINARIES)
        self.directory = Path(directory).resolve()
        self.bindir = found
        self.owner = _owner()

    @property
    def data(self) -> Path:
        return self.directory / "data"

    @property
    def url(self) -> str:
        """The superuser's URL of the ``postgres`` database, over the unix socket."""
        return f"postgresql://{SUPERUSER}@/postgres?host={self.directory}"

    def _run(self, *args: str) -> None:
        ids = {}
        if self.owner is not None:
            ids = {"user": self.owner.pw_uid, "group": self.owner.pw_gid, "extra_groups": []}
        result = subprocess.run(
            [str(self.bindir / args[0]), *args[1:]],
            cwd=self.directory,
            env={**os.environ, "LC_ALL": "C.UTF-8", "HOME": str(self.directory)},
            capture_output=True,
            text=True,
            check=False,
            **ids,
        )
        if result.returncode != 0:
            log = self.directory / "server.log"
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            raise Unavailable(
                f"{args[0]} failed ({result.returncode}): {result.stderr.strip()}\n{tail}"
            )

    def start(self) -> str:
        """Create the cluster when the folder has none, start it, return its URL."""
        self.directory.mkdir(parents=True, exist_ok=True)
        if self.owner is not None:
            self._check_reachable()
            os.chown(self.directory, self.owner.pw_uid, self.owner.pw_gid)
        if not (self.data / "PG_VERSION").exists():
            # Byte-order collation like SQLite's; UTF-8 character classes for the
            # text-search parser.
            self._run(
                "initdb",
                "-D",
                str(self.data),
                "-U",
                SUPERUSER,
                "--auth=trust",
                "--encoding=UTF8",
                "--lc-collate=C",
                "--lc-ctype=C.UTF-8",
                "--no-sync",
            )
        if self.running():
            return self.url
        options = f"{_SERVER_OPTIONS} -k {shlex.quote(str(self.directory))}"
        log = str(self.directory / "server.log")
        self._run(
            "pg_ctl", "start", "-w", "-t", "60", "-D", str(self.data), "-l", log, "-o", options
        )
        return self.url

    def _check_reachable(self) -> None:
        """The server's user must pass through every folder above ours."""
        uid, gid = self.owner.pw_uid, self.owner.pw_gid
        for folder in self.directory.parents:
            info = folder.stat()
            if not (
                info.st_mode & 0o001
                or (info.st_uid == uid and info.st_mode & 0o100)
                or (info.st_gid == gid and info.st_mode & 0o010)
            ):
                raise Unavailable(
                    f"the {self.owner.pw_name!r} user the server runs as cannot reach "
                    f"{folder} (chmod o+x it, or use a folder right under /tmp)"
                )

    def running(self) -> bool:
        if not (self.data / "PG_VERSION").exists():
            return False
        try:
            self._run("pg_ctl", "status", "-D", str(self.data))
        except Unavailable:
            return False
        return True

    def stop(self) -> None:
        if self.running():
            self._run("pg_ctl", "stop", "-w", "-m", "fast", "-D", str(self.data))


def _require_driver() -> None:
    try:
        import psycopg  # noqa: F401
    except ImportError:
        raise Unavailable(
            "the psycopg driver is not installed: pip install 'newsgraph[postgres]'"
        ) from None


def _admin_engine(url: str) -> Engine:
    from newsgraph.store import parse_db_url

    _require_driver()
    return create_engine(parse_db_url(url), isolation_level="AUTOCOMMIT")


@contextmanager
def session_server() -> Iterator[str]:
    """The URL of a server for this run: $NEWSGRAPH_TEST_PG_URL, else a private cluster
    in a temporary folder that is stopped and removed afterwards."""
    if os.environ.get(PG_URL_ENV):
        _require_driver()
        yield os.environ[PG_URL_ENV]
        return
    _require_driver()
    bindir = find_bindir()
    if bindir is None:
        raise Unavailable(NO_BINARIES)
    # Under /tmp, not $TMPDIR: the postgres user must reach it, and a socket path has
    # to stay under 108 bytes.
    scratch = tempfile.mkdtemp(
        prefix="newsgraph-pg-", dir="/tmp" if Path("/tmp").is_dir() else None
    )
    server = Server(Path(scratch), bindir)
    try:
        yield server.start()
    finally:
        server.stop()
        shutil.rmtree(server.directory, ignore_errors=True)


@contextmanager
def fresh_database(server_url: str, *, template: str | None = None) -> Iterator[str]:
    """A new database on the server (dropped afterwards): its URL. Empty, or a copy of
    the database ``template`` names (which must have no open connection)."""
    name = f"newsgraph_test_{uuid.uuid4().hex[:12]}"
    admin = _admin_engine(server_url)
    copy = f' TEMPLATE "{template}"' if template else ""
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"{copy}'))
    try:
        yield make_url(server_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
