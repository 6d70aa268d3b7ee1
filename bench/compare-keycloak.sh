#!/usr/bin/env bash
# userpool and Keycloak side by side on this machine, with the same load client (wrk) and the same
# Argon2id cost (see bench/README.md, "Keycloak comparison"). Prints, for each system: start to the first
# answer, password sign-in and refresh rates over HTTP, the server's CPU per operation (from /proc), the
# load client's own CPU, and the server's memory after the load.
#
# Needs: wrk (apt-get install wrk), a JDK 21+ for Keycloak (KC_JAVA_HOME, or the newest under /usr/lib/jvm),
# Maven to fetch org.keycloak:keycloak-quarkus-dist (a ~160 MB zip, once), the jars built
# (mvn -B -q -DskipTests -Pbench install). Everything listens on 127.0.0.1 and every run is bounded.
#
# Environment (all optional):
#   DURATION=30 WARMUP=20 CONNECTIONS=8 USERS=8   wrk's measured and warm-up seconds, connections, accounts
#                                               (20 s: after 10 s of a refresh load, C2 still took a tenth of
#                                               the server's CPU compiling, on 2 cores; both systems get the same)
#   KC_VERSION=26.5.6                           Keycloak version
#   ARGON2_MEMORY_KIB=19456 ARGON2_ITERATIONS=2 the cost both systems hash with (userpool's default)
#   ONLY=userpool|keycloak                      run one side only
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
DURATION="${DURATION:-30}"
WARMUP="${WARMUP:-20}"
CONNECTIONS="${CONNECTIONS:-8}"
USERS="${USERS:-8}"
KC_VERSION="${KC_VERSION:-26.5.6}"
ARGON2_MEMORY_KIB="${ARGON2_MEMORY_KIB:-19456}"
ARGON2_ITERATIONS="${ARGON2_ITERATIONS:-2}"
ONLY="${ONLY:-}"
PASSWORD="Correct-Horse-9!"
app_jar="$root/app/target/userpool.jar"
bench_jar="$root/bench/target/benchmarks.jar"
work="$(mktemp -d -t userpool-compare.XXXXXX)"
server_pid=""
export USERS PASSWORD PREFIX=load

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk"; exit 1; }
[ -f "$app_jar" ] && [ -f "$bench_jar" ] || { echo "build first: mvn -B -q -DskipTests -Pbench install"; exit 1; }

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}
cpu_of() {  # user + system CPU seconds of process $1 so far
  awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / hz }' "/proc/$1/stat"
}
now_ms() { date +%s%3N; }
stop_server() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    for _ in $(seq 1 150); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  server_pid=""
}
cleanup() { stop_server; rm -rf "$work"; }
trap cleanup EXIT

# One wrk phase against $1 (base URL) with script $2; $3 the label; $4 the pid whose CPU is the server's.
# Prints requests/s, latencies, non-2xx answers, the server's CPU per answer and wrk's own CPU.
run_wrk() {
  local base="$1" script="$2" label="$3" pid="$4" out="$work/wrk-$3.txt"
  wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" -s "$script" "$base" >/dev/null
  local before after
  before=$(cpu_of "$pid")
  ( TIMEFORMAT='%U %S'; { time wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$script" "$base" >"$out"; } 2>"$work/time-$label" )
  after=$(cpu_of "$pid")
  local requests rate non2xx client
  requests=$(awk '/requests in/ { print $1 }' "$out")
  rate=$(awk '/^Requests\/sec/ { print $2 }' "$out")
  non2xx=$(awk '/Non-2xx/ { print $5 }' "$out")
  client=$(awk '{ printf "%.2f", $1 + $2 }' "$work/time-$label")
  local good=$(( requests - ${non2xx:-0} ))
  printf '%-28s %8s req/s  %6s answers (%s not 2xx)  p50 %s  p99 %s  server CPU %.2f s = %.2f ms/answer  wrk CPU %s s\n' \
    "$label" "$rate" "$requests" "${non2xx:-0}" "$(awk '/ 50%/ { print $2 }' "$out")" "$(awk '/ 99%/ { print $2 }' "$out")" \
    "$(awk -v a="$before" -v b="$after" 'BEGIN { print b - a }')" \
    "$(awk -v a="$before" -v b="$after" -v n="$good" 'BEGIN { print (n > 0 ? (b - a) * 1000 / n : 0) }')" "$client"
  [ "${non2xx:-0}" = 0 ] || { echo "  (first answers that were not 2xx are not counted in ms/answer)"; }
}

memory_of() { grep -E '^VmRSS' "/proc/$1/status" | tr -s ' \t' ' '; }

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'); load before: $(uptime | sed 's/.*load average: //')"
echo "Argon2id for both: m=$ARGON2_MEMORY_KIB KiB, t=$ARGON2_ITERATIONS, p=1; wrk -t2 -c$CONNECTIONS, ${WARMUP}s warm-up + ${DURATION}s; $USERS accounts in turn"

userpool() {
  local port base data t0
  port="$(free_port)"; base="http://127.0.0.1:$port"; data="$work/userpool-data"
  echo; echo "== userpool ($(java -version 2>&1 | head -1)), plain java -jar app/target/userpool.jar"
  t0=$(now_ms)
  USERPOOL_PORT="$port" USERPOOL_BIND=127.0.0.1 USERPOOL_DATA_DIR="$data" USERPOOL_BASE_URL="$base" \
    USERPOOL_ARGON2_MEMORY_KIB="$ARGON2_MEMORY_KIB" USERPOOL_ARGON2_ITERATIONS="$ARGON2_ITERATIONS" \
    java -jar "$app_jar" >"$work/userpool.log" 2>&1 &
  server_pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "$base/health" || true)" = 200 ]; do
    kill -0 "$server_pid" 2>/dev/null || { cat "$work/userpool.log"; exit 1; }
    sleep 0.01
  done
  echo "start to the first /health 200: $(( $(now_ms) - t0 )) ms (fresh data directory)"
  local pid
  pid="$(pgrep -P "$server_pid" java | head -1 || true)"; pid="${pid:-$server_pid}"
  echo "password hashing: $(curl -s "$base/health" | python3 -c 'import json,sys; print(json.load(sys.stdin).get("passwordHashing"))')"
  java -cp "$bench_jar" dev.userpool.bench.SignInLoad register --base-url "$base" --email "load@example.com" \
    --password "$PASSWORD" --users "$USERS" >/dev/null
  run_wrk "$base" bench/wrk/userpool-signin.lua "userpool sign-in" "$pid"
  for i in $(seq 1 "$USERS"); do
    curl -s -H 'Content-Type: application/json' -d "{\"email\":\"load-$i@example.com\",\"password\":\"$PASSWORD\"}" \
      "$base/api/signin" | python3 -c 'import json,sys; print(json.load(sys.stdin)["refreshToken"])'
  done >"$work/userpool-refresh-tokens"
  TOKENS_FILE="$work/userpool-refresh-tokens" run_wrk "$base" bench/wrk/userpool-refresh.lua "userpool refresh" "$pid"
  echo "memory after the load: $(memory_of "$pid")$([ "$pid" = "$server_pid" ] || echo " (+ launcher $(memory_of "$server_pid"))")"
  stop_server
}

keycloak_java_home() {
  if [ -n "${KC_JAVA_HOME:-}" ]; then echo "$KC_JAVA_HOME"; return; fi
  for j in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do
    v="$("$j/bin/java" -version 2>&1 | head -1 | sed -E 's/.*version "([0-9]+).*/\1/')"
    [ "${v:-0}" -ge 21 ] 2>/dev/null && { echo "${j%/}"; return; }
  done
  echo "no JDK 21+ under /usr/lib/jvm: set KC_JAVA_HOME" >&2; exit 1
}

keycloak() {
  local zip="$HOME/.m2/repository/org/keycloak/keycloak-quarkus-dist/$KC_VERSION/keycloak-quarkus-dist-$KC_VERSION.zip"
  [ -f "$zip" ] || mvn -B -q dependency:get -Dartifact="org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip" -Dtransitive=false
  local home="$root/bench/target/keycloak-$KC_VERSION"
  [ -d "$home" ] || unzip -q "$zip" -d "$root/bench/target"
  export JAVA_HOME; JAVA_HOME="$(keycloak_java_home)"
  echo; echo "== Keycloak $KC_VERSION ($("$JAVA_HOME/bin/java" -version 2>&1 | head -1)), kc.sh start --optimized"
  rm -rf "$home/data"
  "$home/bin/kc.sh" build --db=dev-file >"$work/kc-build.log" 2>&1 || { cat "$work/kc-build.log"; exit 1; }
  local port base t0
  port="$(free_port)"; base="http://127.0.0.1:$port"
  t0=$(now_ms)
  KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin "$home/bin/kc.sh" start --optimized \
    --http-enabled=true --http-host=127.0.0.1 --http-port="$port" --hostname-strict=false --http-management-port="$(free_port)" \
    --spi-password-hashing--argon2--memory="$ARGON2_MEMORY_KIB" --spi-password-hashing--argon2--iterations="$ARGON2_ITERATIONS" \
    --spi-password-hashing--argon2--parallelism=1 >"$work/keycloak.log" 2>&1 &
  server_pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "$base/realms/master/.well-known/openid-configuration" || true)" = 200 ]; do
    kill -0 "$server_pid" 2>/dev/null || { cat "$work/keycloak.log"; exit 1; }
    sleep 0.05
  done
  echo "start to the first 200: $(( $(now_ms) - t0 )) ms (optimized start, fresh dev-file database)"
  local pid
  pid="$(pgrep -f 'QuarkusEntryPoint|quarkus-run' | head -1 || true)"; pid="${pid:-$server_pid}"
  local admin
  admin="$(curl -s -d grant_type=password -d client_id=admin-cli -d username=admin -d password=admin \
    "$base/realms/master/protocol/openid-connect/token" | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')"
  kc() { curl -s -f -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' "$@"; }
  kc -d '{"realm":"bench","enabled":true,"passwordPolicy":"hashAlgorithm(argon2)","bruteForceProtected":false}' "$base/admin/realms"
  kc -d '{"clientId":"bench","publicClient":true,"directAccessGrantsEnabled":true,"standardFlowEnabled":false}' \
    "$base/admin/realms/bench/clients"
  for i in $(seq 1 "$USERS"); do
    kc -d "{\"username\":\"load-$i\",\"email\":\"load-$i@example.com\",\"emailVerified\":true,\"enabled\":true,\"firstName\":\"Load\",\"lastName\":\"Test\",\"credentials\":[{\"type\":\"password\",\"value\":\"$PASSWORD\",\"temporary\":false}]}" \
      "$base/admin/realms/bench/users"
  done
  local id
  id="$(kc "$base/admin/realms/bench/users?username=load-1&exact=true" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')"
  echo "stored hash: $(kc "$base/admin/realms/bench/users/$id/credentials" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["credentialData"])')"
  run_wrk "$base" bench/wrk/keycloak-password.lua "Keycloak password grant" "$pid"
  for i in $(seq 1 "$USERS"); do
    curl -s -d grant_type=password -d client_id=bench -d scope=openid -d "username=load-$i" --data-urlencode "password=$PASSWORD" \
      "$base/realms/bench/protocol/openid-connect/token" | python3 -c 'import json,sys; print(json.load(sys.stdin)["refresh_token"])'
  done >"$work/kc-refresh-tokens"
  TOKENS_FILE="$work/kc-refresh-tokens" run_wrk "$base" bench/wrk/keycloak-refresh.lua "Keycloak refresh grant" "$pid"
  echo "memory after the load: $(memory_of "$pid")"
  stop_server
}

[ "$ONLY" = keycloak ] || userpool
[ "$ONLY" = userpool ] || keycloak
echo; echo "load after: $(uptime | sed 's/.*load average: //')"
