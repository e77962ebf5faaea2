#!/usr/bin/env bash
# Ingest benchmark: generates the national 2021–2025 set of forms (about 10,600 commune forms, district and
# province consolidated forms, 63 × 11 department forms), then measures the floor (unzip + scan the XML) and the
# real ingest on it, with the same threads. Figures go to BENCHMARKS.md.
#   usage: benchmarks/ingest.sh [WORK_DIR] [THREADS] [WARM_ROUNDS]     (default /tmp/pcmd-bench, 2 threads, 5 warm rounds)
set -euo pipefail
cd "$(dirname "$0")/.."
work="${1:-/tmp/pcmd-bench}"
threads="${2:-2}"
rounds="${3:-5}"
forms="$work/forms"
source benchmarks/national-forms.sh
national_forms "$forms"
rm -rf "$work/warehouse"
echo "== ingest benchmark"
PCMD_MAIN=vn.pcmd.ingest.benchmark.IngestBenchmark PCMD_JAVA_OPTS="${PCMD_JAVA_OPTS:--Xmx2g}" \
  /usr/bin/time -f "benchmark JVM: %e s wall, max RSS %M KiB" ./pcmd "$forms" "$work/warehouse" "$threads" "$rounds"
du -sh "$work/warehouse" | sed 's/^/warehouse size: /'
