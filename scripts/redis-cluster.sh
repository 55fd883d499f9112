#!/usr/bin/env bash
# A throw-away local Redis Cluster (three masters, no replicas, no persistence) for trying and
# testing the platform on a cluster (docs/redis-cluster.md).
#
#   scripts/redis-cluster.sh start           start it; prints the REDIS_CLUSTER_NODES value
#   scripts/redis-cluster.sh stop            stop it and remove its directory
#   scripts/redis-cluster.sh run -- CMD...   start, run CMD with TEST_REDIS_CLUSTER_NODES set, stop;
#                                            exits with CMD's status (npm run test:cluster)
#
# REDIS_CLUSTER_PORT (default 7000) is the first port: the masters listen on it and the next two,
# their cluster bus on those + 10000. Needs redis-server and redis-cli 7 or later (sharded pub/sub).
set -euo pipefail

BASE=${REDIS_CLUSTER_PORT:-7000}
PORTS=("$BASE" "$((BASE + 1))" "$((BASE + 2))")
DIR="${TMPDIR:-/tmp}/cce-redis-cluster-$BASE"

nodes() {
  local IFS=,
  local list=()
  for p in "${PORTS[@]}"; do list+=("127.0.0.1:$p"); done
  echo "${list[*]}"
}

listening() { redis-cli -p "$1" ping >/dev/null 2>&1; }

start() {
  for bin in redis-server redis-cli; do
    command -v "$bin" >/dev/null || { echo "$bin not found on PATH (Debian/Ubuntu: apt-get install redis-server)" >&2; exit 1; }
  done
  local major
  major=$(redis-server --version | sed -E 's/.*v=([0-9]+).*/\1/')
  if [ "$major" -lt 7 ]; then
    echo "redis-server $major found: the sharded live adapter needs Redis 7 or later" >&2
    exit 1
  fi
  for p in "${PORTS[@]}"; do
    if listening "$p"; then
      echo "port $p is taken (a cluster already running? scripts/redis-cluster.sh stop, or set REDIS_CLUSTER_PORT)" >&2
      exit 1
    fi
  done
  rm -rf "$DIR"
  mkdir -p "$DIR"
  for p in "${PORTS[@]}"; do
    mkdir -p "$DIR/$p"
    redis-server --port "$p" --bind 127.0.0.1 --dir "$DIR/$p" --cluster-enabled yes \
      --cluster-config-file nodes.conf --cluster-node-timeout 2000 --save '' --appendonly no \
      --daemonize yes --pidfile "$DIR/$p/redis.pid" --logfile "$DIR/$p/redis.log" --loglevel warning
  done
  for p in "${PORTS[@]}"; do
    for _ in $(seq 100); do listening "$p" && break; sleep 0.05; done
    listening "$p" || { echo "redis-server on $p did not start (see $DIR/$p/redis.log)" >&2; stop; exit 1; }
  done
  local hosts=()
  for p in "${PORTS[@]}"; do hosts+=("127.0.0.1:$p"); done
  redis-cli --cluster create "${hosts[@]}" --cluster-replicas 0 --cluster-yes >"$DIR/create.log" 2>&1 ||
    { cat "$DIR/create.log" >&2; stop; exit 1; }
  # Every node must agree before clients connect, or their first commands meet CLUSTERDOWN.
  for p in "${PORTS[@]}"; do
    for _ in $(seq 200); do
      redis-cli -p "$p" cluster info | grep -q 'cluster_state:ok' && break
      sleep 0.05
    done
    redis-cli -p "$p" cluster info | grep -q 'cluster_state:ok' ||
      { echo "cluster not ok on $p after 10 s" >&2; stop; exit 1; }
  done
  echo "Redis Cluster up: REDIS_CLUSTER_NODES=$(nodes)"
}

stop() {
  for p in "${PORTS[@]}"; do
    if [ -f "$DIR/$p/redis.pid" ]; then
      kill "$(cat "$DIR/$p/redis.pid")" 2>/dev/null || true
    fi
  done
  for p in "${PORTS[@]}"; do
    for _ in $(seq 100); do listening "$p" || break; sleep 0.05; done
  done
  rm -rf "$DIR"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  run)
    shift
    [ "${1:-}" = "--" ] && shift
    [ $# -gt 0 ] || { echo "usage: $0 run -- CMD..." >&2; exit 2; }
    start
    trap stop EXIT
    status=0
    TEST_REDIS_CLUSTER_NODES=$(nodes) "$@" || status=$?
    exit "$status"
    ;;
  *)
    echo "usage: $0 start | stop | run -- CMD..." >&2
    exit 2
    ;;
esac
