"""Commands and settings never drift from their docs."""

from __future__ import annotations

import re
from pathlib import Path

import typer.main

from newsgraph.cli import app
from newsgraph.options import SETTINGS

DOCS = Path(__file__).resolve().parent.parent / "docs"


def command_paths() -> list[str]:
    group = typer.main.get_command(app)
    paths = []
    for name, command in group.commands.items():
        subcommands = getattr(command, "commands", None)
        if subcommands:
            paths += [f"{name} {sub}" for sub in subcommands]
        else:
            paths.append(name)
    return paths


def test_every_command_has_a_section_and_an_example() -> None:
    page = (DOCS / "cli.md").read_text(encoding="utf-8")
    headings = set(re.findall(r"^## (\S+)", page, re.MULTILINE))
    for path in command_paths():
        assert path.split()[0] in headings, f"docs/cli.md has no section for {path}"
        assert f"newsgraph {path}" in page, f"docs/cli.md shows no use of `newsgraph {path}`"


def test_every_command_docstring_has_an_example() -> None:
    group = typer.main.get_command(app)
    for name, command in group.commands.items():
        for sub in getattr(command, "commands", {}).values() or [command]:
            if sub.name == "settings":
                continue
            assert "Example: newsgraph" in (sub.help or ""), f"{name} {sub.name} lacks an example"


def test_every_setting_is_documented() -> None:
    page = (DOCS / "settings.md").read_text(encoding="utf-8")
    for setting in SETTINGS:
        assert f"`{setting.name}`" in page
        assert setting.env is None or f"`{setting.env}`" in page
