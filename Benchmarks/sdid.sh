#!/usr/bin/env bash
# Synthetic difference-in-differences on the California study beside synthdid-py, printed, never
# asserted (DESIGN.md, "Measuring"): `vanguard impact sdid` (SDID, SC and DiD, each with
# REPLICATIONS placebo draws) against synthdid-py 0.10.1 (SDID alone with the same number of
# draws), both timed whole (process start and CSV included), with both estimates.
# synthdid-py pins click 7, which other tools here outgrew, so it gets a virtualenv of its own.
# Usage: REPLICATIONS=200 Benchmarks/sdid.sh
set -euo pipefail
cd "$(dirname "$0")/.."
replications=${REPLICATIONS:-200}
configuration=${CONFIGURATION:-release}
work=$(mktemp -d /tmp/vanguard-sdid.XXXXXX)
trap 'rm -rf "$work"' EXIT
swift build -c "$configuration" --product vanguard >/dev/null
bin=$(swift build -c "$configuration" --show-bin-path)/vanguard
venv=${SDID_VENV:-/tmp/vanguard-synthdid-venv}
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/python" -c 'import synthdid' 2>/dev/null || "$venv/bin/pip" install --quiet --disable-pip-version-check "synthdid==0.10.1"
panel=$PWD/Tests/VanguardCoreTests/Fixtures/synth/smoking.csv
now() { python3 -c 'import time; print(time.time())'; }

cat > "$work/spec.json" <<JSON
{"panel": "$panel", "unit": "state", "time": "year", "outcome": "cigsale", "treated": "California",
 "treatment_time": 1989, "placebo_replications": $replications, "seed": 1}
JSON
start=$(now)
DATABASE_URL=sqlite::memory: "$bin" impact sdid --spec "$work/spec.json" > "$work/ours.json"
ours=$(python3 -c "print($(now) - $start)")
start=$(now)
"$venv/bin/python" Benchmarks/sdid_reference.py "$panel" "$replications" > "$work/theirs.json"
theirs=$(python3 -c "print($(now) - $start)")
python3 - "$work/ours.json" "$work/theirs.json" "$ours" "$theirs" "$replications" <<'PY'
import json, sys
ours, theirs = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
t_ours, t_theirs, reps = float(sys.argv[3]), float(sys.argv[4]), sys.argv[5]
print(f"SDID, California, {reps} placebo draws ({'release'} build):")
print(f"  vanguard impact sdid: {t_ours:.2f} s for SDID, SC and DiD with {reps} draws each; "
      f"SDID {ours['sdid']['att']:.5f} (se {ours['sdid']['se']:.2f}), SC {ours['sc']['att']:.5f}, DiD {ours['did']['att']:.5f}")
print(f"  synthdid-py 0.10.1:   {t_theirs:.2f} s for SDID alone with {reps} draws (the fit {theirs['fit_seconds']:.2f} s); "
      f"SDID {theirs['att']:.5f} (se {theirs['se']:.2f})")
print(f"  synthdid-py takes {t_theirs / t_ours:.1f}x our time; the SDID estimates differ by {abs(ours['sdid']['att'] - theirs['att']):.1e}")
PY
