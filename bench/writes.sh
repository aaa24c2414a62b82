#!/usr/bin/env bash
# Benchmark: write throughput of the warehouse writer on a backfill's rows, in the sink's batches
# of 50,000, into a fresh DuckDB file and a fresh PostgreSQL schema; new rows, then a replay.
#   bench/writes.sh [ROWS] [RUNS] [duckdb|postgres|both] [POSTGRES_URL]   e.g. bench/writes.sh 500000 3
# (each engine runs once more first, to warm the JVM up; the median is of the RUNS after it)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/segments" --version >/dev/null
java -cp "$root/pipeline/target/retention-segments.jar:$root/pipeline/target/lib/*" \
  org.retentionsegments.bench.WriteBench "$@"
