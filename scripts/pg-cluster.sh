#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests (issue 15), the one owner of starting and
# stopping it:
#   scripts/pg-cluster.sh start DIR   initdb in DIR, start on a free port of 127.0.0.1, print the URL
#   scripts/pg-cluster.sh url DIR     print the URL of the cluster in DIR
#   scripts/pg-cluster.sh stop DIR    stop it and remove DIR
# The URL names the superuser duban_test (password auth, scram-sha-256, over 127.0.0.1)
# and the database postgres. The socket lives in DIR; nothing uses the system's cluster.
# As root, initdb/pg_ctl run as the `postgres` user on DIR (chowned to it).
set -euo pipefail
cmd="${1:-}"; dir="${2:-}"
[ -n "$cmd" ] && [ -n "$dir" ] || { echo "usage: $0 start|stop|url DIR" >&2; exit 2; }

bin=""
for d in /usr/lib/postgresql/*/bin; do
  [ -x "$d/initdb" ] && bin="$d"
done
if [ -z "$bin" ] && command -v initdb >/dev/null 2>&1; then bin="$(dirname "$(command -v initdb)")"; fi
if [ -z "$bin" ] || [ ! -x "$bin/pg_ctl" ]; then
  echo "pg-cluster: PostgreSQL is not installed (no initdb/pg_ctl): install postgresql: make setup" >&2
  exit 3
fi

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

password=duban_test_pw
# The tests' cluster trades durability for speed; PG_CLUSTER_DURABLE=1 (the benchmark) keeps
# PostgreSQL's defaults.
fast="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
[ "${PG_CLUSTER_DURABLE:-0}" = 1 ] && fast=""

url_of() {
  local port; port="$(cat "$1/port")"
  echo "postgres://duban_test:$password@127.0.0.1:$port/postgres?sslmode=disable"
}

case "$cmd" in
start)
  mkdir -p "$dir"
  dir="$(cd "$dir" && pwd)"
  if [ -f "$dir/port" ] && as_owner "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
    url_of "$dir"; exit 0
  fi
  [ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
  printf '%s\n' "$password" > "$dir/pwfile"
  [ "$(id -u)" -eq 0 ] && chown postgres: "$dir/pwfile"
  as_owner "$bin/initdb" -D "$dir/data" -U duban_test --pwfile="$dir/pwfile" -E UTF8 --locale=C.UTF-8 \
    --auth-local=trust --auth-host=scram-sha-256 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
  # A free port: ask the kernel for one, then try the next ones if it is taken by the time
  # the server binds.
  for attempt in 1 2 3 4 5; do
    port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()' 2>/dev/null \
      || echo $(( 20000 + RANDOM % 20000 )))"
    echo "$port" > "$dir/port"
    if as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
        -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$dir -c max_connections=200 $fast" \
        start >/dev/null 2>&1; then
      url_of "$dir"; exit 0
    fi
  done
  echo "pg-cluster: the server did not start; its log:" >&2
  tail -20 "$dir/server.log" >&2 || true
  exit 1
  ;;
url)
  url_of "$dir"
  ;;
stop)
  if [ -d "$dir/data" ]; then
    as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
  ;;
restart)
  # Stops and starts the server on the same port (the tests of a server gone and back).
  as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
  port="$(cat "$dir/port")"
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
    -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$dir -c max_connections=200 $fast" \
    start >/dev/null
  ;;
*)
  echo "usage: $0 start|stop|url|restart DIR" >&2; exit 2
  ;;
esac
