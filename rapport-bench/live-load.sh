#!/usr/bin/env bash
# Issue 18's live-stream load: starts the service on SQLite in a fresh temporary data dir with the
# open-files limit as high as this shell may raise it, then LiveStreamLoad seeds STREAMS members
# over the admin API, opens a GET /v1/me/events stream for each from ADDRESSES local addresses
# (127.0.0.2 and up; each gives some 28,000 ephemeral ports), prints the server's heap (after a
# full GC) and resident set per open stream, has members follow members with a stream at RATE a
# second (open loop) for a warm-up and SECONDS measured, and prints the delivery latency of each
# 'followed' notification from its write's acknowledgement (p50, p99, max) and the deliveries
# missed. Then it stops the service. Loopback only.
# Usage: [STREAMS=50000] [ADDRESSES=4] [HTTP2=5000] rapport-bench/live-load.sh [rate] [seconds]
#        (STREAMS is lowered to what the open-files limit leaves the server room for, unless HTTP2
#        is set: the streams then go over HTTP/2, at most HTTP2 on each connection, and the server
#        allows the upgrade, RAPPORT_HTTP_H2C=true)
#        (after ./mvnw -q -DskipTests package; JAVA_HOME must name a JDK 25)
# The server may hold RAPPORT_HTTP_MAX_CONNECTIONS = STREAMS + 500 connections (the writers need some);
# it lowers that, with a warning printed at the end, to what its open-files limit leaves room for.
# SERVER_JAVA_OPTS and LOAD_JAVA_OPTS, if set, go to the service's and the load generator's JVMs.
set -euo pipefail
java="${JAVA_HOME:?set JAVA_HOME to a JDK 25}/bin/java"
cd "$(dirname "$0")/.."
rate=${1:-1000}
seconds=${2:-30}
streams=${STREAMS:-50000}
port=${PORT:-18080}
# Each process needs a descriptor per stream and some for itself: the soft limit goes up to the hard
# one (only a privileged shell can raise the hard limit), and the server keeps a tenth of it free.
ulimit -Sn "$(ulimit -Hn)"
echo "open-files limit: $(ulimit -n) (hard $(ulimit -Hn)); load average before: $(cat /proc/loadavg)"
# The server holds a tenth less than the limit, less a tenth of that for refusals (ConnectionLimit),
# and the writers' and the seeding client's connections come out of it too.
most=$(( ($(ulimit -n) * 9 / 10 - 100) * 10 / 11 - 400 ))
per_connection=${HTTP2:-0}
h2c=false
if (( per_connection > 0 )); then h2c=true; fi
connections=$((streams + 500))
if [ "$per_connection" -gt 0 ]; then
  # Over HTTP/2 a stream needs no descriptor of its own (docs/decisions/0047-streams-over-http2.md).
  connections=$((streams / per_connection + 500))
elif [ "$streams" -gt "$most" ]; then
  echo "this open-files limit leaves the server room for $most streams beside the writers, not $streams: opening $most"
  streams=$most
fi
data=$(mktemp -d)
token=bench-admin-$RANDOM$RANDOM
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$data"' EXIT
# The members are seeded through the one admin token, faster than a token's request budget allows.
RAPPORT_ADMIN_TOKEN=$token RAPPORT_HTTP_MAX_CONNECTIONS=$connections RAPPORT_RATE_LIMIT_PER_TOKEN=off RAPPORT_HTTP_H2C=$h2c \
  "$java" ${SERVER_JAVA_OPTS:-} --enable-native-access=ALL-UNNAMED -jar rapport-cli/target/rapport.jar \
  serve --port "$port" --data-dir "$data" >"$data/server.log" 2>&1 &
pid=$!
for _ in $(seq 1 600); do
  curl -fs "http://127.0.0.1:$port/health" >/dev/null && break
  sleep 0.1
done
grep -o 'serves on .*' "$data/server.log" || true
status=0
# The generator's own collections would be charged to delivery: with a young generation of 2 GB it
# collects about once a minute instead of every few seconds (each pause scans every parked stream's thread).
"$java" ${LOAD_JAVA_OPTS:--Xmn2g} -cp rapport-bench/target/benchmarks.jar dev.rapport.bench.live.LiveStreamLoad \
  --port "$port" --admin-token "$token" --server-pid "$pid" --streams "$streams" \
  --local-addresses "${ADDRESSES:-4}" --http2-streams-per-connection "$per_connection" --rate "$rate" --seconds "$seconds" || status=$?
echo "load average after: $(cat /proc/loadavg)"
grep -E 'WARNING|SEVERE' "$data/server.log" | sort | uniq -c | sort -rn | head -5 || true
exit "$status"
