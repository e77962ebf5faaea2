#!/usr/bin/env bash
# Where an ingest's CPU goes, stage on stage, on one core: the floor's XML scan, the least work a cell reader must do,
# cells into Sheets, forms read and validated, and the whole ingest with one reading thread; medians of the warm passes
# and each stage against the floor. Says which layer a change must shrink to move benchmarks/ingest.sh's ratio.
#   usage: benchmarks/ingest-stages.sh [WORK_DIR] [PASSES]     (default /tmp/pcmd-bench, 6 passes; the first is cold)
# The forms are generated into WORK_DIR/forms if missing, as benchmarks/ingest.sh does.
set -euo pipefail
cd "$(dirname "$0")/.."
work="${1:-/tmp/pcmd-bench}"
passes="${2:-6}"
forms="$work/forms"
source benchmarks/national-forms.sh
national_forms "$forms"
pin=()
if command -v taskset >/dev/null && [[ "$(nproc)" -ge 2 ]]; then
  pin=(taskset -c 1)
fi
echo "== ingest stages${pin:+ (on core 1)}"
PCMD_MAIN=vn.pcmd.ingest.benchmark.IngestStages PCMD_JAVA_OPTS="${PCMD_JAVA_OPTS:--Xmx2g}" \
  "${pin[@]}" ./pcmd "$forms" "$work/stages" "$passes"
