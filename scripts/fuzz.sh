#!/usr/bin/env bash
# Runs wmlint's libFuzzer targets (Fuzz/) for a bounded time each, plain and with AddressSanitizer.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]     SECONDS per target and mode (default 60)
#
# Targets: FuzzJSON FuzzYAML FuzzShorthand FuzzShell FuzzLint (default: all).
# WMLINT_FUZZ_MODES="fuzz asan" picks the builds (default both). Corpora grow in Fuzz/.build/corpus/TARGET
# (seeded from testdata/ and ../shared/conformance/ when empty), crashes land in Fuzz/.build/crashes/, logs
# in Fuzz/.build/logs/. Exits 1 when any run found a crash, leak, timeout or out-of-memory input.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
fuzz="$root/Fuzz"
seconds="${1:-60}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then targets=(FuzzJSON FuzzYAML FuzzShorthand FuzzShell FuzzLint); fi
modes="${WMLINT_FUZZ_MODES:-fuzz asan}"
conformance="${WMLINT_CONFORMANCE:-$root/../shared/conformance}"
[ -d "$conformance" ] || conformance="/work/shared/conformance"

build() { # mode
    local sanitizers="fuzzer"
    [ "$1" = asan ] && sanitizers="fuzzer,address"
    (cd "$fuzz" && swift build -c release --scratch-path ".build/$1" -Xswiftc "-sanitize=$sanitizers" >"$fuzz/.build/logs/build-$1.log" 2>&1) || { tail -20 "$fuzz/.build/logs/build-$1.log"; exit 2; }
}

# Copies seed files into a corpus directory, each under a name made from its content's hash.
seed_files() { # directory, prefix-byte-or-empty, files...
    local dir="$1" prefix="$2"
    shift 2
    local file
    for file in "$@"; do
        [ -f "$file" ] || continue
        [ "$(stat -c %s "$file")" -le 65536 ] || continue
        local sum
        sum="$(sha1sum "$file" | cut -c1-40)"
        if [ -n "$prefix" ]; then
            { printf "\\x$prefix"; cat "$file"; } >"$dir/$sum"
        else
            cp "$file" "$dir/$sum"
        fi
    done
}

seed() { # target
    local dir="$fuzz/.build/corpus/$1"
    mkdir -p "$dir"
    [ -z "$(ls -A "$dir")" ] || return 0
    local json yaml shell
    mapfile -t json < <(find "$root/testdata" "$conformance/JSONTestSuite" -name '*.json' 2>/dev/null)
    mapfile -t yaml < <(find "$root/testdata" -name '*.yaml' -o -name '*.yml' 2>/dev/null; \
        find "$conformance/yaml-test-suite" -name 'in.yaml' 2>/dev/null)
    mapfile -t shell < <(find "$root/testdata" -name '*.sh' 2>/dev/null)
    case "$1" in
        FuzzJSON) seed_files "$dir" "" "${json[@]}" ;;
        FuzzYAML) seed_files "$dir" "" "${yaml[@]}" ;;
        FuzzShorthand) seed_files "$dir" "" "$fuzz"/Seeds/Shorthand/* ;;
        FuzzShell) seed_files "$dir" "" "${shell[@]}" "$fuzz"/Seeds/Shorthand/* ;;
        FuzzLint) # the first byte picks the form: 00 shell, 01 JSON, 02 YAML
            seed_files "$dir" 00 "${shell[@]}"
            seed_files "$dir" 01 "${json[@]}"
            seed_files "$dir" 02 "${yaml[@]}" ;;
    esac
}

mkdir -p "$fuzz/.build/crashes" "$fuzz/.build/logs"
status=0
for mode in $modes; do
    build "$mode"
    for target in "${targets[@]}"; do
        seed "$target"
        log="$fuzz/.build/logs/$mode-$target.log"
        echo "== $target ($mode, ${seconds}s)"
        set +e
        # The Swift runtime's crash backtracer would take the abort before libFuzzer's handler, which writes the
        # failing input to the crashes directory: it stays off.
        SWIFT_BACKTRACE=enable=no \
            ASAN_OPTIONS="detect_leaks=1:allocator_may_return_null=1" LSAN_OPTIONS="suppressions=$fuzz/lsan.supp" \
            "$fuzz/.build/$mode/release/$target" "$fuzz/.build/corpus/$target" \
            -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=16384 -print_final_stats=1 \
            -artifact_prefix="$fuzz/.build/crashes/$mode-$target-" >"$log" 2>&1
        code=$?
        set -e
        grep -E '^#[0-9]+[[:space:]]+DONE' "$log" | tail -1 || true
        grep -E '^stat::(number_of_executed_units|peak_rss_mb)' "$log" || true
        if [ $code -ne 0 ]; then
            echo "!! $target ($mode) stopped with $code: see $log"
            grep -E 'ERROR: |invariant failed|Fatal error|deadly signal|SUMMARY' "$log" | head -5 || true
            status=1
        fi
    done
done
exit $status
