#!/usr/bin/env bash
# Start-up time and idle RSS of the self-contained distribution: `bin/userpool serve` from the unpacked
# tarball to the first 200 from /health, RUNS times on one existing data directory (made by one
# unmeasured start first). Compare with bench/startup.sh (CASES=existing) in the same sitting.
# It never builds: build the tarball first (mvn -B -q -o package -pl dist -am -DskipTests).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
RUNS="${RUNS:-5}"
tarball=$(ls "$root"/dist/target/userpool-*-linux-x64.tar.gz)
unpacked=$(mktemp -d)
data=$(mktemp -d)
trap 'rm -rf "$unpacked" "$data"' EXIT
tar -xzf "$tarball" -C "$unpacked"
bin=$(ls "$unpacked"/*/bin/userpool)
run() {
  local port start end pid rss
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
  start=$(date +%s%N)
  USERPOOL_PORT=$port USERPOOL_DATA_DIR=$data "$bin" serve >/dev/null 2>&1 &
  pid=$!   # the launcher execs the JVM: this is the service's one process
  until curl -sf -o /dev/null "http://127.0.0.1:$port/health"; do sleep 0.02; done
  end=$(date +%s%N)
  sleep 2
  rss=$(awk '/VmRSS/{print $2}' "/proc/$pid/status")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "$(( (end - start) / 1000000 )) ms to the first 200, idle RSS $(( rss / 1024 )) MiB"
}
echo "load before: $(uptime)"
run > /dev/null
for i in $(seq 1 "$RUNS"); do echo "run $i: $(run)"; done
echo "load after:  $(uptime)"
