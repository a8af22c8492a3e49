#!/usr/bin/env bash
# Several servers on one PostgreSQL behind nginx, printed, never asserted (DESIGN.md, "Measuring").
#
# A throwaway PostgreSQL (scripts/postgres.sh) seeded with the real vanguards and the generated demo
# returns; 1, then SERVERS (3) release servers behind nginx (round-robin, keep-alive to the
# upstreams); wrk through nginx, CONNECTIONS (64) connections, DURATION (30) s a path. Prints req/s,
# p50, p99 and errors for each count of servers, so the growth with servers is read off one run.
# On a machine with fewer cores than servers the servers share them: the figures show the cost of
# the balancer and the shared database, not what more machines would add.
#
# Usage: DURATION=10 SERVERS=3 PATHS="/ /api/v1/vanguards" Benchmarks/http-several.sh
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=Benchmarks/wrk.sh
. Benchmarks/wrk.sh
duration=${DURATION:-30}
connections=${CONNECTIONS:-64}
servers=${SERVERS:-3}
configuration=${CONFIGURATION:-release}
read -r -a paths <<< "${PATHS:-/ /vanguards/1/dashboard /api/v1/vanguards /learning}"

missing=()
command -v wrk >/dev/null || missing+=(wrk)
[ -x /usr/sbin/nginx ] || missing+=(nginx-light)
if [ ${#missing[@]} -gt 0 ]; then apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null; fi
./scripts/install-test-deps.sh >/dev/null
./scripts/fetch-assets.sh >/dev/null
swift build -c "$configuration" --product vanguard >/dev/null
bin=$(swift build -c "$configuration" --show-bin-path)/vanguard

work=$(mktemp -d /tmp/vanguard-several.XXXXXX)
chmod 755 "$work"
pg_port=$(free_port)
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    ./scripts/postgres.sh stop "$work/pg" >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT

url=$(./scripts/postgres.sh start "$work/pg" "$pg_port")
echo "making the database (seed and generated demo returns, PostgreSQL)..."
DATABASE_URL=$url "$bin" seed >/dev/null
DATABASE_URL=$url "$bin" demo-data >/dev/null

# Starts `count` servers and nginx in front of them, listening on $balancer.
start_cluster() {
    local count=$1 upstreams="" port
    for _ in $(seq "$count"); do
        port=$(free_port)
        DATABASE_URL=$url PORT=$port TRUSTED_PROXIES=127.0.0.1 "$bin" serve > "$work/server-$port.log" 2>&1 &
        pids+=($!)
        for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.2; done
        upstreams+="        server 127.0.0.1:$port;
"
    done
    balancer=$(free_port)
    mkdir -p "$work/nginx-$count"
    cat > "$work/nginx-$count/nginx.conf" <<CONF
user root;
worker_processes 1;
daemon off;
pid $work/nginx-$count/nginx.pid;
error_log $work/nginx-$count/error.log;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $work/nginx-$count/body;
    proxy_temp_path $work/nginx-$count/proxy;
    fastcgi_temp_path $work/nginx-$count/fastcgi;
    uwsgi_temp_path $work/nginx-$count/uwsgi;
    scgi_temp_path $work/nginx-$count/scgi;
    upstream vanguard {
$upstreams        keepalive 64;
    }
    server {
        listen 127.0.0.1:$balancer;
        location / {
            proxy_pass http://vanguard;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host \$http_host;
            proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
        }
    }
}
CONF
    /usr/sbin/nginx -c "$work/nginx-$count/nginx.conf" -p "$work/nginx-$count" > "$work/nginx-$count/out.log" 2>&1 &
    pids+=($!)
    sleep 0.5
}

stop_cluster() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    pids=()
    sleep 1
}

echo
echo "$(date -u +%Y-%m-%d) · $(nproc) cores · $configuration build · wrk -c$connections -d${duration}s through nginx · PostgreSQL"
printf '%-26s %8s %10s %9s %9s %7s\n' path servers "req/s" "p50 ms" "p99 ms" errors
for count in 1 "$servers"; do
    start_cluster "$count"
    for path in "${paths[@]}"; do
        read -r rate p50 p99 errors <<< "$(measure "http://127.0.0.1:$balancer$path")"
        printf '%-26s %8s %10s %9s %9s %7s\n' "$path" "$count" "$rate" "$p50" "$p99" "$errors"
    done
    stop_cluster
done
