#!/usr/bin/env bash
# Starts a local single-node Kafka broker (KRaft: broker and controller in one process) on
# 127.0.0.1:9092 from Maven jars, without Docker, unless something answers there already. Data and
# logs live in infra/kafka/local/ (ignored by git). Safe to run again.
#   infra/start-kafka.sh          start it (downloads the broker's jars on first use)
#   infra/start-kafka.sh stop     stop the broker this script started
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
host=127.0.0.1
port="${SEGMENTS_KAFKA_PORT:-9092}"
controller_port="${SEGMENTS_KAFKA_CONTROLLER_PORT:-9093}"
local_dir="$root/infra/kafka/local"
lib="$root/infra/kafka/target/lib"
pid_file="$local_dir/kafka.pid"

answers() { (exec 3<>"/dev/tcp/$host/$1") 2>/dev/null; }

running_pid() {
  [ -f "$pid_file" ] && kill -0 "$(cat "$pid_file")" 2>/dev/null && cat "$pid_file"
}

if [ "${1:-}" = "stop" ]; then
  if ! pid="$(running_pid)"; then
    echo "no broker started by this script is running" >&2
    rm -f "$pid_file"
    exit 0
  fi
  kill "$pid"
  for _ in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 1
  done
  if kill -0 "$pid" 2>/dev/null; then
    echo "error: the broker (pid $pid) did not stop within 60 s; see $local_dir/logs/server.log" >&2
    exit 1
  fi
  rm -f "$pid_file"
  echo "stopped the Kafka broker (pid $pid); its data stay in $local_dir/data" >&2
  exit 0
elif [ -n "${1:-}" ]; then
  echo "error: unknown argument '$1': run infra/start-kafka.sh to start the broker, infra/start-kafka.sh stop to stop it" >&2
  exit 2
fi

if answers "$port"; then
  echo "something answers on $host:$port already (a Kafka broker?): not starting another" >&2
  exit 0
fi
if answers "$controller_port"; then
  echo "error: port $controller_port (the broker's controller) is taken; free it or set SEGMENTS_KAFKA_CONTROLLER_PORT" >&2
  exit 1
fi

if [ ! -d "$lib" ] || [ "$root/infra/kafka/pom.xml" -nt "$lib" ] || [ "$root/pom.xml" -nt "$lib" ]; then
  echo "fetching the Kafka broker's jars with Maven (first use) ..." >&2
  log="$(mktemp)"
  rm -rf "$lib"
  if ! "$root/mvnw" -B -ntp -q -f "$root/infra/kafka/pom.xml" package >"$log" 2>&1 </dev/null; then
    tail -n 20 "$log" >&2
    echo "error: could not fetch the broker's jars (full log: $log); is Maven Central reachable?" >&2
    exit 1
  fi
  rm -f "$log"
fi

mkdir -p "$local_dir/data" "$local_dir/logs"
config="$local_dir/server.properties"
cat >"$config" <<PROPERTIES
# written by infra/start-kafka.sh
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=$host:$controller_port
listeners=PLAINTEXT://$host:$port,CONTROLLER://$host:$controller_port
advertised.listeners=PLAINTEXT://$host:$port
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=$local_dir/data
num.partitions=4
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
log.retention.hours=168
PROPERTIES

java_opts=(-Xms256m -Xmx512m "-Dkafka.logs.dir=$local_dir/logs"
  "-Dlog4j2.configurationFile=$root/infra/kafka/log4j2.properties")
if [ ! -f "$local_dir/data/meta.properties" ]; then
  cluster_id="$(java -cp "$lib/*" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n 1)"
  java "${java_opts[@]}" -cp "$lib/*" kafka.tools.StorageTool format --standalone -t "$cluster_id" -c "$config" \
    >"$local_dir/logs/format.out" 2>&1 || {
      cat "$local_dir/logs/format.out" >&2
      echo "error: formatting the broker's storage in $local_dir/data failed" >&2
      exit 1
    }
fi

# the readiness check below looks for this start's line, not an earlier one
[ -f "$local_dir/logs/server.log" ] && mv "$local_dir/logs/server.log" "$local_dir/logs/server.log.previous"
nohup java "${java_opts[@]}" -cp "$lib/*" kafka.Kafka "$config" >"$local_dir/logs/server.out" 2>&1 </dev/null &
echo $! >"$pid_file"
echo "starting Kafka on $host:$port (pid $!) ..." >&2
for _ in $(seq 1 60); do
  if ! kill -0 "$(cat "$pid_file")" 2>/dev/null; then
    tail -n 20 "$local_dir/logs/server.out" "$local_dir/logs/server.log" 2>/dev/null >&2 || true
    echo "error: the broker stopped while starting; see $local_dir/logs/server.log" >&2
    rm -f "$pid_file"
    exit 1
  fi
  if answers "$port" && grep -q "Kafka Server started" "$local_dir/logs/server.log" 2>/dev/null; then
    echo "Kafka is running on $host:$port; logs in $local_dir/logs, data in $local_dir/data" >&2
    echo "stop it with: infra/start-kafka.sh stop" >&2
    exit 0
  fi
  sleep 1
done
echo "error: Kafka did not answer on $host:$port within 60 s; see $local_dir/logs/server.log" >&2
exit 1
