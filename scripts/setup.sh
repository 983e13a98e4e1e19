#!/usr/bin/env bash
# Installs what a fresh Debian machine lacks to build, run and test duban:
# ncursesw headers (the dashboard), tmux (end-to-end tests), jq (benchmark baseline).
set -euo pipefail
need=()
pkgs=(libncursesw5-dev tmux jq pkg-config)
# `make bench` (setup.sh bench) also needs the whole-process baselines: the simdjson
# floor program (g++ against libsimdjson-dev), jq, and hyperfine to cross-check by hand.
# Not for `make test`: its setup stays as fast as before.
if [ "${1:-}" = bench ]; then pkgs+=(libsimdjson-dev g++ hyperfine python3); fi
for pkg in "${pkgs[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  echo "setup: installing ${need[*]}" >&2
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi
command -v swift >/dev/null || { echo "setup: swift is not on PATH (Swift 6.1 or newer is needed)" >&2; exit 1; }
