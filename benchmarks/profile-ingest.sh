#!/usr/bin/env bash
# Where a warm ingest's CPU goes, by async-profiler: each thread's share of the samples and, in the reading threads,
# the XML parser's, inflating's, hashing's and our own code's, with the hottest frames; the stacks are kept, collapsed,
# in WORK_DIR/profile/ingest-profile.collapsed for a flame graph. The ingest is warmed up first and only warm ingests
# are profiled (benchmarks/ProfileIngest.java). async-profiler comes from Maven Central (tools.profiler:async-profiler),
# not from the build: the product does not depend on it.
#   usage: benchmarks/profile-ingest.sh [WORK_DIR] [THREADS] [PROFILED]   (default /tmp/pcmd-bench, 2 threads, 3 ingests
#          profiled after 2 to warm up; more profiled ingests, more samples)
# The forms are generated into WORK_DIR/forms if missing, as benchmarks/ingest.sh does.
set -euo pipefail
cd "$(dirname "$0")/.."
work="${1:-/tmp/pcmd-bench}"
threads="${2:-2}"
profiled="${3:-3}"
forms="$work/forms"
source benchmarks/national-forms.sh
national_forms "$forms"

version=3.0
case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) platform=linux-x64 ;;
  Linux-aarch64) platform=linux-arm64 ;;
  *) echo "profile-ingest: async-profiler's jar has no library for $(uname -s) $(uname -m)" >&2; exit 1 ;;
esac
profiler="$work/async-profiler"
jar="$profiler/async-profiler-$version.jar"
if [[ ! -f "$jar" ]]; then
  echo "== fetch async-profiler $version (Maven Central)"
  if ! log=$(mvn -B -q -N dependency:copy -Dartifact="tools.profiler:async-profiler:$version" -DoutputDirectory="$profiler" 2>&1); then
    echo "$log" >&2
    exit 1
  fi
fi
if [[ ! -f "$profiler/$platform/libasyncProfiler.so" ]]; then
  (cd "$profiler" && "${JAVA_HOME:+$JAVA_HOME/bin/}jar" xf "async-profiler-$version.jar" "$platform/libasyncProfiler.so")
fi

echo "== profile the warm ingest"
PCMD_MAIN=benchmarks/ProfileIngest.java PCMD_JAVA_OPTS="${PCMD_JAVA_OPTS:--Xmx2g}" \
  ./pcmd "$forms" "$work/profile" "$jar" "$profiler/$platform/libasyncProfiler.so" "$threads" 2 "$profiled"
