"""kill -9 at random moments, twenty times, on a copy of the database scripts/test.sh is testing
(SQLite with one server, or PostgreSQL): fifteen times during a large returns import (every area's
emergency admissions, about 7,600 rows, one transaction), five times while a server's worker is
refitting. Afterwards every submission is whole or absent, every acknowledged one is there, no job
is lost or done twice, and a restarted server finishes the work."""
import json
import os
import random
import subprocess
import time

import pytest

import served

DATABASE = os.environ.get("VANGUARD_DATABASE_URL", "")
ROUNDS = 20
SEED = int(os.environ.get("VANGUARD_KILL_SEED", "9"))
METRIC = "emergency_admissions"
# A short claim (renewed while a worker works), so a killed worker's refit is taken up within the test.
LEASE = {"JOB_LEASE_SECONDS": "5"}

pytestmark = pytest.mark.skipif(not (served.BINARY and DATABASE), reason="VANGUARD_BINARY and VANGUARD_DATABASE_URL not set")


def returns_file(rows, round_number):
    """Every stored value of the metric again, each round's numerators its own."""
    lines = ["area_code,metric_code,period,numerator,denominator"]
    lines += [f"{area},{METRIC},{period},{float(numerator) + round_number + 1},{denominator}" for area, period, numerator, denominator in rows]
    return "\n".join(lines) + "\n"


def jobs_in(database, *states):
    listed = ", ".join(f"'{s}'" for s in states)
    return served.sql(database, f"SELECT id, kind, key, attempts, last_error FROM jobs WHERE state IN ({listed})")


def test_kill_nine_during_imports_and_jobs_leaves_everything_whole(tmp_path):
    database = served.copy_of(DATABASE, tmp_path, "kill_nine")
    rows = served.sql(database, f"SELECT area_code, period, numerator, denominator FROM return_values WHERE is_current AND metric_code = '{METRIC}'")
    assert len(rows) > 5000
    files = []
    for round_number in range(ROUNDS):
        path = tmp_path / f"returns-{round_number}.csv"
        path.write_text(returns_file(rows, round_number))
        files.append(path)
    log = tmp_path / "serve.log"
    env = dict(os.environ, DATABASE_URL=database)
    random.seed(SEED)
    acknowledged, unacknowledged, taken = [], [], None
    for round_number in range(ROUNDS):
        if round_number % 4 == 3:
            # While the worker refits what the imports queued: a server, killed once the refit is under way.
            server = served.Server(database, log, extra_env=LEASE).start()
            for _ in range(400):
                if served.sql(database, "SELECT id FROM jobs WHERE state = 'running' AND kind = 'refit_impact'"):
                    break
                time.sleep(0.05)
            else:
                raise AssertionError("no refit was running to be killed")
            time.sleep(random.uniform(0, 2))
            server.kill()
            continue
        # During the import, at a random moment of its reading, checking and one transaction.
        started = time.monotonic()
        importing = subprocess.Popen([served.BINARY, "import", "returns", str(files[round_number]), "--queue-impact"],
                                     stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
        if taken is None:
            output = importing.communicate()[0]
            assert importing.returncode == 0, output
            taken = time.monotonic() - started
        else:
            time.sleep(random.uniform(0, taken * 1.1))
            importing.kill()
            output = importing.communicate()[0]
        (acknowledged if importing.returncode == 0 else unacknowledged).append(round_number)
    assert acknowledged and unacknowledged, (acknowledged, unacknowledged)

    # Every submission is whole: as many stored values as it says it added and revised.
    for submission, added, revised, stored in served.sql(database, """
            SELECT s.id, s.added, s.revised, (SELECT COUNT(*) FROM return_values v WHERE v.submission_id = s.id)
            FROM submissions s"""):
        assert int(stored) == int(added) + int(revised), f"submission {submission} is half-written"
    # Every acknowledged import is there, and the current values are one import's whole.
    current = {float(n) for (n,) in served.sql(database, f"SELECT DISTINCT numerator FROM return_values WHERE is_current AND metric_code = '{METRIC}' AND area_code = '{rows[0][0]}' AND period = '{rows[0][1]}'")}
    newest = max(acknowledged)
    expected = {float(rows[0][2]) + r + 1 for r in range(newest, ROUNDS)}
    assert len(current) == 1 and current <= expected, (current, newest)
    shifts = served.sql(database, f"""
        SELECT COUNT(DISTINCT r.revision) FROM return_values r WHERE r.metric_code = '{METRIC}'
        AND r.area_code = '{rows[0][0]}' AND r.period = '{rows[0][1]}'""")
    assert int(shifts[0][0]) >= len(acknowledged) + 1  # the demo value and each acknowledged import's

    # A restarted server finishes what the killed ones left: nothing waits, nothing failed.
    with served.Server(database, log, extra_env=LEASE):
        for _ in range(2400):
            if not jobs_in(database, "pending", "running"):
                break
            time.sleep(0.25)
    assert not jobs_in(database, "pending", "running"), jobs_in(database, "pending", "running")
    assert not jobs_in(database, "failed"), jobs_in(database, "failed")
    # The kills landed while refits ran (their claims were taken up again), and no job was done twice.
    assert max(int(a) for (a,) in served.sql(database, "SELECT attempts FROM jobs WHERE kind = 'refit_impact'")) > 1
    done = [json.loads(line)["id"] for line in open(log) if '"job done"' in line]
    assert done and len(done) == len(set(done)), "a job was done twice"
