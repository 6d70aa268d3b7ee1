#!/usr/bin/env bash
# Start-up time and idle memory of the app, with the README's plain `java -jar app/target/userpool.jar`:
# the time from launching it to the first 200 from /health, and its RSS once idle. Runs RUNS times on a
# fresh data directory each (creating the database and the RSA signing key), then RUNS times on one
# existing data directory (made by one unmeasured start first). Each run starts the app twice, without
# and with its class-data archive (USERPOOL_CLASS_ARCHIVE=off / on, in turns which goes first); the
# archive lives in a cache directory of this run's own, written by one unmeasured start first. The
# issue's goal is judged without the archive. Prints each start, then per case and archive the median,
# the minimum and the maximum. See bench/README.md.
#
# Environment (all optional): RUNS=10; JAR=app/target/userpool.jar (another build to compare with);
# APP_JAVA_OPTS="" (JVM options, for experiments only: the goals are for a plain java -jar, and any
# option means no relaunch, so no archive either); IDLE_SECONDS=3 (how long after the first 200 the RSS
# is read); CASES="fresh existing"; ARCHIVES="off on" (one of them alone: ARCHIVES=off).
# It never builds: build the jar first (mvn -B -q -o package -pl app -am -DskipTests).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
RUNS="${RUNS:-10}"
JAR="${JAR:-$root/app/target/userpool.jar}"
APP_JAVA_OPTS="${APP_JAVA_OPTS:-}"
IDLE_SECONDS="${IDLE_SECONDS:-3}"
CASES="${CASES:-fresh existing}"
ARCHIVES="${ARCHIVES:-off on}"
[ -f "$JAR" ] || { echo "no $JAR: build it first" >&2; exit 1; }

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# The memory of the app: the launched process and any process it started (a relaunch counts in full).
# RSS adds up each process's resident pages; PSS shares the pages two JVMs map alike (libjvm, the
# JDK's class-data archive) between them, so it is what the two together really take.
mem_kib() {   # mem_kib PID VmRSS|Pss
  local total=0 pid kib
  for pid in "$1" $(pgrep -P "$1" || true); do
    if [ "$2" = Pss ]; then kib=$(awk '/^Pss:/ {print $2}' "/proc/$pid/smaps_rollup" 2>/dev/null || echo 0)
    else kib=$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0); fi
    total=$((total + ${kib:-0}))
  done
  echo "$total"
}

# CPU seconds (user + system, in clock ticks) the app and any process it started have used so far.
cpu_ticks() {
  local total=0 pid t
  for pid in "$1" $(pgrep -P "$1" || true); do
    t=$(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0)
    total=$((total + ${t:-0}))
  done
  echo "$total"
}
hz=$(getconf CLK_TCK)

app_pid=""
dirs=()
stop_app() {
  if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then
    kill -TERM "$app_pid" 2>/dev/null || true
    # up to 30 s: the start that writes the class-data archive takes a few seconds to stop
    for _ in $(seq 1 300); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$app_pid" 2>/dev/null && kill -KILL "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
  fi
  app_pid=""
}
cleanup() {
  stop_app
  for d in "${dirs[@]}"; do rm -rf "$d"; done
}
trap cleanup EXIT

cache="$(mktemp -d -t userpool-startup-cache.XXXXXX)"; dirs+=("$cache")   # the sqlite library and the class-data archive

# start DATA_DIR [ARCHIVE]: starts the app (its class-data archive on or off), waits for /health → 200,
# sets started_ms, cpu_ms, idle_kib and idle_pss_kib, stops it
start() {
  local data="$1" archive="${2:-off}" port url start_ns end_ns ok=0
  port="$(free_port)"
  url="http://127.0.0.1:$port/health"
  start_ns=$(date +%s%N)
  # shellcheck disable=SC2086
  XDG_CACHE_HOME="$cache" USERPOOL_CLASS_ARCHIVE="$archive" \
    USERPOOL_PORT="$port" USERPOOL_BIND=127.0.0.1 USERPOOL_DATA_DIR="$data" \
    USERPOOL_BASE_URL="http://127.0.0.1:$port" java $APP_JAVA_OPTS -jar "$JAR" >>"$data.log" 2>&1 &
  app_pid=$!
  while [ $(( ($(date +%s%N) - start_ns) / 1000000 )) -lt 30000 ]; do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "$url" || true)" = 200 ]; then ok=1; break; fi
    kill -0 "$app_pid" 2>/dev/null || break
    sleep 0.005
  done
  end_ns=$(date +%s%N)
  cpu_ms=$(( $(cpu_ticks "$app_pid") * 1000 / hz ))
  if [ "$ok" != 1 ]; then echo "no 200 from /health within 30 s" >&2; cat "$data.log" >&2; exit 1; fi
  sleep "$IDLE_SECONDS"
  started_ms=$(( (end_ns - start_ns) / 1000000 )); idle_kib=$(mem_kib "$app_pid" VmRSS); idle_pss_kib=$(mem_kib "$app_pid" Pss)
  stop_app
}

summary() {   # summary NAME UNIT VALUES...
  local name="$1" unit="$2"; shift 2
  printf '%s\n' "$@" | sort -n | awk -v n="$name" -v u="$unit" '{a[NR]=$1}
    END {m = (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2; printf "%s: median %s %s, min %s, max %s (%d runs)\n", n, m, u, a[1], a[NR], NR}'
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'); $(java -version 2>&1 | head -1)"
echo "jar: $JAR  java options: '${APP_JAVA_OPTS}'  class-data archive: ${ARCHIVES}"
echo "load before: $(uptime)"
warmup="$(mktemp -d -t userpool-startup.XXXXXX)"; dirs+=("$warmup")
start "$warmup" on   # not measured: extracts the sqlite library into the cache and writes the class-data archive at its stop
if [[ " $ARCHIVES " == *" on "* ]] && ! ls "$cache"/userpool/class-archives/*.jsa >/dev/null 2>&1; then
  echo "warning: no class-data archive was written (see $warmup.log): the 'archive' starts below ran without one" >&2
fi
label() { if [ "$1" = on ]; then echo archive; else echo "no archive"; fi; }
for case in $CASES; do
  declare -A times=() rss=() cpus=() pss=()
  if [ "$case" = existing ]; then
    existing="$(mktemp -d -t userpool-startup.XXXXXX)"; dirs+=("$existing")
    start "$existing"   # creates the database and the key; not measured
  fi
  for run in $(seq 1 "$RUNS"); do
    order="$ARCHIVES"; [ $((run % 2)) = 0 ] && order="$(echo "$ARCHIVES" | awk '{for (i = NF; i > 0; i--) printf "%s ", $i}')"
    for archive in $order; do
      if [ "$case" = fresh ]; then data="$(mktemp -d -t userpool-startup.XXXXXX)"; dirs+=("$data"); else data="$existing"; fi
      start "$data" "$archive"; ms=$started_ms; kib=$idle_kib
      times[$archive]+=" $ms"; rss[$archive]+=" $((kib / 1024))"; cpus[$archive]+=" $cpu_ms"; pss[$archive]+=" $((idle_pss_kib / 1024))"
      echo "$case, $(label "$archive"), run $run: ${ms} ms to the first 200 (${cpu_ms} ms CPU), idle RSS $((kib / 1024)) MiB (PSS $((idle_pss_kib / 1024)) MiB)"
    done
  done
  for archive in $ARCHIVES; do
    # shellcheck disable=SC2086
    {
      summary "$case, $(label "$archive"): start-up" ms ${times[$archive]}
      summary "$case, $(label "$archive"): CPU to start" ms ${cpus[$archive]}
      summary "$case, $(label "$archive"): idle RSS" MiB ${rss[$archive]}
      summary "$case, $(label "$archive"): idle PSS" MiB ${pss[$archive]}
    }
  done
  unset times rss cpus pss
done
echo "load after: $(uptime)"
