#!/usr/bin/env bash
# Installs what a fresh Debian machine lacks to build, run and test duban:
# ncursesw headers (the dashboard), tmux (end-to-end tests), jq (benchmark baseline);
# LibreOffice Writer and pdftotext (converters, optional).
set -euo pipefail
need=()
for pkg in libncursesw5-dev tmux jq pkg-config; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  echo "setup: installing ${need[*]}" >&2
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
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
