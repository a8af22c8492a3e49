#!/usr/bin/env bash
# Pages beside nginx, printed, never asserted (DESIGN.md, "Measuring").
#
# One release server on a copy of a database seeded with the real vanguards and the generated demo
# returns; wrk on loopback, CONNECTIONS (64) connections, DURATION (30) seconds a path. In the same
# run nginx serves the very bytes the server answered, as static files with the same content type,
# so the ratio is what the server adds over sending a file. Prints req/s, p50, p99 and errors for
# both, the share, and the server's resident memory after each path.
#
# Usage: Benchmarks/http.sh [DATABASE_FILE]   (a SQLite file made by `vanguard seed` + `demo-data`;
#        without one it is made, which takes a few minutes)
#        DURATION=10 CONNECTIONS=64 CONFIGURATION=release PATHS="/ /map" Benchmarks/http.sh
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=Benchmarks/wrk.sh
. Benchmarks/wrk.sh
duration=${DURATION:-30}
connections=${CONNECTIONS:-64}
configuration=${CONFIGURATION:-release}
read -r -a paths <<< "${PATHS:-/ /vanguards/1/dashboard /api/v1/vanguards /map /national /impact /vanguards/1 /learning}"

missing=()
command -v wrk >/dev/null || missing+=(wrk)
[ -x /usr/sbin/nginx ] || missing+=(nginx-light)
if [ ${#missing[@]} -gt 0 ]; then apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null; fi
./scripts/fetch-assets.sh >/dev/null
swift build -c "$configuration" --product vanguard >/dev/null
bin=$(swift build -c "$configuration" --show-bin-path)/vanguard

work=$(mktemp -d /tmp/vanguard-http.XXXXXX)
server_pid=""
nginx_pid=""
cleanup() {
    [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
    [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

if [ -n "${1:-}" ]; then
    cp "$1" "$work/vanguard.sqlite"
else
    echo "making the database (seed and generated demo returns)..."
    DATABASE_URL="sqlite:$work/vanguard.sqlite" "$bin" seed >/dev/null
    DATABASE_URL="sqlite:$work/vanguard.sqlite" "$bin" demo-data >/dev/null
fi
DATABASE_URL="sqlite:$work/vanguard.sqlite" "$bin" migrate --yes >/dev/null 2>&1 || true

port=$(free_port)
static_port=$(free_port)
DATABASE_URL="sqlite:$work/vanguard.sqlite" PORT=$port "$bin" serve > "$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.2; done

# The same bytes, as files nginx sends.
mkdir -p "$work/static"
locations=""
for i in "${!paths[@]}"; do
    path=${paths[$i]}
    type=$(curl -fs -o "$work/static/$i" -w '%{content_type}' "http://127.0.0.1:$port$path")
    locations+="        location = $path { default_type \"${type}\"; alias $work/static/$i; }
"
done
cat > "$work/nginx.conf" <<CONF
user root;
worker_processes auto;
daemon off;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
    access_log off;
    types { }
    client_body_temp_path $work/body;
    proxy_temp_path $work/proxy;
    fastcgi_temp_path $work/fastcgi;
    uwsgi_temp_path $work/uwsgi;
    scgi_temp_path $work/scgi;
    server {
        listen 127.0.0.1:$static_port;
$locations    }
}
CONF
/usr/sbin/nginx -c "$work/nginx.conf" -p "$work" &
nginx_pid=$!
sleep 0.5

echo
echo "$(date -u +%Y-%m-%d) · $(nproc) cores · $configuration build · wrk -c$connections -d${duration}s · SQLite"
printf '%-26s %10s %9s %9s %7s | %10s %9s %9s | %7s %9s\n' path "req/s" "p50 ms" "p99 ms" errors "nginx" "p50 ms" "p99 ms" share "RSS MiB"
for path in "${paths[@]}"; do
    read -r rate p50 p99 errors <<< "$(measure "http://127.0.0.1:$port$path")"
    rss=$(awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$server_pid/status")
    read -r nrate np50 np99 _ <<< "$(measure "http://127.0.0.1:$static_port$path")"
    share=$(python3 -c "print(f'{100 * $rate / $nrate:.1f}%')")
    printf '%-26s %10s %9s %9s %7s | %10s %9s %9s | %7s %9s\n' "$path" "$rate" "$p50" "$p99" "$errors" "$nrate" "$np50" "$np99" "$share" "$rss"
done
