#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests: `postgres.sh start DIR PORT` creates a cluster in
# DIR listening on 127.0.0.1:PORT only, with a `vanguard` database; `postgres.sh stop DIR` stops it.
set -euo pipefail
action=$1 dir=$2 port=${3:-55432}
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
case "$action" in
start)
    rm -rf "$dir"
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    as_postgres "$bin/initdb" -D "$dir/data" -U vanguard --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    as_postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
        -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$dir -c fsync=off -c max_connections=600" start >/dev/null \
        || { echo "postgres.sh: the server did not start on port $port:" >&2; tail -5 "$dir/server.log" >&2; exit 1; }
    as_postgres "$bin/createdb" -h 127.0.0.1 -p "$port" -U vanguard vanguard
    echo "postgres://vanguard@127.0.0.1:$port/vanguard"
    ;;
stop)
    [ -d "$dir/data" ] && as_postgres "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
    ;;
pause) # stop only, leaving the data: used to test recovery
    as_postgres "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
    ;;
resume)
    as_postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
        -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$dir -c fsync=off -c max_connections=600" start >/dev/null
    ;;
*) echo "usage: postgres.sh start|stop|pause|resume DIR [PORT]" >&2; exit 2 ;;
esac
