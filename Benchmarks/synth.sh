#!/usr/bin/env bash
# The synthetic-control benchmark (DESIGN.md, "Measuring"): the California study in the paper's
# specification with its full placebo set, fitted by `vanguard impact synth` and by pysyncon 1.7.0
# (PyPI) in the same run; prints both times, the ratio and both pre-period MSPEs.
# pysyncon's placebos take tens of minutes here; PLACEBO=0 times the single fit only.
set -euo pipefail
cd "$(dirname "$0")/.."
spec=Tests/VanguardCoreTests/Fixtures/synth/california-paper-spec.json
placebo=${PLACEBO:-1}
configuration=${CONFIGURATION:-release}
swift build -c "$configuration" --product vanguard >/dev/null
bin=$(swift build -c "$configuration" --show-bin-path)/vanguard
python3 -c 'import pysyncon' 2>/dev/null || python3 -m pip install --quiet --disable-pip-version-check "pysyncon==1.7.0"
work=$(mktemp -d /tmp/vanguard-synth.XXXXXX)
trap 'rm -rf "$work"' EXIT
python3 - "$spec" "$work/spec.json" "$placebo" <<'PY'
import json, os, sys
spec = json.load(open(sys.argv[1]))
spec["panel"] = os.path.abspath(os.path.join(os.path.dirname(sys.argv[1]), spec["panel"]))
spec["placebo"] = sys.argv[3] == "1"
json.dump(spec, open(sys.argv[2], "w"))
PY
start=$(python3 -c 'import time; print(time.time())')
"$bin" impact synth --spec "$work/spec.json" > "$work/ours.json"
ours=$(python3 -c "import time; print(time.time() - $start)")
flag=""; [ "$placebo" = 1 ] && flag="--placebo"
python3 Benchmarks/synth_reference.py "$spec" $flag > "$work/reference.json"
python3 - "$work/ours.json" "$work/reference.json" "$ours" "$placebo" <<'PY'
import json, sys
ours, reference, seconds = json.load(open(sys.argv[1])), json.load(open(sys.argv[2])), float(sys.argv[3])
what = "fit and 38 placebos" if sys.argv[4] == "1" else "fit"
print(f"synth (California, paper specification, {what}): vanguard {seconds:.1f} s, pre-period MSPE {ours['mspe_pre']:.4f}; "
      f"pysyncon {reference['total_seconds']:.1f} s, MSPE {reference['mspe_pre']:.4f}; pysyncon takes {reference['total_seconds'] / seconds:.1f}x our time")
PY
