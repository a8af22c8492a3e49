#!/usr/bin/env bash
# The synthetic-control benchmark (DESIGN.md, "Measuring"): the California study in the paper's
# specification, fitted by `vanguard benchmark synth` and by pysyncon 1.7.0 (PyPI) in the same run,
# each timed inside its own process after the panel is read; prints both times, the ratio, both
# pre-period MSPEs, and the time of our 38-placebo set. pysyncon's placebo set takes minutes here:
# REFERENCE_PLACEBO=1 times it too. pysyncon gets a virtualenv of its own (SYNTH_VENV).
set -euo pipefail
cd "$(dirname "$0")/.."
spec=Tests/VanguardCoreTests/Fixtures/synth/california-paper-spec.json
configuration=${CONFIGURATION:-release}
swift build -c "$configuration" --product vanguard >/dev/null
bin=$(swift build -c "$configuration" --show-bin-path)/vanguard
venv=${SYNTH_VENV:-/tmp/vanguard-pysyncon-venv}
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/python" -c 'import pysyncon' 2>/dev/null || "$venv/bin/pip" install --quiet --disable-pip-version-check "pysyncon==1.7.0"
work=$(mktemp -d /tmp/vanguard-synth.XXXXXX)
trap 'rm -rf "$work"' EXIT
python3 - "$spec" "$work/spec.json" <<'PY'
import json, os, sys
spec = json.load(open(sys.argv[1]))
spec["panel"] = os.path.abspath(os.path.join(os.path.dirname(sys.argv[1]), spec["panel"]))
spec["placebo"] = True
json.dump(spec, open(sys.argv[2], "w"))
PY
DATABASE_URL=sqlite::memory: "$bin" benchmark synth --spec "$work/spec.json" --repeat 5 > "$work/ours.json"
flag=""; [ "${REFERENCE_PLACEBO:-0}" = 1 ] && flag="--placebo"
"$venv/bin/python" Benchmarks/synth_reference.py "$spec" $flag > "$work/reference.json"
python3 - "$work/ours.json" "$work/reference.json" <<'PY'
import json, sys
ours, reference = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
print(f"synth (California, paper specification; {'release'} build): one fit {ours['fit_seconds'] * 1000:.1f} ms (best of 5), "
      f"pre-period MSPE {ours['mspe_pre']:.4f}; pysyncon 1.7.0 {reference['fit_seconds']:.2f} s, MSPE {reference['mspe_pre']:.4f}; "
      f"pysyncon takes {reference['fit_seconds'] / ours['fit_seconds']:.0f}x our time (target 100x)")
line = f"  38-placebo set: {ours['placebo_seconds']:.2f} s (target under 2 s), California ranked {ours['placebo_rank']} of 39"
if "placebo_seconds" in reference:
    line += f"; pysyncon {reference['placebo_seconds']:.1f} s ({reference['placebo_seconds'] / ours['placebo_seconds']:.0f}x)"
print(line)
PY
