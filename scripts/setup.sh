#!/usr/bin/env bash
# Installs what a fresh Debian machine lacks to build, run and test duban:
# ncursesw headers (the dashboard), tmux (end-to-end tests), jq (benchmark baseline).
# The bulletin's tests (Tests/DubanBulletinTests): LibreOffice Writer converts the .docx to
# PDF, poppler's pdftotext reads it back, a Chinese font draws it, and python3-docx (for
# Debian's /usr/bin/python3) reads the .docx as a second library.
set -euo pipefail
need=()
for pkg in libncursesw5-dev tmux jq pkg-config libreoffice-writer-nogui poppler-utils fonts-wqy-zenhei python3-docx; do
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
