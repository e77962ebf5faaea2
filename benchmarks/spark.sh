#!/usr/bin/env bash
# Spark against DuckDB: all jobs, both vintages, on the same warehouse, one engine per JVM (so that each JVM's peak
# memory is that engine's), then side by side. Two warehouses by default:
#   national  the national 2021–2025 warehouse of benchmarks/ingest.sh (made if missing), 2.5 M facts
#   x40       40 copies of it (about 100 M facts) made by ReplicatedWarehouse into WORK_DIR
# Each engine writes its marts into its own copy of the warehouse (batches hard-linked, not copied).
#   usage: benchmarks/spark.sh [national|x40|all] [MASTER] [WORK_DIR]   (default: all, local[2], /tmp/pcmd-bench-spark)
# PCMD_BENCH_HEAP (default 4g) is each JVM's -Xmx; PCMD_BENCH_SPARK_LIMIT (seconds, default none) stops a Spark run
# that takes longer, and the table then says how many jobs it had done.
set -euo pipefail
cd "$(dirname "$0")/.."
which="${1:-all}"
master="${2:-local[2]}"
work="${3:-/tmp/pcmd-bench-spark}"
threads=2
national=/tmp/pcmd-bench/warehouse
heap="${PCMD_BENCH_HEAP:-4g}"

[[ -d "$national/batches" ]] || benchmarks/ingest.sh /tmp/pcmd-bench "$threads"
mkdir -p "$work"

machine() {
  echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1); load before: $(cut -d' ' -f1-3 /proc/loadavg)"
}

# one engine on its own copy of the warehouse; timings to $out.tsv, the JVM's figures to $out.time
run_engine() {
  local source="$1" engine="$2" argument="$3" out="$4"
  local warehouse="$out.warehouse"
  rm -rf "$warehouse"
  mkdir -p "$warehouse"
  cp -al "$source/batches" "$warehouse/batches"
  [[ -f "$source/replicas.txt" ]] && cp "$source/replicas.txt" "$warehouse/"
  rm -f "$out.tsv" "$out.time"
  local limit=0
  [[ "$engine" == spark ]] && limit="${PCMD_BENCH_SPARK_LIMIT:-0}"
  PCMD_MAIN=vn.pcmd.spark.benchmark.EngineBenchmark PCMD_JAVA_OPTS="-Xmx$heap -Djava.io.tmpdir=$work/tmp" \
    /usr/bin/time -f "%e %U %S %M" -o "$out.time" timeout "$limit" ./pcmd "$warehouse" "$engine" "$argument" "$out.tsv" | tee "$out.log" || true
}

side_by_side() {
  local name="$1" duck="$2" spark="$3"
  if [[ ! -s "$spark.tsv" ]]; then
    echo
    echo "== $name: Spark ($master) did not finish within ${PCMD_BENCH_SPARK_LIMIT:-?} s; $(grep 'jobs done' "$spark.log" | tail -1 | sed 's/^ *//') (of 12: 6 jobs x 2 vintages, in dependency order)"
    echo "   DuckDB: all jobs $(awk '$1 == "total" {print $3}' "$duck.tsv") s; JVM: $(cat "$duck.time")  (wall, user, sys s; max RSS KiB)"
    return
  fi
  echo
  echo "== $name: DuckDB ($threads threads) and Spark ($master), seconds"
  printf '%-8s %-7s %10s %10s %7s %12s\n' job vintage duckdb spark ratio rows
  # in the order the jobs ran (DuckDB's file), each with Spark's figures for the same job and vintage
  awk 'NR == FNR {if ($2 != "-") {seconds[$1"/"$2] = $3; rows[$1"/"$2] = $4}; next}
       $2 != "-" {key = $1"/"$2; printf "%-8s %-7s %10.2f %10.2f %6.1fx %12d%s\n", $1, $2, $3, seconds[key], ($3 > 0 ? seconds[key] / $3 : 0), $4,
                  ($4 == rows[key] ? "" : "  ROWS DIFFER: spark " rows[key])}' "$spark.tsv" "$duck.tsv"
  for kind in startup total; do
    printf '%-16s %10.2f %10.2f\n' "$kind" "$(awk -v k=$kind '$1 == k {print $3}' "$duck.tsv")" "$(awk -v k=$kind '$1 == k {print $3}' "$spark.tsv")"
  done
  read -r dw du ds dm < "$duck.time"
  read -r sw su ss sm < "$spark.time"
  printf '%-16s %10s %10s\n' "JVM wall s" "$dw" "$sw"
  printf '%-16s %10s %10s\n' "JVM user+sys s" "$(echo "$du + $ds" | bc)" "$(echo "$su + $ss" | bc)"
  printf '%-16s %10d %10d\n' "peak RSS MiB" "$((dm / 1024))" "$((sm / 1024))"
  printf '%-16s %10s %10s\n' "Java heap MiB" "$(awk '$1 == "heap" {print $3}' "$duck.tsv")" "$(awk '$1 == "heap" {print $3}' "$spark.tsv")"
}

benchmark() {
  local name="$1" source="$2"
  machine
  mkdir -p "$work/tmp"
  run_engine "$source" duckdb "$threads" "$work/$name-duckdb"
  run_engine "$source" spark "$master" "$work/$name-spark"
  echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
  side_by_side "$name" "$work/$name-duckdb" "$work/$name-spark"
}

if [[ "$which" == national || "$which" == all ]]; then
  benchmark national "$national"
fi
if [[ "$which" == x40 || "$which" == all ]]; then
  PCMD_MAIN=vn.pcmd.spark.benchmark.ReplicatedWarehouse ./pcmd "$national" "$work/warehouse-x40" 40
  du -sh "$work/warehouse-x40" | sed 's/^/replicated warehouse: /'
  benchmark x40 "$work/warehouse-x40"
fi
