#!/usr/bin/env bash
# Side-by-side measurements on this machine, printed, never asserted (DESIGN.md, "Measuring"):
#   import: Benchmarks/import.sh on SQLite (a generated 1,000,000-row returns file through
#           `vanguard import returns` beside the sqlite3 shell's `.import`);
#   refit:  every impact estimate of the generated demo data fitted again (`vanguard impact refit`:
#           synthetic control, SDID with placebo draws and monthly conformal intervals, matched
#           DiD, and each care model by wave), the time the uploader of returns waits for;
#   spc:    the XmR chart of every series of the generated national dataset, against a published
#           Making Data Count implementation (abspc, PyPI) timed on the same series;
#   synth:  Benchmarks/synth.sh (ADH synthetic control, California, against pysyncon);
#   sdid:   Benchmarks/sdid.sh (SDID with 200 placebo draws, California, against synthdid-py).
# Usage: Benchmarks/run.sh [ROWS]   (CONFIGURATION=release by default; debug is quicker to build)
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000000}
work=$(mktemp -d /tmp/vanguard-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
./scripts/fetch-assets.sh >/dev/null
configuration=${CONFIGURATION:-release}
swift build -c "$configuration" --product vanguard >/dev/null
bin=$(swift build -c "$configuration" --show-bin-path)/vanguard

Benchmarks/import.sh "$rows" sqlite

export DATABASE_URL="sqlite:$work/demo.sqlite"
"$bin" seed >/dev/null
"$bin" demo-data >/dev/null
start=$(date +%s.%N)
"$bin" impact refit
python3 -c "import sys; print(f'refit: every impact estimate of the generated data in {float(sys.argv[2]) - float(sys.argv[1]):.1f} s (target under 10 s)')" "$start" "$(date +%s.%N)"
"$bin" benchmark spc --export "$work/spc.json"
# abspc wants a newer numpy than the system's other Python tools: a virtualenv of its own.
venv=${SPC_VENV:-/tmp/vanguard-abspc-venv}
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/python" -c 'import abspc' 2>/dev/null \
    || "$venv/bin/pip" install --quiet --disable-pip-version-check "abspc==1.1.0" "pandas>=2" "numpy>=1.26" "matplotlib>=3.8"
"$venv/bin/python" Benchmarks/spc_reference.py "$work/spc.json"
Benchmarks/synth.sh
Benchmarks/sdid.sh
