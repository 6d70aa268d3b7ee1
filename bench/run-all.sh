#!/usr/bin/env bash
# Runs every measurement of docs/PERFORMANCE.md in sequence (about 20 minutes) and keeps the full
# output in bench/target/results-<UTC time>/, each figure with `uptime` before and after.
# Run it on an otherwise idle machine. See bench/README.md for each command on its own.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
if [ "${REBUILD:-0}" = 1 ] || [ ! -f app/target/userpool.jar ] || [ ! -f bench/target/benchmarks.jar ]; then
  mvn -B -q -DskipTests -Pbench install
fi
out="bench/target/results-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"
{
  date -u
  echo "cores: $(nproc)"
  grep -m1 'model name' /proc/cpuinfo
  java -version 2>&1
  free -h
} >"$out/machine.txt" 2>&1
cat "$out/machine.txt"

step() {
  local name="$1"; shift
  echo "== $name: $*"
  { echo "uptime before: $(uptime)"; "$@"; echo "uptime after: $(uptime)"; } 2>&1 | tee "$out/$name.txt"
}

step 1-argon2 java -jar bench/target/benchmarks.jar Argon2VerifyBenchmark -rf json -rff "$out/1-argon2.json"
step 2-signin bench/signin-load.sh
step 3-token java -jar bench/target/benchmarks.jar TokenVerifyBenchmark -rf json -rff "$out/3-token.json"
step 4-startup bench/startup.sh
echo "results in $out"
