#!/usr/bin/env bash
# Run the wmlint benchmarks (and the language server's edit session, server_edits.py): benchmarks/run.sh [--quick] [--callgrind] [--linking dynamic|runtime|static|all]
#
# Builds wmlint and the swift-argument-parser hello-world floor (benchmarks/baseline) in release mode, linked
# the same way, compiles the bare libyaml event loop with gcc -O2, generates the inputs under
# benchmarks/.data (once), and prints the figures as Markdown (docs/performance.md explains them).
#   --quick       fewer rounds and sizes (1K, 512K, 4M); a few minutes on a busy 2-core machine
#   --callgrind   also count instructions with valgrind --tool=callgrind (deterministic where wall time is noisy)
#   --linking L   dynamic: shared libraries; runtime: only the Swift runtime static (-static-stdlib); static: one
#                 static executable (-static-executable, the package's own linking, the default); all: the three
#                 side by side
# Needs: swift, python3 with awscli v1 (botocore) and PyYAML, gcc, libyaml-dev, valgrind (for --callgrind).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
quick=0
callgrind=0
linking=static
while [ $# -gt 0 ]; do
    case "$1" in
        --quick) quick=1 ;;
        --callgrind) callgrind=1 ;;
        --linking) linking="$2"; shift ;;
        *) echo "usage: $0 [--quick] [--callgrind] [--linking dynamic|runtime|static|all]" >&2; exit 2 ;;
    esac
    shift
done

data="$here/.data"
bin="$data/bin"
mkdir -p "$bin"

variants=()
case "$linking" in
    dynamic | runtime | static) variants=("$linking") ;;
    all) variants=(dynamic runtime static) ;;
    *) echo "--linking: dynamic, runtime, static or all" >&2; exit 2 ;;
esac

for v in "${variants[@]}"; do
    # WMLINT_LINKING selects the linking in both manifests (Package.swift, baseline/Package.swift).
    echo "building wmlint and the baseline ($v linking, release)..." >&2
    # The package's own linking (static) builds in the usual .build; the others in .build-bench-<linking>.
    if [ "$v" = static ]; then scratch=.build; else scratch=".build-bench-$v"; fi
    (cd "$root" && WMLINT_LINKING="$v" swift build -c release --product wmlint --scratch-path "$scratch" >&2)
    cp "$root/$scratch/release/wmlint" "$bin/wmlint-$v"
    (cd "$here/baseline" && WMLINT_LINKING="$v" swift build -c release --scratch-path "$scratch" >&2)
    cp "$here/baseline/$scratch/release/hello" "$bin/hello-$v"
done
gcc -O2 -o "$bin/yaml_events" "$here/yaml_events.c" $(pkg-config --cflags --libs yaml-0.1)

if [ ! -d "$data/many" ]; then
    python3 "$here/gen_corpus.py" many "$data/many" 2000
fi
if [ ! -d "$data/heavy" ]; then
    python3 "$here/gen_corpus.py" heavy "$data/heavy"
fi
if [ "$quick" = 1 ]; then sizes="512K,4M"; else sizes="16K,512K,4M,8M"; fi
python3 "$here/gen_corpus.py" big "$data/big" 1K ${sizes//,/ }

args=(--bin "$bin" --data "$data" --sizes "$sizes" --variants "$(IFS=,; echo "${variants[*]}")")
[ "$quick" = 1 ] && args+=(--quick)
[ "$callgrind" = 1 ] && args+=(--callgrind)
python3 "$here/bench.py" "${args[@]}"

# wmlint server while typing: 1,000 one-character edits on a 200-line script (median time per edit), and the
# server's memory after 10,000 edits.
echo
python3 "$here/server_edits.py" "$bin/wmlint-${variants[${#variants[@]}-1]}" --edits 1000 --memory-edits 10000
