#!/usr/bin/env bash
# Closed-loop saturation of every read route and the HTTP write routes (issue 14). Imports SNAP
# ego-Facebook with `rapport import` into a fresh temporary SQLite data dir, starts the service on
# it (127.0.0.1 only is targeted), issues tokens for MEMBERS members over the admin API, then for
# each route runs wrk with CONNECTIONS connections on THREADS threads, a WARMUP-second warm-up and a
# DURATION-second measurement, each request from a random viewer about a random member, or about themselves for the follow lists (see
# saturation.lua). Prints one markdown table, each route beside /health (the framework's floor),
# and stops the service. wrk shares the cores with the service: compare routes within one run.
#
# Usage: rapport-bench/saturation.sh [facebook_combined.txt]
#   (after ./mvnw -q -DskipTests package; needs wrk; JAVA_HOME must name a JDK 25, as ./rapport
#   finds it). The data set comes from the argument, else DATASET, else
#   ../shared/datasets/facebook_combined.txt beside the checkout.
# Settings: CONNECTIONS (16), THREADS (2), DURATION (20), WARMUP (5), MEMBERS (1200 token holders),
#   ROUTES (all, or some of: health limits profile connections followers following mutual network
#   suggestions degrees20 degrees follow invite). SERVER_JAVA_OPTS goes to the service's JVM
#   (default: the pause goal `./rapport serve` sets). RATE_LIMIT_PER_TOKEN (off): the service's
#   per-token budget, e.g. 1200/1m to measure with the default one on.
#
# A route's figure is valid only with 0 in each of: non-2xx answers, socket errors and timeouts
# (wrk's timeout is raised to 30 s so that slow answers are measured, not dropped), and, for the
# write routes, answers that changed nothing. Lists answered empty (a viewer who may not see a
# member's connections, or shares none) are counted and shown, as they cost less.
set -euo pipefail
java="${JAVA_HOME:?set JAVA_HOME to a JDK 25}/bin/java"
cd "$(dirname "$0")/.."
dataset=${1:-${DATASET:-../shared/datasets/facebook_combined.txt}}
if [[ ! -f "$dataset" ]]; then
  echo "saturation.sh: no data set at '$dataset'. Pass the path of SNAP ego-Facebook" \
    "(facebook_combined.txt) as the argument or in DATASET." >&2
  exit 2
fi
command -v wrk >/dev/null || { echo "saturation.sh: needs wrk (apt install wrk)" >&2; exit 2; }
for jar in rapport-cli/target/rapport.jar rapport-bench/target/benchmarks.jar; do
  [[ -f "$jar" ]] || { echo "saturation.sh: no $jar; build with ./mvnw -q -DskipTests package" >&2; exit 2; }
done
connections=${CONNECTIONS:-16} threads=${THREADS:-2} duration=${DURATION:-20} warmup=${WARMUP:-5}
routes=${ROUTES:-health limits profile connections followers following mutual network suggestions degrees20 degrees follow invite}
declare -A label=(
  [health]='`GET /health` (the framework'"'"'s floor)'
  [limits]='`GET /v1/me/limits`'
  [profile]='`GET /v1/members/{h}` (a profile)'
  [connections]='`GET /v1/members/{h}/connections?limit=20`'
  [followers]='`GET /v1/members/{h}/followers?limit=20`'
  [following]='`GET /v1/members/{h}/following?limit=20`'
  [mutual]='`GET /v1/members/{h}/mutual-connections?limit=20`'
  [network]='`GET /v1/me/network`'
  [suggestions]='`GET /v1/me/suggestions?limit=20`'
  [degrees20]='`POST /v1/me/degrees` (20 handles, a page of results)'
  [degrees]='`POST /v1/me/degrees` (1,000 handles)'
  [follow]='`PUT`, `DELETE /v1/me/following/{h}` (follow, unfollow)'
  [invite]='`POST /v1/invitations`, `/v1/invitations/{id}/withdraw`')
for route in $routes; do
  [[ -n "${label[$route]:-}" ]] || { echo "saturation.sh: no route '$route' (ROUTES)" >&2; exit 2; }
done

script=saturation.sh
source rapport-bench/service.sh
token=bench-admin-$RANDOM$RANDOM$RANDOM
echo "# $(date -u +%FT%TZ), $(nproc) cores ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1))," \
  "load average $(cut -d' ' -f1-3 /proc/loadavg) at the start" >&2
./rapport import --data-dir "$work/data" --format snap "$dataset" >&2

# The invitation limits are raised so that the write route measures writes, not the weekly limit,
# and the per-token request budget is off: each of the token holders sends far more than a person would.
start_service /health 300 RAPPORT_ADMIN_TOKEN="$token" RAPPORT_TIER_BASIC_WEEKLY_INVITATIONS=100000000 \
  RAPPORT_RATE_LIMIT_PER_TOKEN="${RATE_LIMIT_PER_TOKEN:-off}" RAPPORT_TIER_BASIC_NEW_ACCOUNT_WEEKLY_INVITATIONS=100000000
"$java" -Drapport.datasets="$(dirname "$dataset")" -cp rapport-bench/target/benchmarks.jar \
  dev.rapport.bench.SaturationData --url "$url" --admin-token "$token" --dataset "$(basename "$dataset")" \
  --members "${MEMBERS:-1200}" --out "$work/data.lua" >&2

results=()
for route in $routes; do
  for phase in 0 1; do
    seconds=$warmup
    (( phase == 1 )) && seconds=$duration
    wrk -t"$threads" -c"$connections" -d"${seconds}s" --timeout 30s -s rapport-bench/saturation.lua "$url" \
      -- "$work/data.lua" "$route" "$phase" "$threads" >"$work/$route-$phase.log" 2>&1 \
      || { cat "$work/$route-$phase.log" >&2; exit 1; }
  done
  result=$(sed -n 's/^RESULT //p' "$work/$route-1.log")
  [[ -n "$result" ]] || { cat "$work/$route-1.log" >&2; exit 1; }
  echo "$route: $result" >&2
  sed -n 's/^SAMPLE /  first refusal: /p' "$work/$route-1.log" >&2
  results+=("$route $result")
done
echo "# load average $(cut -d' ' -f1-3 /proc/loadavg) at the end" >&2

# One markdown table; the last two columns divide by /health's figures of the same run.
printf '%s\n' "${results[@]}" | awk -v labels="$(for r in $routes; do printf '%s\t%s\n' "$r" "${label[$r]}"; done)" '
  function ms(x) { return x < 10 ? sprintf("%.2f ms", x) : x < 100 ? sprintf("%.1f ms", x) : sprintf("%.0f ms", x) }
  function thousands(x,   s, out) {
    s = sprintf("%.0f", x); out = ""
    while (length(s) > 3) { out = "," substr(s, length(s) - 2) out; s = substr(s, 1, length(s) - 3) }
    return s out
  }
  function field(name,   i, kv) { for (i = 2; i <= NF; i++) { split($i, kv, "="); if (kv[1] == name) return kv[2] } }
  BEGIN {
    n = split(labels, lines, "\n")
    for (i = 1; i <= n; i++) { split(lines[i], kv, "\t"); name[kv[1]] = kv[2] }
    print "| route | req/s | p50 | p90 | p99 | non-2xx | req/s vs /health | p99 vs /health | notes |"
    print "|---|---|---|---|---|---|---|---|---|"
  }
  {
    rps[NR] = field("rps"); p50[NR] = field("p50"); p90[NR] = field("p90"); p99[NR] = field("p99")
    bad[NR] = field("non2xx"); noop[NR] = field("noop"); empty[NR] = field("empty"); socket[NR] = field("socket")
    req[NR] = field("requests"); route[NR] = $1
    if ($1 == "health") { hr = rps[NR]; hp = p99[NR] }
  }
  END {
    for (i = 1; i <= NR; i++) {
      notes = ""
      if (bad[i] + noop[i] + socket[i] > 0) notes = "**not valid**: "
      if (noop[i] > 0) notes = notes noop[i] " writes changed nothing; "
      if (socket[i] > 0) notes = notes socket[i] " socket errors or timeouts; "
      if (empty[i] > 0) notes = notes sprintf("%.0f%% of answers empty; ", 100 * empty[i] / req[i])
      sub(/; $/, "", notes)
      printf "| %s | %s | %s | %s | %s | %d | %s | %s | %s |\n", name[route[i]], thousands(rps[i]), ms(p50[i]),
        ms(p90[i]), ms(p99[i]), bad[i], hr ? sprintf("%.2f", rps[i] / hr) : "-",
        hp ? sprintf("%.2f", p99[i] / hp) : "-", notes
    }
  }'
