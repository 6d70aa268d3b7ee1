#!/usr/bin/env bash
# Every figure of issue 12 in one sitting, on one machine (docs/PERFORMANCE.md, "Issue 12: one sitting"):
#   1. raw limits (JMH, 2 threads): Argon2id verifications/s of both native engines at the default cost,
#      RS256 signatures/s, and EmbeddedTokenVerifier.verify against a bare JCA RS256 verify;
#   2. userpool and Keycloak over HTTP with wrk (bench/compare-keycloak.sh): sign-in, refresh, CPU per answer;
#   3. start-up and idle memory (bench/startup.sh).
# Then prints the floors the issue sets: 2 cores / (hash CPU + 2 x signature CPU) for a sign-in and
# 2 cores / (2 x signature CPU) for a refresh. Outputs in bench/target/issue12-<UTC time>/.
# Run it on an otherwise idle machine (about 15 minutes); build first: mvn -B -q -DskipTests -Pbench package
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
out="bench/target/issue12-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"
jmh() { java -jar bench/target/benchmarks.jar "$@" -f 1 -wi 3 -w 3 -i 5 -r 4 -t 2 -foe true; }
step() {
  local name="$1"; shift
  echo "== $name: $*"
  { echo "load before: $(uptime | sed 's/.*load average: //')"; "$@"; echo "load after: $(uptime | sed 's/.*load average: //')"; } 2>&1 | tee "$out/$name.txt"
}
{ date -u; echo "cores: $(nproc)"; grep -m1 'model name' /proc/cpuinfo; java -version 2>&1 | head -1;
  echo "transparent huge pages: $(cat /sys/kernel/mm/transparent_hugepage/enabled 2>/dev/null)"; git rev-parse --short HEAD; } | tee "$out/machine.txt"

step 1-argon2 jmh 'Argon2VerifyBenchmark.(nativeVerify|libsodiumVerify)' -p cost=19456:2 -rf json -rff "$out/1-argon2.json"
step 1-rsa jmh 'SignInBenchmark.rsaSign(AwsLc)?$' -rf json -rff "$out/1-rsa.json"
step 1-verify jmh 'TokenVerifyBenchmark.(embeddedVerify|jcaVerify|jcaVerifyAwsLc)' -rf json -rff "$out/1-verify.json"
step 2-http bench/compare-keycloak.sh
step 3-startup env RUNS="${RUNS:-5}" bench/startup.sh

python3 - "$out" <<'EOF'
import json, sys, re
out = sys.argv[1]
def scores(name):
    return {(r["benchmark"].split(".")[-1] + "".join(f" {k}={v}" for k, v in r.get("params", {}).items())): r["primaryMetric"]["score"]
            for r in json.load(open(f"{out}/{name}.json"))}
argon2, rsa, verify = scores("1-argon2"), scores("1-rsa"), scores("1-verify")
print("\n== floors (2 cores, each JMH rate over 2 threads)")
# the issuer signs with AWS-LC (TokenSignatures); the JDK's fresh-signer rate is printed beside it
sign = 2.0 / rsa["rsaSignAwsLc"]
print(f"RS256 with the JDK, fresh signer per token: {rsa['rsaSign']:.0f}/s = {2000/rsa['rsaSign']:.2f} ms CPU")
for k, v in argon2.items():
    h = 2.0 / v
    print(f"{k}: {v:.1f}/s = {h*1000:.1f} ms CPU per hash; sign-in floor 2/(hash + 2 signatures) = {2/(h + 2*sign):.1f}/s")
print(f"RS256 with AWS-LC, reused signer (the issuer's): {rsa['rsaSignAwsLc']:.0f}/s = {sign*1000:.2f} ms CPU; refresh floor 2/(2 signatures) = {2/(2*sign):.0f}/s")
for use in ("access", "id"):
    e, j, a = (verify.get(f"{b} token={use}") for b in ("embeddedVerify", "jcaVerify", "jcaVerifyAwsLc"))
    if e and j and a:
        print(f"verify {use} token: embedded {e:.0f}/s; bare JCA with the JDK {j:.0f}/s ({100*e/j:.0f} %),"
              f" bare JCA with AWS-LC {a:.0f}/s ({100*e/a:.0f} %)")
EOF
echo "outputs in $out"
