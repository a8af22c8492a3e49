"""The database goes away and comes back: the app answers 503 meanwhile and recovers by itself."""
import os
import shlex
import subprocess
import time

import pytest

PAUSE = os.environ.get("VANGUARD_DB_PAUSE")
RESUME = os.environ.get("VANGUARD_DB_RESUME")


def wait_for(get, path, status, attempts=100):
    """Polls until `path` answers `status`; returns the last status seen. Bounded by attempts, not time."""
    seen = None
    for _ in range(attempts):
        seen = get(path).status
        if seen == status:
            return seen
        time.sleep(0.2)
    return seen


@pytest.mark.skipif(not PAUSE or not RESUME, reason="only where the test script can stop and start the database (PostgreSQL)")
def test_503_while_the_database_is_down_and_recovery_after(get):
    assert get("/healthz").status == 200
    subprocess.run(shlex.split(PAUSE), check=True)
    try:
        assert wait_for(get, "/healthz", 503) == 503
        page = get("/vanguards")
        assert page.status == 503
        assert "Sorry, the service is unavailable" in page.body
        assert get("/api/v1/vanguards").json()["status"] == 503
    finally:
        subprocess.run(shlex.split(RESUME), check=True)
    assert wait_for(get, "/healthz", 200) == 200
    assert get("/vanguards/1").status == 200
