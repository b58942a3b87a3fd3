#!/usr/bin/env bash
# Starts the service on SQLite in a fresh temporary data dir, seeds members over the admin API and
# offers GET /v1/members/{h} (or, with ROUTE=degrees, POST /v1/me/degrees naming 1,000 members):
# - by default at a fixed rate with HttpLoad (open loop: latency percentiles at that rate);
# - with TOOL=wrk, as fast as wrk's CONNECTIONS (default 32) connections go (closed loop: the
#   throughput the service sustains). Needs wrk (apt install wrk).
# Then it stops the service. For every route side by side at saturation, on ego-Facebook, see
# saturation.sh.
# Usage: [ROUTE=degrees] [MEMBERS=2000] [TOOL=wrk] rapport-bench/http-load.sh [rate] [seconds]
#        (after ./mvnw -q -DskipTests package; JAVA_HOME must name a JDK 25, as ./rapport finds it;
#        rate is ignored with wrk)
# SERVER_JAVA_OPTS and LOAD_JAVA_OPTS, if set, go to the service's and the load generator's JVMs
# (for example -Xlog:gc:file=server-gc.log to see which pauses the tail is made of).
set -euo pipefail
java="${JAVA_HOME:?set JAVA_HOME to a JDK 25}/bin/java"
cd "$(dirname "$0")/.."
rate=${1:-1000}
seconds=${2:-30}
port=${PORT:-18080}
data=$(mktemp -d)
token=bench-admin-$RANDOM$RANDOM
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$data"' EXIT
RAPPORT_ADMIN_TOKEN=$token "$java" ${SERVER_JAVA_OPTS:-} --enable-native-access=ALL-UNNAMED -jar rapport-cli/target/rapport.jar \
  serve --port "$port" --data-dir "$data" >"$data/server.log" 2>&1 &
pid=$!
for _ in $(seq 1 100); do
  curl -fs "http://127.0.0.1:$port/health" >/dev/null && break
  sleep 0.1
done
load=("$java" ${LOAD_JAVA_OPTS:-} -cp rapport-bench/target/benchmarks.jar dev.rapport.bench.HttpLoad
  --url "http://127.0.0.1:$port" --admin-token "$token" --route "${ROUTE:-profile}" --members "${MEMBERS:-500}")
if [ "${TOOL:-}" = wrk ]; then
  "${load[@]}" --wrk-script "$data/load.lua"
  wrk -t2 -c"${CONNECTIONS:-32}" -d10s -s "$data/load.lua" "http://127.0.0.1:$port" >/dev/null # warm-up
  wrk -t2 -c"${CONNECTIONS:-32}" -d"${seconds}s" --latency -s "$data/load.lua" "http://127.0.0.1:$port"
else
  "${load[@]}" --rate "$rate" --seconds "$seconds"
fi
