#!/usr/bin/env bash
# Start-up time of the app: from `java -jar app/target/userpool.jar` to the first 200 from /health, on a
# fresh data directory each run (so it includes creating the database and the RSA signing key).
# Prints each run and the median. See bench/README.md.
#
# Environment (all optional): RUNS=5, APP_JAVA_OPTS="" (JVM options for the app), REBUILD=1.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
RUNS="${RUNS:-5}"
APP_JAVA_OPTS="${APP_JAVA_OPTS:-}"
app_jar="$root/app/target/userpool.jar"

if [ "${REBUILD:-0}" = 1 ] || [ ! -f "$app_jar" ]; then
  echo "building: mvn -B -q -DskipTests install"
  mvn -B -q -DskipTests install
fi

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

app_pid=""
data=""
cleanup() {
  if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then
    kill -TERM "$app_pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$app_pid" 2>/dev/null && kill -KILL "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
  fi
  app_pid=""
  [ -n "$data" ] && rm -rf "$data"
  data=""
}
trap cleanup EXIT

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'); $(java -version 2>&1 | head -1)"
echo "load before: $(uptime)"
times=()
for run in $(seq 1 "$RUNS"); do
  port="$(free_port)"
  data="$(mktemp -d -t userpool-startup.XXXXXX)"
  url="http://127.0.0.1:$port/health"
  start=$(date +%s%N)
  # shellcheck disable=SC2086
  USERPOOL_PORT="$port" USERPOOL_BIND=127.0.0.1 USERPOOL_DATA_DIR="$data" \
    USERPOOL_BASE_URL="http://127.0.0.1:$port" java $APP_JAVA_OPTS -jar "$app_jar" >"$data/app.log" 2>&1 &
  app_pid=$!
  ok=0
  while [ $(( ($(date +%s%N) - start) / 1000000 )) -lt 30000 ]; do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "$url" || true)" = 200 ]; then ok=1; break; fi
    kill -0 "$app_pid" 2>/dev/null || break
    sleep 0.01
  done
  end=$(date +%s%N)
  if [ "$ok" != 1 ]; then echo "run $run: no 200 from /health within 30 s"; cat "$data/app.log"; exit 1; fi
  ms=$(( (end - start) / 1000000 ))
  times+=("$ms")
  echo "run $run: ${ms} ms"
  cleanup
  sleep 1
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}')
echo "median of $RUNS runs: ${median} ms (runs: ${times[*]})"
echo "load after: $(uptime)"
