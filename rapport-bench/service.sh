# The service under load, shared by the load scripts: sourced, not run. Sourcing it makes a
# temporary directory $work, removed with the service stopped when the script exits; the caller
# names itself in $script, for messages, and its JDK in $java, and puts the data in $work/data.

work=$(mktemp -d)
pid=""
stop_service() {
  if [[ -n "$pid" ]]; then
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap stop_service EXIT

# start_service READY_PATH TRIES [NAME=VALUE...]: starts `rapport serve` on $work/data with these
# settings, on a port it picks (so that runs in other checkouts do not collide), and waits up to
# TRIES tenths of a second until READY_PATH answers; sets $pid, $port and $url. SERVER_JAVA_OPTS
# goes to the service's JVM (default: the pause goal `./rapport serve` sets).
start_service() {
  local ready=$1 tries=$2
  shift 2
  env "$@" "$java" ${SERVER_JAVA_OPTS:--XX:MaxGCPauseMillis=10} --enable-native-access=ALL-UNNAMED \
    -jar rapport-cli/target/rapport.jar serve --port 0 --data-dir "$work/data" >"$work/server.log" 2>&1 &
  pid=$!
  port=""
  for _ in $(seq 1 "$tries"); do
    port=$(sed -n 's/.*serves on port \([0-9]*\).*/\1/p' "$work/server.log" | head -1)
    [[ -n "$port" ]] && curl -fs "http://127.0.0.1:$port$ready" >/dev/null && break
    kill -0 "$pid" 2>/dev/null || { cat "$work/server.log" >&2; echo "$script: the service stopped" >&2; exit 1; }
    port=""
    sleep 0.1
  done
  [[ -n "$port" ]] || { cat "$work/server.log" >&2; echo "$script: the service did not get ready" >&2; exit 1; }
  url=http://127.0.0.1:$port
}
