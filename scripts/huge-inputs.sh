#!/usr/bin/env bash
# Measures huge inputs with the release build of `duban`: a 50 MB plan (validate, and a
# `set` that loads, edits and saves it atomically), a 10 MB notice (import) and a notice
# with a 1 MB line. Prints wall time and peak memory of each; docs/reliability.md quotes
# the results. Not part of `make test` (it needs a release build).
#
#   bash scripts/huge-inputs.sh [SCRATCH]       (SCRATCH: SwiftPM scratch path, .build-rel)
set -euo pipefail
cd "$(dirname "$0")/.."
SCRATCH="${1:-.build-rel}"
swift build -c release --product duban --scratch-path "$SCRATCH" >&2
BIN="$(swift build -c release --product duban --scratch-path "$SCRATCH" --show-bin-path)/duban"
W="$(mktemp -d)"
trap 'rm -rf "$W"' EXIT

measure() {  # label, command...
    local label="$1"; shift
    local start end rc=0
    start=$(date +%s.%N)
    /usr/bin/env time -f "%M" -o "$W/rss" "$@" > "$W/out" 2> "$W/err" || rc=$?
    end=$(date +%s.%N)
    printf '%-44s %6.2f s  peak %5d MB  exit %d\n' "$label" "$(echo "$end - $start" | bc)" $(( $(tail -1 "$W/rss") / 1024 )) "$rc"
}

# A 50 MB plan: about 2 kB a task.
"$BIN" generate --tasks 25000 --seed 5 -o "$W/plan.json" 2> /dev/null
printf 'plan: %d bytes\n' "$(stat -c %s "$W/plan.json")"
measure "validate 50 MB plan" "$BIN" validate "$W/plan.json"
measure "set one task in 50 MB plan (load+save)" "$BIN" set "$W/plan.json" t100 --status done --as-of 2020-07-01
measure "report 50 MB plan by unit" "$BIN" report "$W/plan.json" --by unit

# A 10 MB notice: the five real notices, again and again.
: > "$W/notice.txt"
while [ "$(stat -c %s "$W/notice.txt")" -lt 10000000 ]; do cat ../shared/seeds/*.txt >> "$W/notice.txt"; done
printf 'notice: %d bytes\n' "$(stat -c %s "$W/notice.txt")"
measure "import 10 MB notice" "$BIN" import "$W/notice.txt" -o "$W/imported.json"

# A notice whose one line is 1 MB.
{ head -40 ../shared/seeds/001_62242f2f62d00f55.txt; awk 'BEGIN { for (i = 0; i < 45000; i++) printf "推进重点项目建设" }'; echo; tail -n +41 ../shared/seeds/001_62242f2f62d00f55.txt; } > "$W/longline.txt"
measure "import notice with a 1 MB line" "$BIN" import "$W/longline.txt" -o "$W/longline.json"
