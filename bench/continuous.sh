#!/usr/bin/env bash
# The continuous job side by side with a naive Flink SQL job on the same Kafka topics, at
# parallelism 2: for each of BENCH_RUNS runs, a generated business is replayed into fresh topics
# (./segments generate --kafka, on the local broker of infra/start-kafka.sh; the same records every
# run), then
#   continuous   the continuous job embedded (RocksDB, incremental checkpoints every 10 s) through
#                the whole backlog into a fresh PostgreSQL schema: events/s from Kafka to committed
#                warehouse rows, the time from the next midnight (watermark past it) to every
#                customer's new row committed, the last checkpoint's state bytes per customer
#                (each operator's, from the checkpoint's metadata, on stderr), then event-to-warehouse
#                latency: live orders at half the sustained rate for 60 s, each timed from its send
#                to the first read of PostgreSQL (every 100 ms) whose activity_live row counts it;
#                then capacity: 600,000 orders of the business's customers within that same day
#                (no refresh), sent as fast as the producer goes, until activity_live counts them
#                all: the events/s of the per-event path between two day boundaries;
#   naive-flink  a streaming Flink SQL GROUP BY customer over the orders topic (heap state, no
#                checkpoints, blackhole sink): orders/s, over the whole call (its start included)
#                and over the job's own run time;
#   naive-flink-rocksdb  the same job with the continuous job's fault tolerance (RocksDB,
#                incremental checkpoints every 10 s, 512 MB managed memory).
# Prints the medians and the ratio of events/s. See bench/README.md.
#   bench/continuous.sh [CUSTOMERS] [DAYS]      (default 100000 x 365)
# Environment: BENCH_STATE_BACKEND (hashmap: the live state alone, in full heap snapshots), BENCH_RUNS (default 3), BENCH_PARALLELISM (default 2), BENCH_KAFKA (default
#   127.0.0.1:9092: started by infra/start-kafka.sh when nothing answers there), BENCH_POSTGRES
#   (default jdbc:postgresql://127.0.0.1:5432/test?user=postgres), BENCH_JAVA_OPTS (more JVM options for
#   the continuous job's JVM, e.g. a profiler's agent).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
customers="${1:-100000}"
days="${2:-365}"
runs="${BENCH_RUNS:-3}"
parallelism="${BENCH_PARALLELISM:-2}"
kafka="${BENCH_KAFKA:-127.0.0.1:9092}"
postgres="${BENCH_POSTGRES:-jdbc:postgresql://127.0.0.1:5432/test?user=postgres}"
work="$(mktemp -d /tmp/segments-bench-continuous.XXXXXX)"

"$root/segments" --version >/dev/null   # builds the jar when the sources changed
[ "$kafka" = 127.0.0.1:9092 ] && bash "$root/infra/start-kafka.sh"
bash "$root/infra/start-postgres.sh" >/dev/null
cp="$root/pipeline/target/retention-segments.jar:$root/pipeline/target/lib/*"
# the JIT flags `./segments stream` starts the continuous job's JVM with (C2 later: see the launcher)
stream_tuning="$(SEGMENTS_PRINT_TUNING=1 "$root/segments" stream)"
opens="--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED \
--add-opens=java.base/java.time=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED \
--add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED"

# the business ends three days ago: every record is in the past, and the job's clock can pass
# the next two midnights without any record being in the future
last_day="$(date -u -d '3 days ago' +%F)"
stamp="$(date +%s)"

: > "$work/results.txt"
for run in $(seq 1 "$runs"); do
  # a fresh copy of the same business per run (same options, same records): the latency phase adds
  # live orders to the orders topic, which the next run must not read
  prefix="bench${stamp}r${run}."
  echo "replaying $customers customers over $days days into ${prefix}* at $kafka ..." >&2
  "$root/segments" generate --kafka "$kafka" --topic-prefix "$prefix" --customers "$customers" --days "$days" \
    --end-date "$last_day" >"$work/generate.out"
  [ "$run" = 1 ] && cat "$work/generate.out" >&2
  # shellcheck disable=SC2086
  java $opens -Xmx6g -Dbench.sql="$root/bench/flink" -cp "$cp" org.retentionsegments.bench.ContinuousBench \
    naive "$kafka" "$prefix" "$parallelism" 2>"$work/naive.$run.err" \
    | grep '^result ' >> "$work/results.txt" || { tail -n 30 "$work/naive.$run.err" >&2; exit 1; }
  # the same naive job with the continuous job's fault tolerance (RocksDB, incremental checkpoints every 10 s)
  # shellcheck disable=SC2086
  java $opens -Xmx6g -Dbench.sql="$root/bench/flink" -cp "$cp" org.retentionsegments.bench.ContinuousBench \
    naive "$kafka" "$prefix" "$parallelism" rocksdb 2>"$work/naive-rocksdb.$run.err" \
    | grep '^result ' >> "$work/results.txt" || { tail -n 30 "$work/naive-rocksdb.$run.err" >&2; exit 1; }
  schema="bench_continuous_$(date +%s)_$run"
  psql -h 127.0.0.1 -U postgres -d test -qc "CREATE SCHEMA $schema" >/dev/null
  # shellcheck disable=SC2086
  java $opens -Xmx6g $stream_tuning ${BENCH_STATE_BACKEND:+-Dbench.state-backend=$BENCH_STATE_BACKEND} ${BENCH_JAVA_OPTS:-} -cp "$cp" \
    org.retentionsegments.bench.ContinuousBench continuous "$kafka" "$prefix" \
    "$postgres&currentSchema=$schema" "$last_day" "$parallelism" 2>"$work/continuous.$run.err" \
    | grep '^result ' >> "$work/results.txt" || { tail -n 30 "$work/continuous.$run.err" >&2; exit 1; }
  psql -h 127.0.0.1 -U postgres -d test -qc "DROP SCHEMA $schema CASCADE" >/dev/null
  tail -n 2 "$work/results.txt" >&2
done

python3 - "$work/results.txt" "$customers" "$days" "$parallelism" <<'PY'
import statistics, sys
rows = [dict(kv.split('=', 1) for kv in line.split()[1:]) for line in open(sys.argv[1])]
def med(side, key):
    return statistics.median(float(r[key]) for r in rows if r['side'] == side)
c, n = 'continuous', 'naive-flink'
print(f"continuous bench: {sys.argv[2]} customers x {sys.argv[3]} days, parallelism {sys.argv[4]},"
      f" medians of {sum(1 for r in rows if r['side'] == c)} runs")
nr = 'naive-flink-rocksdb'
print(f"{'side':<20} {'events':>10} {'wall (s)':>9} {'events/s':>10} {'job (s)':>8} {'events/s of the job':>20}")
for side in (c, n, nr):
    events = int(next(r['events'] for r in rows if r['side'] == side))
    job = (f"{med(side, 'job_s'):>8.1f} {med(side, 'job_events_per_s'):>20.0f}" if side != c else '')
    print(f"{side:<20} {events:>10} {med(side, 'seconds'):>9.1f} {med(side, 'events_per_s'):>10.0f} {job}")
print(f"continuous events/s / naive events/s: {med(c, 'events_per_s') / med(n, 'events_per_s'):.2f}")
print(f"continuous, sustained (from its first commit, {med(c, 'first_commit_s'):.1f} s after submission, to its last):"
      f" {med(c, 'sustained_events_per_s'):.0f} events/s; JVM CPU {med(c, 'cpu_s'):.1f} s")
print(f"day boundary to every customer's row committed: {med(c, 'boundary_s'):.1f} s"
      f" ({int(med(c, 'customers'))} customers, {int(med(c, 'transitions'))} transitions)")
print(f"rejected records (the generator's are all valid and on time): {int(med(c, 'rejected'))}")
print(f"event to warehouse (activity_live), {med(c, 'latency_rate'):.0f} live orders/s for 60 s:"
      f" p50 {med(c, 'latency_p50_ms'):.0f} ms, p99 {med(c, 'latency_p99_ms'):.0f} ms,"
      f" max {med(c, 'latency_max_ms'):.0f} ms ({int(med(c, 'latency_missing'))} of"
      f" {int(med(c, 'latency_events'))} not seen within 30 s)")
if all('capacity_events_per_s' in r for r in rows if r['side'] == c):
    print(f"within a day (no refresh), {int(med(c, 'capacity_events'))} orders sent as fast as they go:"
          f" {med(c, 'capacity_events_per_s'):.0f} events/s to committed activity_live rows"
          f" ({med(c, 'capacity_s'):.1f} s, JVM CPU {med(c, 'capacity_cpu_s'):.1f} s, the producer's included);"
          f" / naive events/s: {med(c, 'capacity_events_per_s') / med(n, 'events_per_s'):.2f};"
          f" / the naive jobs' own run time's: {med(c, 'capacity_events_per_s') / med(n, 'job_events_per_s'):.2f}"
          f" (heap), {med(c, 'capacity_events_per_s') / med(nr, 'job_events_per_s'):.2f} (RocksDB, checkpoints)")
print(f"last checkpoint: {med(c, 'state_bytes') / 1e6:.1f} MB of state, {med(c, 'state_bytes_per_customer'):.0f} B per"
      f" customer ({med(c, 'checkpoint_bytes') / 1e6:.1f} MB in its folders, older shared files included)")
PY
grep -h '^checkpoint state:' "$work"/continuous.*.err | tail -n 40 >&2 || true
echo "raw figures: $work" >&2
