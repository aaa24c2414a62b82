#!/usr/bin/env bash
# Benchmark: generate N customers, run the pipeline (embedded, DuckDB), and the DuckDB batch-SQL
# baseline on the same orders; prints wall time, peak memory and throughput.
#   bench/run.sh [CUSTOMERS] [DAYS]        e.g. bench/run.sh 1000000 730
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
n="${1:-100000}"
days="${2:-730}"
work="${BENCH_DIR:-/tmp/segments-bench-$n}"
mkdir -p "$work"
"$root/segments" --version >/dev/null

measure() {  # label, command...
  local label="$1"; shift
  /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" >"$work/$label.out" 2>"$work/$label.err"
  read -r secs kb < "$work/time.txt"
  printf '%-10s %8.1f s wall  %8.0f MiB peak RSS\n' "$label" "$secs" "$((kb / 1024))"
}

measure generate "$root/segments" generate --customers "$n" --days "$days" --out "$work/data"
lines=$(($(wc -l < "$work/data/orders.csv") + $(wc -l < "$work/data/engagement.csv") - 2))
rm -f "$work/bench.duckdb" "$work/bench.duckdb.wal"
measure run "$root/segments" run --orders "$work/data/orders.csv" --engagement "$work/data/engagement.csv" \
  --treatments "$work/data/treatments.csv" --customers "$work/data/customers.csv" \
  --warehouse "jdbc:duckdb:$work/bench.duckdb"
read -r secs _ < "$work/time.txt"
grep -E "done in|warehouse:" "$work/run.err" | sed 's/^ */  /'
awk -v l="$lines" -v s="$secs" 'BEGIN { printf "  %d input lines, %.0f lines/s end to end\n", l, l / s }'
measure baseline java -cp "$root/pipeline/target/retention-segments.jar:$root/pipeline/target/lib/*" \
  org.retentionsegments.bench.SqlBaseline "$root/bench/duckdb_baseline.sql" "$work/data/orders.csv"
cat "$work/baseline.out"
