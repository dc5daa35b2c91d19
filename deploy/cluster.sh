#!/usr/bin/env bash
# A real Spark standalone cluster on 127.0.0.1, assembled from Maven artifacts.
#
#   deploy/cluster.sh setup                 assemble SPARK_HOME (jars from Maven Central, spark-defaults.conf)
#   deploy/cluster.sh start [WORKERS]       start a master and WORKERS workers (default 2), wait until registered
#   deploy/cluster.sh stop                  stop what start started, by PID (executors included)
#   deploy/cluster.sh status                print the master's view
#   deploy/cluster.sh env                   print the environment for spark-submit (eval "$(deploy/cluster.sh env)")
#
# Environment (defaults): SYMSWEEP_CLUSTER_DIR (deploy/work), SPARK_MASTER_PORT (7077),
# SPARK_MASTER_WEBUI_PORT (8080), SPARK_WORKER_WEBUI_PORT (8081; worker i gets +i), SPARK_WORKER_CORES (1),
# SPARK_WORKER_MEMORY (2g). Everything binds to 127.0.0.1.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="${SYMSWEEP_CLUSTER_DIR:-$here/work}"
mkdir -p "$work"
work="$(cd "$work" && pwd)"
export SPARK_HOME="$work/spark-home"
export SPARK_SCALA_VERSION=2.13
export SPARK_LOCAL_IP=127.0.0.1
export SPARK_LOCAL_DIRS="$work/local"
export SPARK_CONF_DIR="$SPARK_HOME/conf"
export OMP_NUM_THREADS=1
if [[ -z "${JAVA_HOME:-}" ]]; then
  JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
fi
export JAVA_HOME
master_port="${SPARK_MASTER_PORT:-7077}"
master_ui="${SPARK_MASTER_WEBUI_PORT:-8080}"
worker_ui="${SPARK_WORKER_WEBUI_PORT:-8081}"
cores="${SPARK_WORKER_CORES:-1}"
memory="${SPARK_WORKER_MEMORY:-2g}"
pids="$work/pids"
logs="$work/logs"
master_url="spark://127.0.0.1:$master_port"

setup() {
  if [[ ! -f "$SPARK_HOME/jars/spark-connect_2.13-4.2.0.jar" ]]; then
    echo "cluster: assembling $SPARK_HOME from Maven artifacts ..." >&2
    mkdir -p "$SPARK_HOME/jars"
    mvn -q -B -Dstyle.color=never -f "$here/spark-home/pom.xml" dependency:copy-dependencies -DoutputDirectory="$SPARK_HOME/jars" >&2
  fi
  mkdir -p "$SPARK_HOME/conf" "$SPARK_LOCAL_DIRS"
  cp "$here/spark-defaults.conf" "$SPARK_HOME/conf/spark-defaults.conf"
  cp "$here/log4j2.properties" "$SPARK_HOME/conf/log4j2.properties"
}

# The java command Spark's launcher builds for CLASS (with its --add-opens flags), NUL-separated.
spark_command() {
  "$JAVA_HOME/bin/java" -Xmx128m -cp "$SPARK_HOME/jars/*" org.apache.spark.launcher.Main "$@"
}

# Starts CLASS ARGS... as a daemon in its own session; its PID goes to $pids/NAME.pid.
daemon() {
  local name="$1"; shift
  local cmd=()
  while IFS= read -r -d '' arg; do arg="${arg#$'\n'}"; [[ -n "$arg" ]] && cmd+=("$arg"); done < <(spark_command "$@")
  mkdir -p "$pids" "$logs"
  setsid nohup bash -c 'echo $$ > "$0"; exec "$@"' "$pids/$name.pid" "${cmd[@]}" > "$logs/$name.log" 2>&1 < /dev/null &
  for _ in $(seq 50); do [[ -s "$pids/$name.pid" ]] && break; sleep 0.1; done
  echo "cluster: started $name (pid $(cat "$pids/$name.pid"), log $logs/$name.log)" >&2
}

alive_workers() {
  curl -s "http://127.0.0.1:$master_ui/json/" 2>/dev/null | grep -o '"aliveworkers" *: *[0-9]*' | grep -o '[0-9]*$' || echo 0
}

start() {
  local workers="${1:-2}"
  setup
  if [[ -s "$pids/master.pid" ]] && kill -0 "$(cat "$pids/master.pid")" 2>/dev/null; then
    echo "cluster: already running (master pid $(cat "$pids/master.pid")); deploy/cluster.sh stop first" >&2
    exit 1
  fi
  daemon master org.apache.spark.deploy.master.Master --host 127.0.0.1 --port "$master_port" --webui-port "$master_ui"
  for _ in $(seq 100); do
    curl -s "http://127.0.0.1:$master_ui/json/" > /dev/null 2>&1 && break
    sleep 0.2
  done
  for i in $(seq 1 "$workers"); do
    mkdir -p "$work/worker-$i"
    daemon "worker-$i" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --cores "$cores" --memory "$memory" \
      --webui-port "$((worker_ui + i - 1))" --work-dir "$work/worker-$i" "$master_url"
  done
  for _ in $(seq 300); do
    [[ "$(alive_workers)" -ge "$workers" ]] && { echo "cluster: $master_url up with $workers workers" >&2; return 0; }
    sleep 0.2
  done
  echo "cluster: workers did not register within 60 s; see $logs" >&2
  exit 1
}

# PIDs of the processes a worker started (its executors), recursively.
descendants() {
  local p
  for p in $(pgrep -P "$1" || true); do echo "$p"; descendants "$p"; done
}

stop() {
  [[ -d "$pids" ]] || { echo "cluster: nothing to stop" >&2; return 0; }
  local f pid victims=()
  for f in "$pids"/*.pid; do
    [[ -e "$f" ]] || continue
    pid="$(cat "$f")"
    if kill -0 "$pid" 2>/dev/null; then
      victims+=("$pid")
      mapfile -t -O "${#victims[@]}" victims < <(descendants "$pid")
    fi
  done
  if [[ ${#victims[@]} -gt 0 ]]; then
    kill -TERM "${victims[@]}" 2>/dev/null || true
    for _ in $(seq 50); do
      local left=0
      for pid in "${victims[@]}"; do kill -0 "$pid" 2>/dev/null && left=1; done
      [[ $left == 0 ]] && break
      sleep 0.2
    done
    kill -KILL "${victims[@]}" 2>/dev/null || true
  fi
  rm -f "$pids"/*.pid
  echo "cluster: stopped ${#victims[@]} processes" >&2
}

case "${1:-}" in
  setup) setup ;;
  start) shift; start "${1:-2}" ;;
  stop) stop ;;
  status) curl -s "http://127.0.0.1:$master_ui/json/" || { echo "cluster: master not running" >&2; exit 1; } ;;
  env)
    printf 'export SPARK_HOME=%q SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1 SPARK_LOCAL_DIRS=%q SPARK_CONF_DIR=%q JAVA_HOME=%q OMP_NUM_THREADS=1\n' \
      "$SPARK_HOME" "$SPARK_LOCAL_DIRS" "$SPARK_CONF_DIR" "$JAVA_HOME"
    echo "export SYMSWEEP_MASTER=$master_url" ;;
  *) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
