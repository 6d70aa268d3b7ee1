#!/usr/bin/env bash
# Writes app/src/main/resources/META-INF/userpool/startup-classes.txt: the classes a `serve` start loads
# before its first 200 from /health, in the order it loads them, which the service then loads ahead of
# need on a thread of its own (StartupClasses in module app). Run it after a change of dependencies or
# of what the start-up does (StartupClassesTest fails when the list names classes the jar lacks), then
# build the jar again.
#
# From the built jar (JAR=app/target/userpool.jar): one start on a fresh data directory (creating the
# database and the signing key), then one on that existing directory, each with -Xlog:class+load and the
# child JVM's own flags (ServiceJvm.FLAGS; giving flags means no relaunch, so this JVM serves) and the
# preloading off, so that the list is what the start itself needs. The existing directory's classes come
# first, in its order, then those only the fresh start loaded. Classes from the jar and from the JDK's
# modules are listed; those in the JDK's own class-data archive and generated ones (lambdas) are not.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
JAR="${JAR:-$root/app/target/userpool.jar}"
out="$root/app/src/main/resources/META-INF/userpool/startup-classes.txt"
[ -f "$JAR" ] || { echo "no $JAR: build it first (mvn -B -q -o package -pl app -am -DskipTests)" >&2; exit 1; }
work="$(mktemp -d -t userpool-startup-classes.XXXXXX)"
app_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

# start NAME: one start on $work/data, logging class loading to $work/NAME.log, stopped after the first 200
start() {
  local port
  port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
  XDG_CACHE_HOME="$work/cache" USERPOOL_PORT="$port" USERPOOL_BIND=127.0.0.1 USERPOOL_DATA_DIR="$work/data" \
    USERPOOL_BASE_URL="http://127.0.0.1:$port" \
    java -Xms16m -Xmx128m -XX:+UseSerialGC -Duserpool.startupClasses=off \
    "-Xlog:class+load=info:file=$work/$1.log" -jar "$JAR" >"$work/$1.out" 2>&1 &
  app_pid=$!
  for _ in $(seq 1 600); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "http://127.0.0.1:$port/health" || true)" = 200 ] && break
    kill -0 "$app_pid" 2>/dev/null || { cat "$work/$1.out" >&2; exit 1; }
    sleep 0.05
  done
  kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; app_pid=""
}
classes() {   # the class names of a log, loaded from the jar or the JDK's modules, first occurrence only
  grep -E ' source: (file:|jrt:/)' "$1" | awk '{print $2}' | awk '!seen[$0]++'
}

start fresh
start existing
{
  classes "$work/existing.log"
  classes "$work/fresh.log" | grep -vxF -f <(classes "$work/existing.log") || true
} >"$out"
echo "$(wc -l <"$out") classes in $out"
