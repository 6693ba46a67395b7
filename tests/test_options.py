from __future__ import annotations

import pytest

from newsgraph.errors import ConfigError
from newsgraph.options import DEFAULT_DB_URL, SETTINGS, Options


def test_defaults_match_the_settings_table() -> None:
    options = Options()
    for setting in SETTINGS:
        assert getattr(options, setting.name) == setting.default


def test_environment_then_overrides() -> None:
    env = {"NEWSGRAPH_DB": "sqlite:///env.db", "NEWSGRAPH_BATCH_SIZE": "7"}
    options = Options.from_env(environ=env)
    assert options.db_url == "sqlite:///env.db" and options.batch_size == 7
    assert Options.from_env(environ=env, db_url="sqlite:///flag.db").db_url == "sqlite:///flag.db"
    assert Options.from_env(environ={}, db_url=None).db_url == DEFAULT_DB_URL


@pytest.mark.parametrize("raw", ["lots", "-3", "0"])
def test_bad_numbers_name_the_variable(raw: str) -> None:
    with pytest.raises(ConfigError, match="NEWSGRAPH_MAX_FILE_BYTES"):
        Options.from_env(environ={"NEWSGRAPH_MAX_FILE_BYTES": raw})


def test_options_are_frozen() -> None:
    with pytest.raises(AttributeError):
        Options().batch_size = 3  # type: ignore[misc]
