#!/usr/bin/env bash
# Side-by-side ingest benchmark: this checkout against another commit, both running at the same time, each on one core
# with one reader thread, then again with the cores swapped. On a shared machine whose speed drifts by a third within
# minutes, a change of a few per cent shows only when both versions meet the same slow spell; one run of
# benchmarks/ingest.sh after another cannot show it. Prints, for each version and core, the warm ratio to its floor
# (median of the rounds' ratios), the warm medians, and the cold pass. Needs 2 cores and taskset (util-linux).
#   usage: benchmarks/ingest-side-by-side.sh OTHER_COMMIT [WORK_DIR] [WARM_ROUNDS]   (default /tmp/pcmd-bench, 3 rounds)
# The other commit is checked out and built under WORK_DIR/side-by-side/ (its ./pcmd installs its snapshot jars into
# ~/.m2, as this checkout's does; `git worktree remove` it when done); the forms are generated into WORK_DIR/forms if
# missing, as benchmarks/ingest.sh does.
set -euo pipefail
cd "$(dirname "$0")/.."
[[ $# -ge 1 ]] || { sed -n '2,9p' "$0" >&2; exit 2; }
other="$(git rev-parse --short "$1")"
work="${2:-/tmp/pcmd-bench}"
rounds="${3:-3}"
forms="$work/forms"
command -v taskset >/dev/null || { echo "taskset (util-linux) is needed" >&2; exit 2; }
[[ "$(nproc)" -ge 2 ]] || { echo "two cores are needed, one for each version" >&2; exit 2; }
source benchmarks/national-forms.sh
national_forms "$forms"
tree="$work/side-by-side/$other"
if [[ ! -d "$tree" ]]; then
  git worktree add --quiet --detach "$tree" "$other"
fi
echo "== build $other and this checkout ($(git rev-parse --short HEAD))"
(cd "$tree" && ./pcmd --help >/dev/null)
./pcmd --help >/dev/null

# one version on one core: IngestBenchmark with one reader thread, its output kept for the summary
run() {
  local core=$1 home=$2 label=$3
  rm -rf "$work/side-by-side/warehouse-$label"
  taskset -c "$core" java -XX:ActiveProcessorCount=1 -Xmx2g -Dpcmd.home="$home" \
      -cp "$home/web/target/pcmd-web.jar:$(cat "$home/web/target/pcmd.classpath")" vn.pcmd.ingest.benchmark.IngestBenchmark \
      "$forms" "$work/side-by-side/warehouse-$label" 1 "$rounds" > "$work/side-by-side/$label.txt" 2>&1
  rm -rf "$work/side-by-side/warehouse-$label"
}

summary() {
  local label=$1 core=$2 file="$work/side-by-side/$1.txt"
  grep -q '^ingest / floor, warm' "$file" || { echo "$label: the benchmark failed, see $file" >&2; exit 1; }
  printf '%-16s core %s  warm %s | cold %s (floor %s s, ingest %s s)\n' "$label" "$core" \
      "$(grep '^ingest / floor, warm' "$file" | sed -E 's/.*floor ([0-9.]+) s, ingest ([0-9.]+) s.*\): ([0-9.]+x) .*/\3 (floor \1 s, ingest \2 s)/')" \
      "$(grep '^ingest / floor, cold' "$file" | sed -E 's/.*cold: ([0-9.]+x).*/\1/')" \
      "$(grep '^floor .*cold' "$file" | sed -E 's/.*cold: ([0-9.]+) s.*/\1/')" \
      "$(grep '^ingest (.*cold' "$file" | sed -E 's/.*cold: ([0-9.]+) s.*/\1/')"
}

mine="HEAD-$(git rev-parse --short HEAD)"
echo "== $rounds warm rounds each, $(date -u +%H:%M) UTC, load $(cut -d' ' -f1-3 /proc/loadavg)"
run 0 "$tree" "$other" & run 1 "$PWD" "$mine"; wait
summary "$other" 0; summary "$mine" 1
run 1 "$tree" "$other" & run 0 "$PWD" "$mine"; wait
summary "$other" 1; summary "$mine" 0
