"""The database goes away and comes back: the app answers 503 meanwhile and recovers by itself."""
import json
import os
import shlex
import subprocess
import threading
import time
import urllib.error
import urllib.request

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


@pytest.mark.skipif(not PAUSE or not RESUME or not os.environ.get("VANGUARD_BINARY") or not os.environ.get("VANGUARD_SMTP_SINK"),
                    reason="only where the test script can stop and start the database (PostgreSQL), with its binary and SMTP sink")
def test_under_load_the_database_goes_away_and_no_acknowledged_write_is_lost(base_url, get):
    import served
    token = served.cli(os.environ["VANGUARD_DATABASE_URL"], "tokens", "create", "--email", "e2e-sitelead@example.nhs.uk",
                       "--vanguard", "1").strip().splitlines()[-1]
    stop = threading.Event()
    acknowledged, statuses, retry_after, unanswered = [], [], set(), []

    def write():
        number = 0
        while not stop.is_set():
            number += 1
            request = urllib.request.Request(
                base_url + "/api/v1/vanguards/1", method="PATCH", data=json.dumps({"governance": f"load {number}"}).encode(),
                headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
            sent = time.monotonic() - began
            try:
                with urllib.request.urlopen(request, timeout=10) as response:
                    statuses.append(response.status)
                    acknowledged.append(number)
            except urllib.error.HTTPError as error:
                statuses.append(error.code)
                if error.code == 503:
                    retry_after.add(error.headers.get("Retry-After"))
            except OSError:  # no answer at all
                unanswered.append(sent)
            time.sleep(0.02)

    began = time.monotonic()
    moments = {}
    writer = threading.Thread(target=write)
    writer.start()
    try:
        time.sleep(1)
        moments["paused"] = time.monotonic() - began
        subprocess.run(shlex.split(PAUSE), check=True)
        try:
            for _ in range(200):
                if 503 in statuses:
                    break
                time.sleep(0.05)
            time.sleep(2)
        finally:
            moments["resumed"] = time.monotonic() - began
            subprocess.run(shlex.split(RESUME), check=True)
        assert wait_for(get, "/healthz", 200) == 200
        written_before = len(acknowledged)
        for _ in range(200):
            if len(acknowledged) > written_before + 5:
                break
            time.sleep(0.05)
    finally:
        stop.set()
        writer.join()
    # Refused while it was away, with when to try again; nothing else went wrong; writes resumed.
    assert 503 in statuses and retry_after == {"5"}
    assert set(statuses) <= {200, 503}, sorted(set(statuses))
    # Every request was answered: a write whose connection PostgreSQL closed between two statements
    # is refused (503) at once, not left waiting (guardedTransaction; ConnectionLossTests).
    assert unanswered == [], (unanswered, moments)
    assert len(acknowledged) > written_before
    # The last acknowledged write is what is stored (a later unacknowledged one may have landed too).
    governance = get("/api/v1/vanguards/1").json()["governance"]
    assert int(governance.split()[-1]) >= acknowledged[-1]
    # The job loop noticed, paused and came back by itself: a sign-up's mail goes out afterwards.
    log = open(os.environ["VANGUARD_SERVER_LOG"]).read()
    assert "the job queue could not be read" in log
    address = f"after-recovery-{int(time.time() * 1000)}@example.nhs.uk"
    assert "Check your e-mail" in served.sign_up(base_url, address)
    for _ in range(300):
        if address in open(os.environ["VANGUARD_SMTP_SINK"]).read():
            break
        time.sleep(0.1)
    assert address in open(os.environ["VANGUARD_SMTP_SINK"]).read()
