#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL cluster (issue 15): started before it with
# scripts/pg-cluster.sh on a free port of 127.0.0.1, its URL exported as DUBAN_TEST_PG and its
# folder as DUBAN_TEST_PG_DIR, stopped after it even when it fails or is interrupted.
# `make test` runs `swift test` through it. Without PostgreSQL the command runs anyway and the
# database tests fail with "install postgresql: make setup".
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
dir="$(mktemp -d /tmp/duban-pg-ci-XXXXXX)"
stop() { bash "$here/pg-cluster.sh" stop "$dir" >/dev/null 2>&1 || true; }
trap stop EXIT
trap 'exit 130' INT TERM
if url="$(bash "$here/pg-cluster.sh" start "$dir" </dev/null)"; then
  export DUBAN_TEST_PG="$url" DUBAN_TEST_PG_DIR="$dir"
else
  echo "with-pg: no PostgreSQL cluster for the tests (see above); the database tests will fail" >&2
  rm -rf "$dir"
fi
"$@"
