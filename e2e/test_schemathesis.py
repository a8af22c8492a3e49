"""Schemathesis (property-based, from the served OpenAPI document) against a server of its own,
with a programme token: every check, zero failures. It writes (rebase points, metric edits,
governance), so it gets a copy of the database rather than the one the other tests read.

The seed is fixed so a failure in CI is the same failure on a laptop (VANGUARD_SCHEMATHESIS_SEED
explores others); the run is bounded by the number of examples, not by time."""
import os
import pathlib
import subprocess
import sys

import pytest

import served

CONFIG = pathlib.Path(__file__).with_name("schemathesis.toml")
SEED = os.environ.get("VANGUARD_SCHEMATHESIS_SEED", "20261207")
EXAMPLES = os.environ.get("VANGUARD_SCHEMATHESIS_EXAMPLES", "30")

pytestmark = [
    pytest.mark.skipif(not served.BINARY or not os.environ.get("VANGUARD_DATABASE_URL"), reason="VANGUARD_BINARY and VANGUARD_DATABASE_URL not set"),
    pytest.mark.skipif(os.environ.get("VANGUARD_DATABASE_URL", "").startswith("postgres"),
                       reason="the API contract does not depend on the engine; run once, on SQLite"),
]


def test_schemathesis_finds_no_failure(tmp_path):
    # A copy of the seeded, demo-filled database the other tests use, made with `vanguard backup`.
    database = served.copy_of(os.environ["VANGUARD_DATABASE_URL"], tmp_path, "schemathesis")
    token = served.programme_token(database)
    with served.Server(database, tmp_path / "serve.log") as server:
        done = subprocess.run(
            [sys.executable, "-m", "schemathesis.cli", "--config-file", str(CONFIG), "--no-color", "run",
             server.url + "/api/v1/openapi.json", "--header", f"Authorization: Bearer {token}",
             "--max-examples", EXAMPLES, "--seed", SEED, "--workers", "2"],
            capture_output=True, text=True, cwd=tmp_path)  # its own cache stays out of the repository
    summary = done.stdout[done.stdout.rfind("= FAILURES ="):] if "= FAILURES =" in done.stdout else done.stdout[-4000:]
    assert done.returncode == 0, summary[-12000:]
    assert "failure" not in done.stdout.strip().splitlines()[-1], done.stdout[-2000:]
