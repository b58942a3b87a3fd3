#!/usr/bin/env bash
# Closed-loop load of the feed over HTTP (issue 17: at least 2,000 pages/s of `recent`): the feed
# workload in Rapport's SQLite store (FeedStore, written by the first run of the FeedRecent or
# FeedTop benchmark and kept) is copied to a temporary data dir, the service starts on it, a token
# is issued over the admin API for each of the workload's 16 viewers (who follow 1,000 members
# each), and wrk asks GET /v1/me/feed?order=ORDER&limit=20 from CONNECTIONS connections, each
# request as a viewer taken in turn, for a WARMUP-second warm-up, then DURATION seconds. Prints
# wrk's figures and the count of answers that were not 200; then stops the service. wrk shares the
# two cores with the service. The service runs on the system's clock, which is past the
# workload's last week: `top` then ranks the followed authors' newest posts (the feed policy's
# 2,000) without the connections' reactions and comments, which FeedTopBenchmark adds.
#
# With WRITES=N (posts a second, 0 by default), a second wrk writes while the first reads, from
# the warm-up to the end: 25 connections each post (POST /v1/posts, durable before answered) as the
# next of 64 members the viewers follow, waiting 25000/N ms after each answer, so followed authors
# post at about N a second (less while a post takes a fair part of that wait) and viewers'
# remembered first pages go stale as in a live feed; it prints the posts' own line (posts/s, their
# p50 and p99) after the reads'.
#
# Usage: [ORDER=recent|top] [CONNECTIONS=16] [DURATION=20] [WARMUP=10] [WRITES=0] rapport-bench/feed-load.sh
#   (after ./mvnw -q -DskipTests package and a FeedRecent run; needs wrk; JAVA_HOME must name a JDK 25)
set -euo pipefail
java="${JAVA_HOME:?set JAVA_HOME to a JDK 25}/bin/java"
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "feed-load.sh: needs wrk (apt install wrk)" >&2; exit 2; }
stores=${FEED_STORES:-${TMPDIR:-/tmp}/rapport-feed-stores}
kept=$(ls -d "$stores"/sqlite-feed-100000-1000000-17-v* 2>/dev/null | tail -1)
[[ -n "$kept" && -f "$kept/loaded" ]] || {
  echo "feed-load.sh: no feed store in $stores; run the FeedRecent benchmark once (it writes it)" >&2; exit 2; }
order=${ORDER:-recent} connections=${CONNECTIONS:-16} duration=${DURATION:-20} warmup=${WARMUP:-10}
writes=${WRITES:-0}
script=feed-load.sh
source rapport-bench/service.sh
mkdir "$work/data"
cp "$kept/rapport.db" "$work/data/"
token=bench-admin-$RANDOM$RANDOM$RANDOM
echo "# $(date -u +%FT%TZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the start" >&2
started=$(date +%s.%N)
start_service /health/ready 3000 RAPPORT_ADMIN_TOKEN="$token" RAPPORT_RATE_LIMIT_PER_TOKEN=off
echo "# ready (graph index and feed index loaded) $(echo "$(date +%s.%N) - $started" | bc) s after the start" >&2
# The workload's viewers, as FeedWorkload.issue17() draws them (member m has the handle member-m).
viewers=$("$java" -cp rapport-bench/target/benchmarks.jar dev.rapport.bench.feed.FeedViewers)
{
  echo "tokens = {"
  for handle in $viewers; do
    answer=$(curl -fsS -X POST -H "Authorization: Bearer $token" "$url/v1/members/$handle/tokens")
    echo "  \"$(sed -n 's/.*"token" *: *"\([^"]*\)".*/\1/p' <<<"$answer")\","
  done
  echo "}"
} >"$work/tokens.lua"
# Tokens of members the viewers follow, who post while the viewers read (WRITES > 0).
if (( writes > 0 )); then
  {
    echo "authors = {"
    for handle in $("$java" -cp rapport-bench/target/benchmarks.jar dev.rapport.bench.feed.FeedViewers authors 64); do
      answer=$(curl -fsS -X POST -H "Authorization: Bearer $token" "$url/v1/members/$handle/tokens")
      echo "  \"$(sed -n 's/.*"token" *: *"\([^"]*\)".*/\1/p' <<<"$answer")\","
    done
    echo "}"
  } >"$work/authors.lua"
  cat >"$work/posts.lua" <<LUA
dofile("$work/authors.lua")
local n = 0
non201 = 0
request = function()
  n = n + 1
  return wrk.format("POST", "/v1/posts", { ["Authorization"] = "Bearer " .. authors[(n % #authors) + 1],
    ["Content-Type"] = "application/json" },
    '{"text":"A post while the feed is read, number ' .. n .. '","visibility":"anyone"}')
end
delay = function()
  return $(( 25000 / writes ))
end
response = function(status)
  if status ~= 201 then non201 = non201 + 1 end
end
done = function(summary, latency)
  io.write(string.format("POSTS rate=%.1f/s p50=%.2fms p99=%.2fms posts=%d non201=%d errors=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1e3, latency:percentile(99) / 1e3,
    summary.requests, non201,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout))
end
LUA
fi
cat >"$work/feed.lua" <<LUA
dofile("$work/tokens.lua")
local n = 0
non200 = 0
request = function()
  n = n + 1
  return wrk.format("GET", "/v1/me/feed?order=$order&limit=20",
    { ["Authorization"] = "Bearer " .. tokens[(n % #tokens) + 1] })
end
response = function(status)
  if status ~= 200 then non200 = non200 + 1 end
end
done = function(summary, latency)
  io.write(string.format("RESULT rps=%.0f p50=%.2fms p90=%.2fms p99=%.2fms requests=%d non200=%d errors=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1e3, latency:percentile(90) / 1e3,
    latency:percentile(99) / 1e3, summary.requests, non200,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout))
end
LUA
# One page first, shown in part: the answer the load repeats.
curl -fsS -o "$work/first.json" -H "Authorization: Bearer $(sed -n '2s/.*"\(.*\)".*/\1/p' "$work/tokens.lua")" \
  "$url/v1/me/feed?order=$order&limit=20"
echo "# first page: $(head -c 200 "$work/first.json") ..." >&2
writer=""
if (( writes > 0 )); then
  wrk -t1 -c25 -d"$((warmup + duration))s" --timeout 30s --latency -s "$work/posts.lua" "$url" >"$work/posts.out" &
  writer=$!
fi
wrk -t2 -c"$connections" -d"${warmup}s" --timeout 30s -s "$work/feed.lua" "$url" >/dev/null
wrk -t2 -c"$connections" -d"${duration}s" --timeout 30s --latency -s "$work/feed.lua" "$url"
if [[ -n "$writer" ]]; then
  wait "$writer"
  grep '^POSTS' "$work/posts.out"
fi
echo "# load average $(cut -d' ' -f1-3 /proc/loadavg) at the end" >&2
