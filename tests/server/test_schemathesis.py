"""schemathesis against the live server's own /api/openapi.json: for every operation,
generated requests (valid ones and, for the negative checks, invalid ones) never get a
500, every answer's status is one the spec declares and its body matches the declared
schema, and invalid parameters are refused with a 4xx. Once on the open server and once
on the token-protected one with the header. Examples are bounded so a run stays short."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_schema_conformance,
    status_code_conformance,
)

from newsgraph.server import api
from served_corpus import Served

pytestmark = pytest.mark.slow

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    negative_data_rejection,
]
EXAMPLES = {"open": 25, "token": 10}  # per operation and mode: the token run repeats it
BOUNDED = settings(
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)


# The operations, from the router itself (schemathesis' lazy pytest loader,
# ``schemathesis.pytest.from_fixture``, does not run under pytest 9: it reads a removed
# attribute, ``Function._nodeid``; so each test draws cases from the operation's strategy).
OPERATIONS = sorted(route.path for route in api.router.routes)
# Negative cases need a parameter to break (/api/health has none).
CASES = [
    pytest.param(route.path, mode, id=f"{route.path}-{mode}")
    for route in sorted(api.router.routes, key=lambda route: route.path)
    for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE)
    if mode == GenerationMode.POSITIVE
    or route.dependant.query_params
    or route.dependant.path_params
]


def spec_of(served: Served):
    return schemathesis.openapi.from_url(
        f"{served.url}/api/openapi.json", headers=dict(served.headers), timeout=30
    )


@pytest.fixture(scope="session")
def open_spec(served: Served):
    return spec_of(served)


@pytest.fixture(scope="session")
def token_spec(served_with_token: Served):
    return spec_of(served_with_token)


def conforms(spec, served: Served, path: str, mode: GenerationMode, examples: int) -> None:
    """Requests drawn for ``path`` in ``mode`` pass every check in CHECKS. (The headers
    are copied: schemathesis adds its User-Agent to the dict it is given.)"""
    operation = spec[path]["GET"]

    @settings(BOUNDED, max_examples=examples)
    @given(case=operation.as_strategy(generation_mode=mode))
    def check(case) -> None:
        case.call_and_validate(
            base_url=served.url, headers=dict(served.headers), checks=CHECKS, timeout=30
        )

    check()


@pytest.mark.parametrize(("path", "mode"), CASES)
def test_open_server_conforms_to_its_spec(open_spec, served: Served, path, mode):
    conforms(open_spec, served, path, mode, EXAMPLES["open"])


@pytest.mark.parametrize(("path", "mode"), CASES)
def test_token_server_conforms_to_its_spec(token_spec, served_with_token: Served, path, mode):
    conforms(token_spec, served_with_token, path, mode, EXAMPLES["token"])


def test_every_operation_is_checked(open_spec):
    declared = {result.ok().path for result in open_spec.get_all_operations()}
    assert declared == set(OPERATIONS)


@pytest.mark.parametrize("server", ["served", "served_with_token"])
def test_the_coverage_phase_of_the_cli_passes(request, tmp_path: Path, server):
    """schemathesis' own runner in its coverage phase: for every parameter the boundary
    values, the values just outside them, wrong types and missing required ones (what
    the tests above only draw at random), under the same checks."""
    target: Served = request.getfixturevalue(server)
    command = [sys.executable, "-m", "schemathesis.cli", "run", f"{target.url}/api/openapi.json"]
    command += ["--checks", ",".join(check.__name__ for check in CHECKS), "--phases", "coverage"]
    command += ["--generation-deterministic", "--no-color", "--request-timeout", "30"]
    for name, value in target.headers.items():
        command += ["--header", f"{name}: {value}"]
    result = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    assert "No issues found" in result.stdout
