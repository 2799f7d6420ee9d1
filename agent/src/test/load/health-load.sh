#!/usr/bin/env bash
# Load on /health and /metrics of the packaged sriov-agent with wrk, on loopback, and the daemon's RSS and CPU idle
# and after the load, read from /proc/<pid>/status and /proc/<pid>/stat.
#
# The daemon runs the real Linux probe against the 2-NIC ConnectX-4 Lx fixture host (the Linux probe's test
# fixtures, unpacked into a temporary directory), with statistics through the `command` source: a stand-in ethtool
# that prints the fixture's captured `ethtool -S` text (the ioctl needs real interfaces), and lspci likewise.
#
# With HOST_ROOT set (e.g. HOST_ROOT=/), the daemon probes that root instead, with its default statistics source
# (the ioctl): the production path on whatever host this runs on.
#
# usage (from the repository root, after `mvn -pl packaging -am package -DskipTests`):
#   agent/src/test/load/health-load.sh [JAR]
# environment: PORT (19798), INTERVAL (5), CONNECTIONS (64), THREADS (1: wrk gets one core, the daemon the other),
#              DURATION (30s), IDLE_SECONDS (60), HOST_ROOT (unset: the fixture host), JVM_FLAGS (below);
#              MALLOC_ARENA_MAX=2 is set as the packaging's service environment does
set -euo pipefail

JAR=${1:-packaging/target/sriov-agent.jar}
PORT=${PORT:-19798}
INTERVAL=${INTERVAL:-5}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-1}
DURATION=${DURATION:-30s}
IDLE_SECONDS=${IDLE_SECONDS:-60}
JVM_FLAGS=${JVM_FLAGS:--XX:+UseSerialGC -Xss256k -Xms8m -Xmx24m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:MaxMetaspaceSize=48m -XX:ReservedCodeCacheSize=16m -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:MaxDirectMemorySize=16m -XX:-UsePerfData -Xshare:auto}
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
HOSTS=platform-linux/src/test/resources/hosts
HERE=$(cd "$(dirname "$0")" && pwd)

for tool in java wrk curl; do
  command -v "$tool" >/dev/null || { echo "health-load: $tool is not installed" >&2; exit 2; }
done
[ -f "$JAR" ] || { echo "health-load: $JAR not found (mvn -pl packaging -am package -DskipTests)" >&2; exit 2; }

work=$(mktemp -d)
pid=
cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid"; fi
  rm -rf "$work"
}
trap cleanup EXIT

if [ -n "${HOST_ROOT:-}" ]; then
  probe_args=(--host-root "$HOST_ROOT")
else
  java -cp "$JAR" "$HERE/UnpackHost.java" "$work/host" "$HOSTS/cx4lx-gen1-2nic.hosttree" \
    "$HOSTS/cx4lx-gen1-2nic.traffic.hosttree"
  printf '#!/bin/sh\nexec cat "%s/host/fixture/ethtool/$2"\n' "$work" > "$work/ethtool"
  printf '#!/bin/sh\nexec cat "%s/host/fixture/lspci"\n' "$work" > "$work/lspci"
  chmod +x "$work/ethtool" "$work/lspci"
  probe_args=(--host-root "$work/host" --ethtool command --ethtool-command "$work/ethtool"
    --lspci-command "$work/lspci")
fi

# shellcheck disable=SC2086 # JVM_FLAGS is a list of words
java $JVM_FLAGS -jar "$JAR" run "${probe_args[@]}" --listen "127.0.0.1:$PORT" --interval "$INTERVAL" \
  2> "$work/agent.log" &
pid=$!
for _ in $(seq 1 100); do
  curl -fsS "http://127.0.0.1:$PORT/health" >/dev/null 2>&1 && break
  sleep 0.1
done
curl -fsS "http://127.0.0.1:$PORT/health" >/dev/null || { cat "$work/agent.log" >&2; exit 1; }

hz=$(getconf CLK_TCK)
rss_kib() { awk '/^VmRSS:/ {print $2}' "/proc/$pid/status"; }
hwm_kib() { awk '/^VmHWM:/ {print $2}' "/proc/$pid/status"; }
threads() { awk '/^Threads:/ {print $2}' "/proc/$pid/status"; }
# utime + stime in clock ticks: fields 14 and 15 after the command name (which may contain spaces)
cpu_ticks() { sed 's/^.*) //' "/proc/$pid/stat" | awk '{print $12 + $13}'; }
idle_cpu() {
  local before after
  before=$(cpu_ticks)
  sleep "$IDLE_SECONDS"
  after=$(cpu_ticks)
  awk -v d=$((after - before)) -v hz="$hz" -v s="$IDLE_SECONDS" 'BEGIN {printf "%.3f", 100 * d / hz / s}'
}

sleep 10 # start-up JIT and class loading out of the way
echo "jvm flags:        $JVM_FLAGS (MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX)"
echo "host:             ${HOST_ROOT:-fixture cx4lx-gen1-2nic, ethtool via command}"
echo "interval:         $INTERVAL s"
echo "startup RSS:      $(( $(rss_kib) / 1024 )) MiB, threads $(threads)"
echo "idle CPU:         $(idle_cpu) % of a core over $IDLE_SECONDS s"
echo "idle RSS:         $(( $(rss_kib) / 1024 )) MiB"

requests=0
for path in /health /metrics; do
  echo "--- wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency http://127.0.0.1:$PORT$path"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "http://127.0.0.1:$PORT$path" | tee "$work/wrk.out"
  n=$(awk '/requests in/ {print $1}' "$work/wrk.out")
  requests=$((requests + n))
done
echo "requests served:  $requests"
echo "sriov threads:    $(for t in /proc/"$pid"/task/*; do cat "$t/comm"; done | sort | uniq -c | tr -s ' \n' ' ')"
echo "RSS after load:   $(( $(rss_kib) / 1024 )) MiB (peak $(( $(hwm_kib) / 1024 )) MiB), threads $(threads)"
echo "idle CPU after:   $(idle_cpu) % of a core over $IDLE_SECONDS s"
echo "RSS after idle:   $(( $(rss_kib) / 1024 )) MiB"

start=$(date +%s%N)
kill -TERM "$pid"
status=0
wait "$pid" || status=$?
echo "SIGTERM -> exit:  $status after $(( ($(date +%s%N) - start) / 1000000 )) ms"
pid=
grep -c . "$work/agent.log" | xargs echo "log lines:       "
