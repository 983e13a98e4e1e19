#!/usr/bin/env bash
# Installs what a fresh Debian machine lacks to build, run and test duban:
# ncursesw headers (the dashboard), libxxhash (the journal's plan hash; xxhsum checks it in the
# tests), tmux (end-to-end tests), jq (benchmark baseline).
# Spreadsheets (issue 14): LibreOffice Calc and poppler-utils (an exported sheet to PDF to
# text, in the tests), a Chinese font (so the PDF holds the Chinese text), openpyxl (the
# second spreadsheet library the tests edit returned sheets with).
# LibreOffice Writer and pdftotext: the converters `duban import` runs on .doc/.wps/.pdf.
# man-db (the manual page test reads docs/duban.1 with man -l).
# The bulletin's tests (Tests/DubanBulletinTests): LibreOffice Writer converts the .docx to
# PDF, poppler's pdftotext reads it back, a Chinese font draws it, and python3-docx (for
# Debian's /usr/bin/python3) reads the .docx as a second library.
# issue 15 (pgdb): PostgreSQL server and client (initdb/pg_ctl start a throwaway cluster
# for the tests, scripts/pg-cluster.sh; psql runs the row-level security test). Debian's
# package creates and starts its own cluster on port 5432 when it is installed; nothing
# would stop it, so a cluster the install just made (empty) is stopped and dropped.
set -euo pipefail
need=()
pkgs=(libncursesw5-dev libxxhash-dev xxhash tmux jq pkg-config poppler-utils fonts-wqy-zenhei python3-pip man-db libreoffice-writer-nogui python3-docx)
pkgs+=(postgresql)
# `make bench` (setup.sh bench) also needs the whole-process baselines: the simdjson
# floor program (g++ against libsimdjson-dev), jq, and hyperfine to cross-check by hand.
if [ "${1:-}" = bench ]; then pkgs+=(libsimdjson-dev g++ hyperfine python3); fi
for pkg in "${pkgs[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
# psql from any postgresql-client-N (issue 15, pgdb).
command -v psql >/dev/null 2>&1 || need+=(postgresql-client)
# Calc with or without its GUI; the headless one when neither is there.
dpkg -s libreoffice-calc >/dev/null 2>&1 || dpkg -s libreoffice-calc-nogui >/dev/null 2>&1 || need+=(libreoffice-calc-nogui)
if [ ${#need[@]} -gt 0 ]; then
  echo "setup: installing ${need[*]}" >&2
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
  if [[ " ${need[*]} " == *" postgresql "* ]] && command -v pg_lsclusters >/dev/null; then
    { pg_lsclusters -h 2>/dev/null || true; } | while read -r ver name _; do
      [ "$name" = main ] && $SUDO pg_dropcluster --stop "$ver" main 2>/dev/null || true
    done
  fi
fi
# The converters `duban import` runs on .doc/.wps (LibreOffice Writer, headless) and .pdf
# (pdftotext), and that made Tests/Fixtures/docx/*.docx. No test needs them (tests stand in
# for them); DUBAN_SETUP_NO_CONVERTERS=1 skips them.
if [ "${DUBAN_SETUP_NO_CONVERTERS:-0}" != 1 ]; then
  conv=()
  for pkg in libreoffice-writer-nogui poppler-utils; do
    dpkg -s "$pkg" >/dev/null 2>&1 || conv+=("$pkg")
  done
  if [ ${#conv[@]} -gt 0 ]; then
    echo "setup: installing ${conv[*]} (converters for .doc/.wps/.pdf notices)" >&2
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${conv[@]}" >/dev/null
  fi
fi
command -v swift >/dev/null || { echo "setup: swift is not on PATH (Swift 6.1 or newer is needed)" >&2; exit 1; }
if command -v python3 >/dev/null && ! python3 -c "import openpyxl" >/dev/null 2>&1; then
  echo "setup: installing openpyxl for python3" >&2
  python3 -m pip install -q openpyxl 2>/dev/null || python3 -m pip install -q --break-system-packages openpyxl
fi
