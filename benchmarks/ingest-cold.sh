#!/usr/bin/env bash
# Cold ingest against its cold floor, over several JVMs. A user's `./pcmd ingest` runs once, in a new JVM, while the
# JIT compiles its code; benchmarks/ingest.sh measures that cold pass once, and one cold pass on this shared machine
# swings by a third from run to run. This runs IngestBenchmark with no warm rounds in LAUNCHES new JVMs one after
# another (each: the floor cold, then the ingest cold, with the same threads) and prints every launch and the medians.
#   usage: benchmarks/ingest-cold.sh [WORK_DIR] [LAUNCHES] [THREADS]   (default /tmp/pcmd-bench, 7 launches, 2 threads)
set -euo pipefail
cd "$(dirname "$0")/.."
work="${1:-/tmp/pcmd-bench}"
launches="${2:-7}"
threads="${3:-2}"
[[ "$launches" =~ ^[1-9][0-9]*$ ]] || { sed -n '6p' "$0" >&2; exit 2; }
forms="$work/forms"
source benchmarks/national-forms.sh
national_forms "$forms"
./pcmd --help >/dev/null

results="$work/cold-launches.txt"
: > "$results"
echo "== $launches cold launches, $threads threads ($(date -u +%H:%M) UTC, load $(cut -d' ' -f1-3 /proc/loadavg))"
for launch in $(seq "$launches"); do
  rm -rf "$work/warehouse"
  output=$(PCMD_MAIN=vn.pcmd.ingest.benchmark.IngestBenchmark PCMD_JAVA_OPTS="${PCMD_JAVA_OPTS:--Xmx2g}" \
      ./pcmd "$forms" "$work/warehouse" "$threads" 0 2>&1) || { echo "$output" >&2; exit 1; }
  floor=$(sed -nE 's/^floor .*cold: ([0-9.]+) s .*/\1/p' <<<"$output")
  ingest=$(sed -nE 's/^ingest \(.*cold: ([0-9.]+) s +([0-9]+) forms\/s +([0-9.]+) s CPU.*/\1 \2 \3/p' <<<"$output")
  ratio=$(sed -nE 's/^ingest \/ floor, cold: ([0-9.]+)x \(CPU ([0-9.]+)x\).*/\1 \2/p' <<<"$output")
  [[ -n "$floor" && -n "$ingest" && -n "$ratio" ]] || { echo "$output" >&2; echo "launch $launch: unexpected output" >&2; exit 1; }
  read -r ingest_seconds forms_per_second ingest_cpu <<<"$ingest"
  read -r wall_ratio cpu_ratio <<<"$ratio"
  printf 'launch %d: floor %s s, ingest %s s (%s forms/s, %s s CPU), ingest / floor %sx (CPU %sx)\n' \
      "$launch" "$floor" "$ingest_seconds" "$forms_per_second" "$ingest_cpu" "$wall_ratio" "$cpu_ratio"
  echo "$floor $ingest_seconds $wall_ratio $cpu_ratio" >> "$results"
done
rm -rf "$work/warehouse"

median() { sort -g | awk '{ v[NR] = $1 } END { printf "%.2f\n", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
printf 'medians of %d launches: floor %s s, ingest %s s, ingest / floor %sx (CPU %sx); ratios from %s to %sx\n' "$launches" \
    "$(cut -d' ' -f1 "$results" | median)" "$(cut -d' ' -f2 "$results" | median)" \
    "$(cut -d' ' -f3 "$results" | median)" "$(cut -d' ' -f4 "$results" | median)" \
    "$(cut -d' ' -f3 "$results" | sort -g | head -1)" "$(cut -d' ' -f3 "$results" | sort -g | tail -1)"
