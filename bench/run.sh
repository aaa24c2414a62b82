#!/usr/bin/env bash
# Side-by-side benchmark, one run on the same orders file: the whole pipeline (./segments run into
# a DuckDB warehouse), a naive Flink SQL GROUP BY R/F/M job and DuckDB batch SQL R/F/M. Each side is
# timed (wall and peak RSS by /usr/bin/time) BENCH_RUNS times, interleaved; prints medians, the
# ratios pipeline/naive-Flink and pipeline/DuckDB, and checks that the sides agree on the number of
# customers with orders. See bench/README.md.
#   bench/run.sh retail [LINES]                 Online Retail layout (default 541909 lines)
#   bench/run.sh generated [CUSTOMERS] [DAYS]   ./segments generate (default 100000 x 730)
# Environment: BENCH_RUNS (default 3), BENCH_DIR (default /tmp/segments-bench-SCENARIO-SIZE),
#   BENCH_ALL_INPUTS=1 (generated only: also time the pipeline on all four generated inputs).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
scenario="${1:-}"
runs="${BENCH_RUNS:-3}"
case "$scenario" in
  retail) lines_wanted="${2:-541909}"; size="$lines_wanted" ;;
  generated) customers="${2:-100000}"; days="${3:-730}"; size="${customers}x${days}" ;;
  *) echo "usage: bench/run.sh retail [LINES] | generated [CUSTOMERS] [DAYS]" >&2; exit 2 ;;
esac
work="${BENCH_DIR:-/tmp/segments-bench-$scenario-$size}"
mkdir -p "$work"
"$root/segments" --version >/dev/null   # builds the jar when the sources changed
cp="$root/pipeline/target/retention-segments.jar:$root/pipeline/target/lib/*"
# the same JVM flags as ./segments: Flink on Java 17 needs these packages opened
opens="--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED \
--add-opens=java.base/java.time=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED \
--add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED"

if [ "$scenario" = retail ]; then
  orders="$work/online_retail.csv"
  [ -f "$orders" ] || java -cp "$cp" org.retentionsegments.bench.OnlineRetailFile "$orders" "$lines_wanted" >&2
  layout=online_retail
  pipeline_args=(--orders "$orders" --source-sql online_retail --as-of 2011-12-10)
else
  orders="$work/data/orders.csv"
  [ -f "$orders" ] || "$root/segments" generate --customers "$customers" --days "$days" --out "$work/data" >&2
  layout=canonical
  pipeline_args=(--orders "$orders")
fi
lines=$(($(wc -l < "$orders") - 1))
flink_sql=("$root/bench/flink/$layout/orders_raw.sql" "$root/bench/flink/$layout/order_lines.sql"
  "$root/bench/flink/rfm_summary.sql")
duckdb_sql=("$root/bench/duckdb/$layout/order_lines.sql" "$root/bench/duckdb/rfm_summary.sql")

sides=(pipeline naive-flink duckdb)
if [ "${BENCH_ALL_INPUTS:-0}" = 1 ] && [ "$scenario" = generated ]; then
  sides+=(pipeline-all)
fi
: > "$work/times.txt"   # side run seconds kb
: > "$work/results.txt" # side result-line

failures=0
measure() {  # side, run, command...: times the command; keeps its output in $work/SIDE.RUN.out/.err
  local side="$1" run="$2" attempt; shift 2
  for attempt in 1 2; do  # a failed attempt is reported and counted, and tried once more
    rm -f "$work/warehouse.duckdb" "$work/warehouse.duckdb.wal"  # each pipeline attempt starts empty
    if /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" >"$work/$side.$run.out" 2>"$work/$side.$run.err"; then
      echo "$side $run $(tail -n 1 "$work/time.txt")" >> "$work/times.txt"
      return 0
    fi
    failures=$((failures + 1))
    cp "$work/$side.$run.err" "$work/$side.$run.failed-$attempt.err"
    echo "!!!!!!!! $side failed (run $run, attempt $attempt); $work/$side.$run.failed-$attempt.err ends:" >&2
    tail -n 3 "$work/$side.$run.err" | sed 's/^/!!!!!!!!   /' >&2
  done
  exit 1
}

run_pipeline() {  # side, run, extra run arguments...
  local side="$1" run="$2"; shift 2
  measure "$side" "$run" "$root/segments" run "$@" --warehouse "jdbc:duckdb:$work/warehouse.duckdb"
  java -cp "$cp" org.retentionsegments.bench.SqlBaseline --warehouse "$work/warehouse.duckdb" \
    "$root/bench/duckdb/pipeline_summary.sql" | sed "s/side=pipeline/side=$side/" >> "$work/results.txt"
}

echo "bench $scenario: $orders ($lines data lines), $runs runs per side, $(nproc) cores, $(date -u '+%Y-%m-%d %H:%M UTC')"
for run in $(seq 1 "$runs"); do
  for side in "${sides[@]}"; do
    case "$side" in
      pipeline) run_pipeline pipeline "$run" "${pipeline_args[@]}" ;;
      pipeline-all) run_pipeline pipeline-all "$run" "${pipeline_args[@]}" --engagement "$work/data/engagement.csv" \
        --treatments "$work/data/treatments.csv" --customers "$work/data/customers.csv" ;;
      naive-flink)
        # shellcheck disable=SC2086
        measure naive-flink "$run" java $opens -cp "$cp" org.retentionsegments.bench.NaiveFlinkSql "$orders" "${flink_sql[@]}"
        grep '^result ' "$work/naive-flink.$run.out" >> "$work/results.txt" ;;
      duckdb)
        measure duckdb "$run" java -cp "$cp" org.retentionsegments.bench.SqlBaseline "$orders" "${duckdb_sql[@]}"
        grep '^result ' "$work/duckdb.$run.out" >> "$work/results.txt" ;;
    esac
    echo "  run $run: $(tail -n 1 "$work/times.txt" | awk '{ printf "%-12s %7.1f s wall %6d MiB peak RSS", $1, $3, $4 / 1024 }')" >&2
  done
done

# medians per side, and of the per-run ratios pipeline/side (each from the same run)
awk -v lines="$lines" -v order="${sides[*]}" '
  function median(list,   a, n, i, j, t) {
    n = split(list, a, " ")
    for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] + 0 > t + 0; j--) a[j + 1] = a[j]; a[j + 1] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  FNR == NR { secs[$1] = secs[$1] " " $3; kb[$1] = kb[$1] " " $4; at[$1, $2] = $3; if ($2 > runs) runs = $2; next }
  { s = substr($2, 6); for (i = 3; i <= NF; i++) { split($i, kv, "="); res[s, kv[1]] = kv[2] } }
  END {
    n = split(order, side, " ")
    printf "\n%-12s %9s %9s %11s %12s %12s %11s %16s %18s\n", "side", "wall (s)", "RSS (MiB)", "lines/s",
      "pipeline/x", "customers", "orders_win", "monetary", "checksum"
    for (i = 1; i <= n; i++) {
      s = side[i]; ratios = ""
      for (r = 1; r <= runs; r++) ratios = ratios " " at["pipeline", r] / at[s, r]
      w = median(secs[s])
      printf "%-12s %9.1f %9.0f %11.0f %11.2fx %12s %11s %16s %18s\n", s, w, median(kb[s]) / 1024, lines / w,
        median(ratios), res[s, "customers"], res[s, "orders_in_window"], res[s, "monetary"], res[s, "checksum"]
    }
  }' "$work/times.txt" "$work/results.txt" | tee "$work/table.txt"
echo "(medians of $runs runs; pipeline/x = median over runs of pipeline wall / x wall, both from the same run;"
echo " results from the last run; raw figures in $work/times.txt and $work/results.txt)"

# sanity: every side must count the same customers with orders; the two naive sides the same scores
counts=$(awk '{ for (i = 2; i <= NF; i++) if ($i ~ /^customers=/) print $i }' "$work/results.txt" | sort -u)
if [ "$(echo "$counts" | wc -l)" -ne 1 ]; then
  echo "!!!!!!!! WARNING: the sides disagree on the number of customers with orders:" >&2
  sort -u "$work/results.txt" | sed 's/^/!!!!!!!!   /' >&2
fi
checks=$(grep -E 'side=(naive-flink|duckdb)' "$work/results.txt" | grep -o 'checksum=[^ ]*' | sort -u)
if [ "$(echo "$checks" | wc -l)" -ne 1 ]; then
  echo "!!!!!!!! WARNING: naive Flink SQL and DuckDB SQL disagree on the R/F/M scores: $(echo $checks)" >&2
fi
if [ "$failures" -gt 0 ]; then
  echo "!!!!!!!! WARNING: $failures failed attempt(s) were run again; their errors are in $work/*.failed-*.err" >&2
fi
