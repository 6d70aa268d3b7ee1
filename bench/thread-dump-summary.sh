#!/usr/bin/env bash
# Summarises jcmd Thread.print samples (THREAD_DUMPS=N bench/signin-load.sh) for the HTTP worker threads:
# one line per distinct (state, lock waited for, top native/frame, first dev.userpool frame), with counts.
# usage: bench/thread-dump-summary.sh [bench/target/signin-thread-dumps.txt]
set -euo pipefail
file="${1:-$(dirname "$0")/target/signin-thread-dumps.txt}"
awk '
  function flush() {
    if (name != "") print state " | " top " | " lockk " | " mine
    name = ""
  }
  /^"/ {
    flush()
    if ($0 ~ /^"JettyServerThreadPool/) { name = $0; state = ""; top = ""; lockk = "-"; mine = "-" }
    next
  }
  name != "" && /java.lang.Thread.State:/ { sub(/.*State: /, ""); state = $0; next }
  name != "" && /^\tat / && top == "" { t = $0; sub(/^\tat /, "", t); sub(/\(.*/, "", t); top = t; next }
  name != "" && /parking to wait for|waiting to lock|waiting on/ && lockk == "-" { l = $0; sub(/.*\(a /, "", l); sub(/\).*/, "", l); lockk = l; next }
  name != "" && /^\tat dev\.userpool/ && mine == "-" { m = $0; sub(/^\tat /, "", m); sub(/\(.*/, "", m); mine = m; next }
  /^$/ { flush() }
  END { flush() }
' "$file" | sort | uniq -c | sort -rn
