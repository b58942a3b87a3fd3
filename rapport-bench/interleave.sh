#!/usr/bin/env bash
# Runs one JMH selection on two builds of the benchmarks, taking turns, so that both meet the same
# moods of a shared machine; then prints each benchmark's median score per build and their ratio.
#
#   rapport-bench/interleave.sh BEFORE.jar AFTER.jar ROUNDS OUT_DIR [JMH arguments...]
#
# Example, the graph queries of the commit before a change against the working tree's:
#   rapport-bench/interleave.sh /tmp/before/benchmarks.jar rapport-bench/target/benchmarks.jar 2 \
#     target/interleaved GraphQueries
# A SampleTime benchmark is summarised by its p50 and p99, the others by their score; the median is
# taken over the rounds. Run from the project folder (the benchmarks find the data sets from there).
set -euo pipefail

if (( $# < 4 )); then
  sed -n '2,11p' "$0" >&2
  exit 2
fi
before="$1" after="$2" rounds="$3" out="$4"
shift 4
java="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
mkdir -p "$out"

for ((round = 1; round <= rounds; round++)); do
  for side in before after; do
    jar="$before"
    [[ "$side" == after ]] && jar="$after"
    echo "== round $round, $side: $jar $*" >&2
    # JMH runs one benchmark at a time on a machine: while another run holds its lock, wait for it.
    until "$java" --enable-native-access=ALL-UNNAMED -jar "$jar" "$@" -rf csv -rff "$out/$side-$round.csv" \
        >"$out/$side-$round.log" 2>&1; do
      grep -q "Unable to acquire the JMH lock" "$out/$side-$round.log" \
        || { echo "failed: see $out/$side-$round.log" >&2; exit 1; }
      sleep 2
    done
  done
done

# One line per benchmark, parameters and percentile: the median over rounds of each side, and after/before.
awk -F',' '
  FNR == 1 { side = (FILENAME ~ /\/before-[0-9]+\.csv$/) ? "before" : "after"; next }
  {
    gsub(/"/, "")
    name = $1; mode = $2; score = $5; unit = $7
    params = ""
    for (i = 8; i <= NF; i++) params = params " " $i
    if (mode == "sample" && name !~ /:p0\.(50|99)$/) next
    key = name params " (" unit ")"
    keys[key] = 1
    n[key, side]++
    v[key, side, n[key, side]] = score + 0
  }
  function median(key, side,    m, i, j, t, a) {
    m = n[key, side]
    if (m == 0) return 0
    for (i = 1; i <= m; i++) a[i] = v[key, side, i]
    for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
    return (m % 2) ? a[(m + 1) / 2] : (a[m / 2] + a[m / 2 + 1]) / 2
  }
  END {
    printf "%-80s %12s %12s %8s\n", "benchmark", "before", "after", "after/before"
    for (key in keys) {
      b = median(key, "before"); a = median(key, "after")
      printf "%-80s %12.4g %12.4g %8.3f\n", key, b, a, (b > 0 ? a / b : 0)
    }
  }' "$out"/before-*.csv "$out"/after-*.csv | sort
