#!/usr/bin/env bash
# POST /api/signin throughput over HTTP against the real app jar (see bench/README.md).
#
# Builds what is missing, starts app/target/userpool.jar on a free 127.0.0.1 port with a throw-away data
# directory, registers and confirms one user (code from the development mailbox), warms up, runs the
# bounded load (8 clients), reads the app's resident memory from /proc/<pid>/status and stops the app.
#
# Environment (all optional):
#   DURATION=30          measured seconds            WARMUP=10        warm-up seconds
#   THREADS=8            concurrent clients          MAX_REQUESTS=20000  request budget per phase
#   USERS=1              accounts signed in in turn (diagnosis: >1 makes each user's session rows grow slower)
#   APP_JAVA_OPTS="..."  JVM options for the app (default "-XX:+UseSerialGC -Xmx128m"; APP_JAVA_OPTS= for none)
#   APP_ENV="..."        extra environment for the app process only (default MALLOC_ARENA_MAX=2; APP_ENV= for none)
#   NMT=0                1: run the app with -XX:NativeMemoryTracking=summary and save jcmd VM.native_memory
#                        after the run to bench/target/signin-nmt.txt (what the JVM itself committed, vs RSS)
#   THREAD_DUMPS=0       take this many jcmd Thread.print samples (1/s) during the run, for profiling
#   REBUILD=1            rebuild the jars even if they exist
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
DURATION="${DURATION:-30}"
WARMUP="${WARMUP:-10}"
THREADS="${THREADS:-8}"
MAX_REQUESTS="${MAX_REQUESTS:-20000}"
USERS="${USERS:-1}"
APP_JAVA_OPTS="${APP_JAVA_OPTS-__DEFAULT__}"
APP_ENV="${APP_ENV-__DEFAULT__}"
THREAD_DUMPS="${THREAD_DUMPS:-0}"
NMT="${NMT:-0}"
app_jar="$root/app/target/userpool.jar"
bench_jar="$root/bench/target/benchmarks.jar"

# The default memory setting (docs/PERFORMANCE.md, figure 2): without it the app's RSS ends near 550 MB,
# mostly glibc malloc arenas (up to 8 per core) each keeping a 19 MiB libargon2 buffer, plus G1's heap.
if [ "$APP_JAVA_OPTS" = "__DEFAULT__" ]; then
  APP_JAVA_OPTS="-XX:+UseSerialGC -Xmx128m"
fi
if [ "$APP_ENV" = "__DEFAULT__" ]; then
  APP_ENV="MALLOC_ARENA_MAX=2"
fi
if [ "$NMT" = 1 ]; then
  APP_JAVA_OPTS="$APP_JAVA_OPTS -XX:NativeMemoryTracking=summary"
fi

if [ "${REBUILD:-0}" = 1 ] || [ ! -f "$app_jar" ] || [ ! -f "$bench_jar" ]; then
  echo "building: mvn -B -q -DskipTests -Pbench install"
  mvn -B -q -DskipTests -Pbench install
fi

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

port="$(free_port)"
base="http://127.0.0.1:$port"
data="$(mktemp -d -t userpool-signin-load.XXXXXX)"
email="load-$(date +%s)@example.com"
password="Correct-Horse-9!"
app_pid=""

stop_app() {
  if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then
    kill -TERM "$app_pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$app_pid" 2>/dev/null && kill -KILL "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
  fi
  app_pid=""
}
cleanup() {
  stop_app
  rm -rf "$data"
}
trap cleanup EXIT

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'); $(java -version 2>&1 | head -1)"
echo "load before: $(uptime)"
echo "app: ${APP_ENV:+$APP_ENV }java ${APP_JAVA_OPTS:-(no options)} -jar app/target/userpool.jar on $base, data in $data"
# shellcheck disable=SC2086
env $APP_ENV USERPOOL_PORT="$port" USERPOOL_BIND=127.0.0.1 USERPOOL_DATA_DIR="$data" USERPOOL_BASE_URL="$base" \
  java $APP_JAVA_OPTS -jar "$app_jar" >"$data/app.log" 2>&1 &
app_pid=$!

for _ in $(seq 1 600); do
  if [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "$base/health" || true)" = 200 ]; then break; fi
  if ! kill -0 "$app_pid" 2>/dev/null; then echo "the app exited:"; cat "$data/app.log"; exit 1; fi
  sleep 0.1
done
[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "$base/health")" = 200 ] || { echo "no 200 from /health"; exit 1; }
# A plain `java -jar` runs the service in a child JVM sized for it (README, "Memory"): the figures below
# are that JVM's (svc_pid), and the launcher's memory is printed beside them.
svc_pid="$(pgrep -P "$app_pid" java | head -1 || true)"
svc_pid="${svc_pid:-$app_pid}"
launcher_memory() {
  [ "$svc_pid" = "$app_pid" ] || echo " (+ launcher JVM: $(grep -E '^VmRSS' /proc/$app_pid/status | tr -s ' \t' ' '), PSS of both together: $(cat /proc/$app_pid/smaps_rollup /proc/$svc_pid/smaps_rollup | awk '/^Pss:/ {s += $2} END {print s " kB"}'))"
}

load() {
  java -cp "$bench_jar" dev.userpool.bench.SignInLoad "$@" --base-url "$base" --email "$email" --password "$password" \
    --users "$USERS"
}

load register
echo "app memory after start and registration: $(grep -E '^VmRSS' /proc/$svc_pid/status | tr -s ' \t' ' ')$(launcher_memory)"
load load --label warmup --threads "$THREADS" --duration "$WARMUP" --max-requests "$MAX_REQUESTS"

dumps_pid=""
if [ "$THREAD_DUMPS" -gt 0 ]; then
  dumps="$root/bench/target/signin-thread-dumps.txt"
  : >"$dumps"
  ( sleep 2; for _ in $(seq 1 "$THREAD_DUMPS"); do jcmd "$svc_pid" Thread.print >>"$dumps" 2>&1 || break; sleep 1; done ) &
  dumps_pid=$!
fi
app_cpu() {  # user + system CPU seconds the app has used so far
  awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / hz }' "/proc/$svc_pid/stat"
}
app_minflt() {  # minor page faults of the app so far (fresh pages it touched)
  awk '{ print $10 }' "/proc/$svc_pid/stat"
}
cpu_before=$(app_cpu)
flt_before=$(app_minflt)
TIMEFORMAT='[run] load client process: %R s wall, %U s user + %S s system CPU'
time load load --label run --threads "$THREADS" --duration "$DURATION" --max-requests "$MAX_REQUESTS"
echo "[run] app process: $(awk -v a="$cpu_before" -v b="$(app_cpu)" 'BEGIN { printf "%.2f", b - a }') s CPU and $(( $(app_minflt) - flt_before )) minor page faults during the run ($(nproc) cores)"
[ -n "$dumps_pid" ] && { wait "$dumps_pid" || true; echo "thread dumps: $dumps"; }

echo "app memory after the run: $(grep -E '^VmRSS' /proc/$svc_pid/status | tr -s ' \t' ' '), peak $(grep -E '^VmHWM' /proc/$svc_pid/status | tr -s ' \t' ' ' | cut -d: -f2)$(launcher_memory)"
if [ "$NMT" = 1 ]; then
  jcmd "$svc_pid" VM.native_memory summary >"$root/bench/target/signin-nmt.txt" 2>&1 || true
  echo "native memory summary: bench/target/signin-nmt.txt"
fi
echo "load after: $(uptime)"
stop_app
