#!/usr/bin/env bash
# The whole test suite, as `make test` and CI run it, on a fresh machine or this one:
#   1. install what is missing (PostgreSQL, Chromium, Python test packages) and fetch the assets;
#   2. build once, tests included;
#   3. run the Swift suites against SQLite, then against a throwaway PostgreSQL on a loopback port;
#   4. seed and serve the real executable on each database and run the end-to-end tests
#      (OpenAPI contract, a real headless browser, recovery after the database goes away);
#   5. remove the PostgreSQL cluster and stop every server, pass or fail.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
work=$(mktemp -d /tmp/vanguard-test.XXXXXX)
chmod 755 "$work"
pg_dir="$work/pg"
pg_port=${VANGUARD_TEST_PG_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
server_pid=""
sink_pid=""
passed=0

cleanup() {
    [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
    [ -n "$sink_pid" ] && kill "$sink_pid" 2>/dev/null || true
    "$root/scripts/postgres.sh" stop "$pg_dir" || true
    rm -rf "$work"
}
trap cleanup EXIT

# Each step's time is kept, so every run reports its own breakdown (the README quotes CI's).
step_name="" step_started=$SECONDS
breakdown=""
step() {
    [ -n "$step_name" ] && breakdown+=$(printf '%6d s  %s' $((SECONDS - step_started)) "$step_name")$'\n'
    step_name=$* step_started=$SECONDS
    printf '\n==> %s\n' "$*"
}

count_swift() { # adds the tests a Swift Testing run reports as passed
    local n
    n=$(grep -Eo 'Test run with [0-9]+ tests? in [0-9]+ suites? passed' "$1" | grep -Eo '[0-9]+' | head -1 || true)
    passed=$((passed + ${n:-0}))
}

count_pytest() {
    local n
    n=$(grep -Eo '[0-9]+ passed' "$1" | tail -1 | grep -Eo '[0-9]+' || true)
    passed=$((passed + ${n:-0}))
}

step "dependencies and assets"
./scripts/install-build-deps.sh
./scripts/install-test-deps.sh
./scripts/fetch-assets.sh

step "lint (swift-format, strict)"
make --no-print-directory lint || { echo "lint found problems: run make format, or fix what it names" >&2; exit 1; }

step "build (once, tests included)"
swift build --build-tests > "$work/build.log" 2>&1 || { tail -60 "$work/build.log" >&2; exit 1; }
tail -1 "$work/build.log"
if grep -E "^/.*: warning:" "$work/build.log" | grep -v "/.build/checkouts/" | head -5 | grep -q .; then
    echo "the build has warnings in project code; fix them" >&2
    exit 1
fi

step "Swift suites on SQLite"
swift test --skip-build 2>&1 | tee "$work/swift-sqlite.log" | grep -E "✘|Test run with" || true
grep -Eq 'Test run with [0-9]+ tests? in [0-9]+ suites? passed' "$work/swift-sqlite.log" || { echo "Swift suites failed on SQLite" >&2; exit 1; }
count_swift "$work/swift-sqlite.log"

step "Swift store and web suites on PostgreSQL (VanguardCore has no database)"
pg_url=$(./scripts/postgres.sh start "$pg_dir" "$pg_port")
TEST_DATABASE_URL="$pg_url" swift test --skip-build --skip VanguardCoreTests 2>&1 | tee "$work/swift-postgres.log" | grep -E "✘|Test run with" || true
grep -Eq 'Test run with [0-9]+ tests? in [0-9]+ suites? passed' "$work/swift-postgres.log" || { echo "Swift suites failed on PostgreSQL" >&2; exit 1; }
count_swift "$work/swift-postgres.log"

binary=$(swift build --show-bin-path)/vanguard
e2e_password="e2e $(head -c 12 /dev/urandom | base64 | tr -dc 'a-zA-Z0-9') passphrase"

serve_and_test() { # database-url label [extra env for pytest...]
    local url=$1 label=$2 port
    shift 2
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    step "end-to-end on $label (port $port)"
    DATABASE_URL="$url" "$binary" seed | tail -1
    DATABASE_URL="$url" "$binary" demo-data | tail -1
    # The first programme-team account, made the way an operator would, for the browser to sign in with.
    printf '%s\n' "$e2e_password" | DATABASE_URL="$url" BCRYPT_COST=10 "$binary" users create \
        --email e2e-admin@example.nhs.uk --role programme_team --name "E2E Admin" --password-stdin
    # The people a selection needs besides the programme team (two assessors and an applicant)
    # and, for a funding round, Wirral's site lead and a signatory for each of its six partners.
    for person in "assessor-1:assessor:Ann Assessor::" "assessor-2:assessor:Bob Assessor::" "applicant:member:Alex Applicant::" \
        "sitelead:site_lead:Sam Lead:vanguard:1" "signatory-1:partner_signatory:Sue Hospital:organisation:wirral-university-hospital-nhs-ft" \
        "signatory-2:partner_signatory:Cal Commissioner:organisation:nhs-wirral-ccg" "signatory-3:partner_signatory:Lou Council:organisation:wirral-mbc" \
        "signatory-4:partner_signatory:Mo Mental:organisation:cheshire-and-wirral-partnership-nhs-ft" \
        "signatory-5:partner_signatory:Cy Community:organisation:wirral-community-nhs-trust" "signatory-6:partner_signatory:Gee Practice:organisation:wirral-gps"; do
        IFS=: read -r who role name option value <<< "$person"
        extra=()
        [ -n "$option" ] && extra=(--"$option" "$value")
        printf '%s\n' "$e2e_password" | DATABASE_URL="$url" BCRYPT_COST=10 "$binary" users create \
            --email "e2e-$who@example.nhs.uk" --role "$role" --name "$name" "${extra[@]}" --password-stdin
    done
    smtp_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    python3 e2e/smtp_sink.py "$smtp_port" "$work/mail-$label.jsonl" &
    sink_pid=$!
    DATABASE_URL="$url" PORT="$port" LOG_FORMAT=json SMTP_HOST=127.0.0.1 SMTP_PORT="$smtp_port" MAIL_FROM=vanguard@test.nhs.uk \
        "$binary" serve > "$work/serve-$label.log" 2>&1 &
    server_pid=$!
    for _ in $(seq 1 100); do
        curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
        sleep 0.2
    done
    env VANGUARD_URL="http://127.0.0.1:$port" VANGUARD_ARTIFACTS="$work/artifacts-$label" \
        VANGUARD_ADMIN_EMAIL=e2e-admin@example.nhs.uk VANGUARD_ADMIN_PASSWORD="$e2e_password" VANGUARD_SMTP_SINK="$work/mail-$label.jsonl" \
        VANGUARD_BINARY="$binary" VANGUARD_DATABASE_URL="$url" VANGUARD_SMTP_PORT="$smtp_port" VANGUARD_SERVER_LOG="$work/serve-$label.log" "$@" \
        python3 -m pytest -q -p no:cacheprovider e2e 2>&1 | tee "$work/pytest-$label.log"
    local status=${PIPESTATUS[0]}
    kill "$server_pid" "$sink_pid" 2>/dev/null || true
    wait "$server_pid" "$sink_pid" 2>/dev/null || true
    server_pid=""
    sink_pid=""
    [ "$status" = 0 ] || { echo "end-to-end tests failed on $label; server log:" >&2; tail -20 "$work/serve-$label.log" >&2; exit 1; }
    count_pytest "$work/pytest-$label.log"
}

serve_and_test "sqlite:$work/e2e.sqlite" sqlite
serve_and_test "$pg_url" postgres \
    VANGUARD_DB_PAUSE="$root/scripts/postgres.sh pause $pg_dir $pg_port" \
    VANGUARD_DB_RESUME="$root/scripts/postgres.sh resume $pg_dir $pg_port"

step "done"
printf '\ntime by step:\n%s%6d s  in all\n' "$breakdown" "$SECONDS"
printf '\nvanguard: %d passed, 0 failed\n' "$passed"
