"""`vanguard timetable solve` as a planner runs it: JSON in, JSON out, exit status 2 when impossible.
The checks are written here from the README's description, independently of the Swift solver."""
import json
import os
import random
import subprocess

import pytest

BINARY = os.environ.get("VANGUARD_BINARY")
pytestmark = pytest.mark.skipif(not BINARY, reason="VANGUARD_BINARY not set")


def solve(instance):
    env = dict(os.environ, DATABASE_URL=os.environ.get("VANGUARD_DATABASE_URL", "sqlite::memory:"))
    done = subprocess.run([BINARY, "timetable", "solve"], input=json.dumps(instance), capture_output=True, text=True, env=env, timeout=600)
    return done.returncode, json.loads(done.stdout)


def minutes(text):
    hours, mins = text.split(":")
    return int(hours) * 60 + int(mins)


def violations(instance, slots):
    found = []
    if sorted(s["applicant"] for s in slots) != sorted(a["id"] for a in instance["applicants"]):
        found.append("not every applicant placed exactly once")
    step = instance["slot_minutes"] + instance["changeover_minutes"]
    panels = {p["id"]: set(p["assessors"]) for p in instance["panels"]}
    conflicts = {(c["assessor"], c["applicant"]) for c in instance["conflicts"]}
    unavailable = {a["id"]: a.get("unavailable", []) for a in instance["applicants"]}
    seats = set()
    for s in slots:
        start, end = minutes(s["start"]), minutes(s["end"])
        if end - start != instance["slot_minutes"]:
            found.append(f"{s['applicant']} slot length {end - start}")
        sessions = [x for d in instance["days"] if d["date"] == s["date"] for x in d["sessions"]]
        if not any(minutes(x["start"]) <= start and end <= minutes(x["end"]) and (start - minutes(x["start"])) % step == 0 for x in sessions):
            found.append(f"{s['applicant']} not on a slot of a session")
        for assessor in panels[s["panel"]]:
            if (assessor, s["applicant"]) in conflicts:
                found.append(f"{s['applicant']} heard by conflicted {assessor}")
            seat = (assessor, s["date"], s["start"])
            if seat in seats:
                found.append(f"{assessor} in two places at {s['date']} {s['start']}")
            seats.add(seat)
        for u in unavailable[s["applicant"]]:
            if u["date"] == s["date"] and start < minutes(u["end"]) and minutes(u["start"]) < end:
                found.append(f"{s['applicant']} unavailable at {s['start']}")
    return found


def instance_like_2015(seed):
    rng = random.Random(seed)
    days = [{"date": d, "sessions": [{"start": "09:30", "end": "12:30"}, {"start": "13:30", "end": "16:30"}]}
            for d in ("2015-02-09", "2015-02-10", "2015-02-11")]
    panels = [{"id": f"panel-{n}", "assessors": [f"chair-{n}", f"clinical-{n}", f"finance-{n}", "director-a" if n < 3 else "director-b"]}
              for n in range(1, 5)]
    assessors = sorted({a for p in panels for a in p["assessors"]})
    applicants = []
    for n in range(1, 64):
        day = rng.choice(days)["date"]
        unavailable = [{"date": day, "start": "09:30", "end": "12:30"}] if rng.random() < 0.3 else []
        applicants.append({"id": f"applicant-{n}", "unavailable": unavailable})
    conflicts = [{"assessor": rng.choice(assessors), "applicant": rng.choice(applicants)["id"]} for _ in range(30)]
    return {"slot_minutes": 7, "changeover_minutes": 3, "days": days, "panels": panels,
            "applicants": applicants, "conflicts": conflicts}


@pytest.mark.parametrize("seed", [2015, 269, 63])
def test_a_selection_like_2015s_is_timetabled_within_every_rule(seed):
    instance = instance_like_2015(seed)
    status, output = solve(instance)
    assert status == 0, output
    assert len(output["slots"]) == 63
    assert violations(instance, output["slots"]) == []
    loads = {}
    for s in output["slots"]:
        loads[s["panel"]] = loads.get(s["panel"], 0) + 1
    assert max(loads.values()) - min(loads.values()) <= 1, loads


def test_an_impossible_timetable_exits_2_and_names_the_constraint():
    instance = {"slot_minutes": 7, "changeover_minutes": 3,
                "days": [{"date": "2015-02-09", "sessions": [{"start": "09:00", "end": "09:20"}]}],
                "panels": [{"id": "north", "assessors": ["ann"]}],
                "applicants": [{"id": "x"}, {"id": "y"}],
                "conflicts": [{"assessor": "ann", "applicant": "x"}]}
    status, output = solve(instance)
    assert status == 2
    assert output["constraint"] == "conflicts"
    assert "x" in output["error"]


def test_bad_input_exits_1_and_names_the_field():
    status, output = solve({"slot_minutes": 7, "changeover_minutes": 3, "days": [{"date": "2015-02-31", "sessions": []}],
                            "panels": [], "applicants": []})
    assert status == 1
    assert output["field"] == "days[0].date"


def test_a_cli_error_is_said_once_in_words(tmp_path):
    """A refused command prints one line on standard error and no log line, from any folder."""
    env = dict(os.environ, DATABASE_URL="sqlite::memory:")
    done = subprocess.run([BINARY, "impact", "synth", "--spec", str(tmp_path / "missing.json")], capture_output=True, text=True,
                          env=env, cwd=tmp_path, timeout=600)
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [f"vanguard: spec: {tmp_path / 'missing.json'} cannot be read"]
    # Started outside the project, it still finds the NHS.UK assets: no warning that they are missing.
    assert "assets are missing" not in done.stdout and '"level":"warning"' not in done.stdout
