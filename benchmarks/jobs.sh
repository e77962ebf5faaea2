#!/usr/bin/env bash
# Analytics benchmark: all jobs on a warehouse (default: the national one benchmarks/ingest.sh leaves in
# /tmp/pcmd-bench/warehouse), each job timed (wall and CPU), with one raw GROUP BY over all facts as the floor.
#   usage: benchmarks/jobs.sh [WAREHOUSE_DIR] [THREADS]
set -euo pipefail
cd "$(dirname "$0")/.."
warehouse="${1:-/tmp/pcmd-bench/warehouse}"
threads="${2:-2}"
[[ -d "$warehouse/batches" ]] || { echo "No warehouse at $warehouse: run benchmarks/ingest.sh first" >&2; exit 2; }
PCMD_MAIN=vn.pcmd.analytics.benchmark.JobsBenchmark PCMD_JAVA_OPTS="${PCMD_JAVA_OPTS:--Xmx2g}" \
  /usr/bin/time -f "benchmark JVM: %e s wall, %U s user, %S s system, max RSS %M KiB" ./pcmd "$warehouse" "$threads"
