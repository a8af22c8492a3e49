"""`vanguard impact sdid` as an analyst runs it: a spec file in, JSON out, the California study's
published estimates (synthdid on Proposition 99), and a bad spec refused by field."""
import json
import os
import subprocess
from pathlib import Path

import pytest

BINARY = os.environ.get("VANGUARD_BINARY")
pytestmark = pytest.mark.skipif(not BINARY, reason="VANGUARD_BINARY not set")
SMOKING = Path(__file__).resolve().parent.parent / "Tests/VanguardCoreTests/Fixtures/synth/smoking.csv"


def sdid(tmp_path, **spec):
    path = tmp_path / "study.json"
    path.write_text(json.dumps(spec))
    env = dict(os.environ, DATABASE_URL="sqlite::memory:")
    done = subprocess.run([BINARY, "impact", "sdid", "--spec", str(path)], capture_output=True, text=True, env=env, timeout=600)
    return done.returncode, done.stdout, done.stderr


def california(**extra):
    return dict(panel=str(SMOKING), unit="state", time="year", outcome="cigsale", treated="California", treatment_time=1989, **extra)


def test_california_gives_synthdids_estimates(tmp_path):
    status, out, err = sdid(tmp_path, **california(placebo_replications=20, seed=3))
    assert status == 0, err
    report = json.loads(out)
    assert abs(report["sdid"]["att"] - -15.60383) < 1e-4
    assert abs(report["sc"]["att"] - -19.61966) < 1e-4
    assert abs(report["did"]["att"] - -27.34911) < 1e-4
    assert all(report[m]["se"] > 0 for m in ("sdid", "sc", "did"))
    # Weights by name: 38 donors, 19 pre-treatment years, the years weighted are 1986-88.
    assert len(report["unit_weights"]) == 38 and "California" not in report["unit_weights"]
    assert abs(sum(report["unit_weights"].values()) - 1) < 1e-9
    assert sorted(y for y, w in report["time_weights"].items() if w > 0) == ["1986", "1987", "1988"]
    # The same seed gives the same standard errors.
    assert json.loads(sdid(tmp_path, **california(placebo_replications=20, seed=3))[1]) == report


def test_no_draws_means_no_standard_error_and_excluded_donors_are_left_out(tmp_path):
    status, out, err = sdid(tmp_path, **california(placebo_replications=0, exclude=["Utah", "Nevada"]))
    assert status == 0, err
    report = json.loads(out)
    assert report["sdid"]["se"] is None
    assert len(report["unit_weights"]) == 36 and "Utah" not in report["unit_weights"]


CONFORMAL = Path(__file__).resolve().parent.parent / "Tests/VanguardCoreTests/Fixtures/conformal/expected.json"


def test_conformal_inference_on_the_synthetic_control_matches_scinference(tmp_path):
    status, out, err = sdid(tmp_path, **california(placebo_replications=0, conformal_level=0.95))
    assert status == 0, err
    conformal = json.loads(out)["conformal"]
    expected = next(case for case in json.load(open(CONFORMAL))["cases"] if case["name"] == "california")
    sc = expected["methods"]["sc"]
    # scinference 0.1.0's moving-block p-value of no effect, exactly.
    assert conformal["sc"]["p_value"] == sc["p_values"][sc["nulls"].index(0.0)]
    periods = conformal["sc"]["periods"]
    assert [p["time"] for p in periods] == list(range(1989, 2001))
    # Its 95% intervals on a grid of step 0.5; ours are searched, so within a step of them.
    for period, lower, upper in zip(periods, sc["lower"], sc["upper"]):
        assert period["lower"] <= period["effect"] <= period["upper"]
        if lower > expected["grid"][0]:
            assert abs(period["lower"] - lower) <= 0.5, (period, lower)
        if upper < expected["grid"][-1]:
            assert abs(period["upper"] - upper) <= 0.5, (period, upper)
    sdid_periods = conformal["sdid"]["periods"]
    assert len(sdid_periods) == 12 and 0 < conformal["sdid"]["p_value"] <= 1
    # A level the 19 years before 1989 cannot reach: no interval, and why.
    status, out, err = sdid(tmp_path, **california(placebo_replications=0, conformal_level=0.99))
    assert status == 0, err
    report = json.loads(out)["conformal"]["sc"]
    assert report.get("periods") is None and "1/20" in report["reason"]


@pytest.mark.parametrize("change, field", [
    (dict(treated="Atlantis"), "treated"),
    (dict(treated=["California", "Atlantis"]), "treated[1]"),
    (dict(treatment_time=1970), "treatment_time"),
    (dict(treatment_time=2050), "treatment_time"),
    (dict(exclude=["Mars"]), "exclude[0]"),
    (dict(outcome="retprice2"), "outcome"),
    (dict(outcome="beer"), "panel"),  # beer starts in 1984: a missing cell
    (dict(placebo_replications=1), "placebo_replications"),
    (dict(treatment_time="1989"), "treatment_time"),
    (dict(conformal_level=1.5), "conformal_level"),
])
def test_a_bad_spec_is_refused_naming_the_field(tmp_path, change, field):
    status, out, err = sdid(tmp_path, **{**california(), **change})
    assert status == 1
    assert err.strip().startswith(f"vanguard: {field}: "), err


def test_a_single_donor_is_refused(tmp_path):
    panel = tmp_path / "two.csv"
    panel.write_text("unit,t,y\n" + "".join(f"{u},{t},{t * (2 if u == 'a' else 1)}\n" for u in "ab" for t in range(1, 6)))
    status, _, err = sdid(tmp_path, panel=str(panel), unit="unit", time="t", outcome="y", treated="a", treatment_time=4)
    assert status == 1 and "at least two donors" in err, err
