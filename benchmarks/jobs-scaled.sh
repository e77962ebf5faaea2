#!/usr/bin/env bash
# Analytics benchmark at scale: COPIES synthetic copies of the national warehouse (default 40: about 100 M facts,
# see analytics/.../benchmark/ScaledWarehouse.java for how the copies are made), then all jobs on it as in
# benchmarks/jobs.sh: each job timed (wall and CPU), the floor (one GROUP BY over all facts), peak RSS and DuckDB's
# memory limit. The scaled warehouse goes to /tmp (about 12 MB of Parquet per copy), never into the repository.
#   usage: benchmarks/jobs-scaled.sh [SOURCE_WAREHOUSE] [SCALED_DIR] [COPIES] [THREADS]
set -euo pipefail
cd "$(dirname "$0")/.."
source="${1:-/tmp/pcmd-bench/warehouse}"
scaled="${2:-/tmp/pcmd-bench/warehouse-x40}"
copies="${3:-40}"
threads="${4:-2}"
[[ -d "$source/batches" ]] || { echo "No warehouse at $source: run benchmarks/ingest.sh first" >&2; exit 2; }
case "$scaled" in /tmp/*) ;; *) echo "The scaled warehouse belongs under /tmp, not $scaled" >&2; exit 2 ;; esac
df -h "$(dirname "$scaled")" | tail -1 | awk '{print "free space for the scaled warehouse: " $4}'
PCMD_MAIN=vn.pcmd.analytics.benchmark.ScaledWarehouse ./pcmd "$source" "$scaled" "$copies"
du -sh "$scaled" | sed 's/^/scaled warehouse size: /'
PCMD_MAIN=vn.pcmd.analytics.benchmark.JobsBenchmark PCMD_JAVA_OPTS="${PCMD_JAVA_OPTS:--Xmx2g}" \
  /usr/bin/time -f "benchmark JVM: %e s wall, %U s user, %S s system, max RSS %M KiB" ./pcmd "$scaled" "$threads"
