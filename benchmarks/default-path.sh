#!/usr/bin/env bash
# The embedded default without Spark (issue #5): the everyday commands timed twice, back to back, each ROUNDS times —
#   with     ./pcmd as users run it (Spark's jars on the classpath, for `jobs --engine spark` only)
#   without  the same JVM options and main class on the same classpath minus every Spark and Scala jar and pcmd-spark
# — and, for each command, how many classes it loaded from Spark or Scala (-Xlog:class+load), which must be 0.
# Commands: ingest of the demo province's forms into a new warehouse, the default jobs, one query, the serve command
# from start to its first chart, and the whole demo (generate, ingest, jobs) without serving.
#   usage: benchmarks/default-path.sh [WORK_DIR] [ROUNDS]   (default /tmp/pcmd-default-path, 3)
set -euo pipefail
cd "$(dirname "$0")/.."
work="${1:-/tmp/pcmd-default-path}"
rounds="${2:-3}"
port=7272
./pcmd --help >/dev/null   # builds when needed

classpath="web/target/pcmd-web.jar:$(cat web/target/pcmd.classpath)"
without_spark=$(tr ':' '\n' <<<"$classpath" | grep -v -E '/(pcmd-spark[^/]*|spark-[^/]*|scala-[^/]*|[^/]*_2\.13-[^/]*)\.jar$' | paste -sd:)
removed=$(( $(tr ':' '\n' <<<"$classpath" | wc -l) - $(tr ':' '\n' <<<"$without_spark" | wc -l) ))

rm -rf "$work"
mkdir -p "$work"
./pcmd generate --out "$work/forms" --scope province:75 --seed 7 >/dev/null

# launch VARIANT CLASS_LOG ARGS...: replaces the (sub)shell it runs in with one command line, as users run it (with)
# or without Spark's jars (without), its class loading logged to CLASS_LOG; call it in a subshell or with &
launch() {
  local variant="$1" log="-Xlog:class+load=info:file=$2"
  shift 2
  if [[ "$variant" == with ]]; then
    PCMD_JAVA_OPTS="$log" exec ./pcmd "$@"
  else
    exec java -Djava.awt.headless=true -Dfile.encoding=UTF-8 -Dpcmd.home="$PWD" "$log" -cp "$without_spark" vn.pcmd.cli.Main "$@"
  fi
}

# run VARIANT NAME ARGS...: one command; prints its wall seconds; class loading logged to $work/NAME-VARIANT.classes
run() {
  local variant="$1" name="$2"
  shift 2
  local start end
  start=$(date +%s.%N)
  (launch "$variant" "$work/$name-$variant.classes" "$@") >/dev/null 2>&1
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}

# serve VARIANT: seconds from the start of the JVM to the first chart received
serve() {
  local variant="$1" warehouse="$work/demo/warehouse"
  local start end server
  start=$(date +%s.%N)
  launch "$variant" "$work/serve-$variant.classes" serve --warehouse "$warehouse" --port "$port" >/dev/null 2>&1 &
  server=$!
  until curl -sf -o /dev/null -H "Authorization: Bearer $token" "http://127.0.0.1:$port/charts/75/iia_violators_total/trend.png?vintage=2025"; do
    kill -0 "$server" 2>/dev/null || { echo "serve ($variant) stopped" >&2; exit 1; }
    sleep 0.05
  done
  end=$(date +%s.%N)
  kill "$server"
  wait "$server" 2>/dev/null || true
  echo "$end - $start" | bc
}

spark_classes() {
  grep -c -E ' (org\.apache\.spark|scala)\.' "$work/$1-$2.classes" || true
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; load: $(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | head -1)"
echo "classpath: $(tr ':' '\n' <<<"$classpath" | wc -l) entries with Spark; $removed Spark and Scala jars removed without it"
declare -A seconds
for round in $(seq 1 "$rounds"); do
  for variant in with without; do
    rm -rf "$work/w-$variant" "$work/demo"
    seconds[ingest-$variant]+="$(run "$variant" ingest ingest --warehouse "$work/w-$variant" "$work/forms") "
    seconds[jobs-$variant]+="$(run "$variant" jobs jobs --warehouse "$work/w-$variant" all) "
    seconds[query-$variant]+="$(run "$variant" query query --warehouse "$work/w-$variant" "select count(*) from trends") "
    seconds[demo-$variant]+="$(run "$variant" demo demo --no-serve --dir "$work/demo" --warehouse "$work/demo/warehouse") "
    echo "a-password-for-the-benchmark" | ./pcmd user add bench --role viewer --unit 75 --warehouse "$work/demo/warehouse" >/dev/null
    token=$(./pcmd user token bench --warehouse "$work/demo/warehouse" 2>/dev/null)
    seconds[serve-$variant]+="$(serve "$variant") "
  done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"

median() { tr ' ' '\n' <<<"$1" | grep . | sort -g | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }
printf '\n%-8s %28s %28s %14s\n' command "with Spark's jars: median s" "without them: median s" "Spark classes"
for name in ingest jobs query demo serve; do
  printf '%-8s %28.2f %28.2f %14s\n' "$name" "$(median "${seconds[$name-with]}")" "$(median "${seconds[$name-without]}")" \
    "$(spark_classes "$name" with) / $(spark_classes "$name" without)"
  printf '%-8s %28s %28s\n' "" "(${seconds[$name-with]% })" "(${seconds[$name-without]% })"
done
