#!/usr/bin/env bash
# Fuzzes the loaders with the toolchain's libFuzzer (-sanitize=fuzzer,address).
#
#   bash scripts/fuzz.sh [SECONDS] [TARGET...]      (default: 60 s each, every target)
#
# Targets: planjson (PlanJSON.decode and the store), journal (the journal reader and
# replay), import (NoticeImporter.importNotice(bytes:source:)), theme (ThemeParser and
# DashboardConfig over the core's ConfigFile). Each module is compiled straight from Sources/ with the sanitizers into
# .build-fuzz/, then each target first runs every input in Fuzz/regressions/<target>/
# (inputs that crashed once) and then fuzzes for SECONDS, starting from the seeds in
# Fuzz/corpus/<target>/. New inputs go to .build-fuzz/corpus/<target>/, crashes to
# .build-fuzz/crashes/. Exit status 1 when anything crashed, leaked or hung; the
# summary line per target gives the number of executions.
set -euo pipefail
cd "$(dirname "$0")/.."

SECONDS_EACH="${1:-60}"
shift || true
TARGETS=("$@")
if [ ${#TARGETS[@]} -eq 0 ]; then TARGETS=(planjson journal import theme); fi

OUT=.build-fuzz
mkdir -p "$OUT/mods" "$OUT/crashes" "$OUT/logs"
SWIFTC="${SWIFTC:-swiftc}"
# DubanCore hashes plans with XXH3 (Debian's libxxhash, Sources/CXXHash).
FLAGS=(-sanitize=fuzzer,address -parse-as-library -O -g -use-ld=lld -I "$OUT/mods" -I Sources/CXXHash -lxxhash)
# Module libraries: instrumented for coverage and ASan, no libFuzzer main.
LIBFLAGS=(-sanitize=fuzzer,address -parse-as-library -O -g -I "$OUT/mods" -I Sources/CXXHash -enable-testing -emit-library -static)

sources() { find "$1" -name '*.swift' | LC_ALL=C sort; }

# Rebuilds a module library when any of its sources is newer than it.
module() {
    local name="$1" dir="$2"; shift 2
    local lib="$OUT/lib$name.a"
    if [ -f "$lib" ] && [ -z "$(find "$dir" -name '*.swift' -newer "$lib" | head -1)" ]; then return; fi
    echo "fuzz: building $name" >&2
    # Someone saving a source file mid-build makes swiftc stop; try again (up to 3 times).
    local try
    for try in 1 2 3; do
        # shellcheck disable=SC2046
        # Built aside and moved into place, so a failed build never looks up to date.
        if "$SWIFTC" "${LIBFLAGS[@]}" "$@" -module-name "$name" -emit-module -emit-module-path "$OUT/mods/$name.swiftmodule" \
            -o "$lib.new" $(sources "$dir") 2> "$OUT/logs/build-$name.txt"; then mv "$lib.new" "$lib"; return; fi
        rm -f "$lib.new"
        grep -q 'was modified during the build' "$OUT/logs/build-$name.txt" || break
        echo "fuzz: $name: a source changed during the build; again" >&2
    done
    grep -E 'error' "$OUT/logs/build-$name.txt" | head -20 >&2
    return 1
}

target() {
    local name="$1" entry="$2"; shift 2
    local exe="$OUT/fuzz-$name"
    if [ -f "$exe" ] && [ "$exe" -nt "$entry" ] && [ -z "$(find "$OUT" -name 'lib*.a' -newer "$exe" | head -1)" ]; then return; fi
    echo "fuzz: linking fuzz-$name" >&2
    "$SWIFTC" "${FLAGS[@]}" "$entry" "$@" -o "$exe" 2> "$OUT/logs/link-$name.txt" || { cat "$OUT/logs/link-$name.txt" >&2; return 1; }
}

needs_core=0 needs_import=0 needs_tui=0
for t in "${TARGETS[@]}"; do
    case "$t" in
        planjson|journal) needs_core=1 ;;
        import) needs_core=1; needs_import=1 ;;
        theme) needs_core=1; needs_import=1; needs_tui=1 ;;
        *) echo "fuzz: unknown target '$t' (expected planjson, journal, import or theme)" >&2; exit 2 ;;
    esac
done
[ $needs_core = 1 ] && module DubanCore Sources/DubanCore
# The importer reads Word files through ZIPFoundation (and zlib): its checkout, which
# `swift build` fetched, is compiled here the same way.
ZIP=.build/checkouts/ZIPFoundation/Sources
if [ $needs_import = 1 ] && [ ! -d "$ZIP/ZIPFoundation" ]; then
    echo "fuzz: $ZIP/ZIPFoundation is missing: run swift build (make test) first" >&2; exit 2
fi
[ $needs_import = 1 ] && module ZIPFoundation "$ZIP/ZIPFoundation" -swift-version 5 -I "$ZIP/CZLib" -Xcc -D_GNU_SOURCE=1
[ $needs_import = 1 ] && module DubanImport Sources/DubanImport -I "$ZIP/CZLib"
[ $needs_tui = 1 ] && module DubanTUI Sources/DubanTUI -swift-version 5 -I Sources/CNcursesw -I "$ZIP/CZLib"

status=0
summary=()
for t in "${TARGETS[@]}"; do
    case "$t" in
        planjson) target planjson Fuzz/FuzzPlanJSON.swift "$OUT/libDubanCore.a" ;;
        journal) target journal Fuzz/FuzzJournal.swift "$OUT/libDubanCore.a" ;;
        import) target import Fuzz/FuzzImport.swift "$OUT/libDubanImport.a" "$OUT/libZIPFoundation.a" "$OUT/libDubanCore.a" \
                    -I "$ZIP/CZLib" -lz ;;
        theme) target theme Fuzz/FuzzTheme.swift "$OUT/libDubanTUI.a" "$OUT/libDubanImport.a" "$OUT/libZIPFoundation.a" \
                   "$OUT/libDubanCore.a" -I Sources/CNcursesw -I "$ZIP/CZLib" -lncursesw -lz ;;
    esac
    exe="$OUT/fuzz-$t"
    log="$OUT/logs/$t.txt"
    mkdir -p "$OUT/corpus/$t" "Fuzz/corpus/$t" "Fuzz/regressions/$t"
    export ASAN_OPTIONS="detect_leaks=1:allocator_may_return_null=1"
    export LSAN_OPTIONS="suppressions=$PWD/Fuzz/lsan-suppressions.txt:print_suppressions=0"

    # Every input that ever crashed and every seed, once each and whole.
    inputs=()
    for f in Fuzz/regressions/"$t"/* Fuzz/corpus/"$t"/*; do [ -f "$f" ] && inputs+=("$f"); done
    if [ ${#inputs[@]} -gt 0 ]; then
        if ! "$exe" -rss_limit_mb=4096 -timeout=60 "${inputs[@]}" > "$OUT/logs/$t-replay.txt" 2>&1; then
            echo "fuzz: $t: a regression or seed input fails; see $OUT/logs/$t-replay.txt" >&2
            grep -E 'ERROR|FUZZ PROPERTY|Fatal error|SUMMARY|Running:' "$OUT/logs/$t-replay.txt" | tail -5 >&2 || true
            status=1
        fi
    fi
    # The importer is slow on whole notices (tens of kB): fuzz shorter ones, many more of them.
    maxlen=()
    if [ "$t" = import ]; then maxlen=(-max_len=8192); fi

    set +e
    "$exe" -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 ${maxlen[@]+"${maxlen[@]}"} \
        -artifact_prefix="$OUT/crashes/$t-" "$OUT/corpus/$t" "Fuzz/corpus/$t" > "$log" 2>&1
    rc=$?
    set -e
    runs=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' | tail -1)
    runs="${runs:-0}"
    if [ $rc -ne 0 ]; then
        status=1
        summary+=("$t: FAILED after $runs executions (exit $rc); see $log and $OUT/crashes/")
        grep -E 'ERROR|FUZZ PROPERTY|Fatal error|SUMMARY' "$log" | head -5 >&2 || true
    else
        summary+=("$t: $runs executions in ${SECONDS_EACH} s, no crash, leak or hang (corpus $(ls "$OUT/corpus/$t" | wc -l) + $(ls "Fuzz/corpus/$t" | wc -l) seeds)")
    fi
done
printf 'fuzz: %s\n' "${summary[@]}"
exit $status
