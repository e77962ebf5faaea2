#!/usr/bin/env bash
# Site benchmark: a running ./pcmd serve on the demo warehouse (Đồng Nai, made here when missing), then
#   1. cold chart renders: the first request of each chart kind, timed by curl;
#   2. a cached chart under load: wrk, 64 connections, 30 s (Debian package wrk);
#   3. the overview page with all its charts in headless Chromium (PageLoadBenchmark).
#   usage: benchmarks/site.sh [WORK_DIR] [DURATION_S]
set -euo pipefail
cd "$(dirname "$0")/.."
work="${1:-/tmp/pcmd-site-bench}"
duration="${2:-30}"
port=7171
origin="http://127.0.0.1:$port"
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 2; }

if [[ ! -d "$work/warehouse/marts" ]]; then
  ./pcmd demo --no-serve --dir "$work" --warehouse "$work/warehouse" >/dev/null
fi
./pcmd user remove bench --warehouse "$work/warehouse" >/dev/null 2>&1 || true
password="benchmark-password-$RANDOM"
echo "$password" | ./pcmd user add bench --role viewer --unit 75 --warehouse "$work/warehouse" >/dev/null
token=$(./pcmd user token bench --warehouse "$work/warehouse" 2>/dev/null)

PCMD_JAVA_OPTS="${PCMD_JAVA_OPTS:--Xmx1g}" ./pcmd serve --warehouse "$work/warehouse" --port "$port" > "$work/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -sf "$origin/health" >/dev/null && break; sleep 0.5; done
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; load: $(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | head -1)"

echo "== cold chart renders (first request of each; server just started) =="
for chart in 75/iia_violators_total/trend.png 75/iia_violators_total/ranking.png 75/iia_violators_total/breakdown.png \
             75/iia_violators_total/targets.png 75/iia_comm_sessions/trend.svg 75/iia_sanctioned_administrative/ranking.svg; do
  curl -s -o /dev/null -H "Authorization: Bearer $token" -w "$chart: %{http_code} %{size_download} bytes in %{time_total} s\n" "$origin/charts/$chart?vintage=2025"
done

echo "== cached chart under load: wrk -t2 -c64 -d${duration}s --latency =="
url="$origin/charts/75/iia_violators_total/trend.png?vintage=2025"
curl -s -o /dev/null -H "Authorization: Bearer $token" "$url"
wrk -t2 -c64 -d5s -H "Authorization: Bearer $token" "$url" >/dev/null   # warm-up: the JIT, Jetty's threads
wrk -t2 -c64 -d"${duration}s" --latency -H "Authorization: Bearer $token" "$url"

echo "== overview page with all its charts in headless Chromium =="
(mvn -q -o -pl web dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test.classpath >/dev/null 2>&1 \
  && [[ -d web/target/test-classes/vn/pcmd/web/benchmark ]]) || mvn -q -pl web -am test-compile -DskipTests >/dev/null
mvn -q -o -pl web dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test.classpath >/dev/null
kill $server; wait $server 2>/dev/null || true
PCMD_JAVA_OPTS="${PCMD_JAVA_OPTS:--Xmx1g}" ./pcmd serve --warehouse "$work/warehouse" --port "$port" > "$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 120); do curl -sf "$origin/health" >/dev/null && break; sleep 0.5; done
java -cp "web/target/test-classes:$(cat web/target/test.classpath)" vn.pcmd.web.benchmark.PageLoadBenchmark "$origin" bench "$password" "/units/75?vintage=2025" 5
./pcmd user remove bench --warehouse "$work/warehouse" >/dev/null
