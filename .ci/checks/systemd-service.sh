#!/usr/bin/env bash
# `test && pass || fail` is safe in this file: pass only echoes and cannot fail.
# shellcheck disable=SC2015
# CI: runs the installed unit under a real systemd. This machine's PID 1 is not systemd, so the check boots a
# throwaway systemd-nspawn container from this machine's own /usr (empty /etc and /var on tmpfs, its own network
# namespace with only loopback), installs nothing in it, and drives the unit with systemctl:
#   1. the probe under the unit's full sandbox (DynamicUser, no capabilities, SystemCallFilter, ...): a copy of
#      the unit whose ExecStart is `sriov-agent check --window 1` must exit 0 or 1, never 2 or a crash;
#   2. the daemon (`sriov-agent run`): `systemctl start` returns after READY=1, the
#      process has no capabilities and a non-root uid, /health answers 200 with an exact body, /metrics answers,
#      and `systemctl stop` ends in success without restarts.
# Needs: systemd-container (systemd-nspawn), curl, the .deb from `mvn verify`. Cleans up after itself.
set -euo pipefail
cd "$(dirname "$0")/../.."

shopt -s nullglob
debs=(packaging/target/sriov-agent_*_all.deb)
[ ${#debs[@]} -eq 1 ] || { echo "expected one packaging/target/sriov-agent_*_all.deb (run mvn verify first)" >&2; exit 2; }
command -v systemd-nspawn >/dev/null || { echo "systemd-nspawn not found (apt-get install systemd-container)" >&2; exit 2; }

failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
pass() { echo "ok:   $*"; }

work=$(mktemp -d /var/tmp/sriov-agent-nspawn.XXXXXX)
root=$work/root
machine=sriov-ci-$$
nspawn_pid=
mounted=()

teardown() {
    if [ -n "$nspawn_pid" ] && kill -0 "$nspawn_pid" 2>/dev/null; then
        kill "$nspawn_pid" 2>/dev/null || true
        for _ in $(seq 1 50); do kill -0 "$nspawn_pid" 2>/dev/null || break; sleep 0.2; done
        kill -9 "$nspawn_pid" 2>/dev/null || true
    fi
    for ((i=${#mounted[@]}-1; i>=0; i--)); do umount "${mounted[i]}" 2>/dev/null || umount -l "${mounted[i]}" || true; done
    rm -rf "$work"
    dpkg --purge sriov-agent >/dev/null 2>&1 || true
}
trap teardown EXIT

echo "== systemd service: the unit under a real systemd (nspawn container)"
dpkg -i "${debs[0]}" > "$work/dpkg.log" 2>&1 || { cat "$work/dpkg.log" >&2; echo "dpkg -i failed" >&2; exit 1; }

# Container root: this machine's /usr (read-only in the container) plus the merged-/usr links.
mkdir -p "$root/usr"
mount --bind /usr "$root/usr"; mounted+=("$root/usr")
for link in bin lib lib64 sbin; do [ -e "/usr/$link" ] && ln -s "usr/$link" "$root/$link"; done
# nspawn keeps per-machine state under /run/systemd/nspawn and refuses to clean it unless it is a tmpfs,
# which /run is not on a machine without systemd.
mkdir -p /run/systemd/nspawn
if [ "$(stat -f -c %T /run/systemd/nspawn)" != tmpfs ]; then
    mount -t tmpfs tmpfs /run/systemd/nspawn; mounted+=(/run/systemd/nspawn)
fi

# /etc is empty in the container: bring in what Java and the agent read from it.
binds=(--bind-ro=/etc/sriov-agent)
[ -d /etc/alternatives ] && binds+=(--bind-ro=/etc/alternatives)
for dir in /etc/java-*; do [ -d "$dir" ] && binds+=("--bind-ro=$dir"); done

systemd-nspawn --quiet --register=no --keep-unit --directory="$root" --volatile=yes --private-network \
    --machine="$machine" "${binds[@]}" --boot -- systemd.firstboot=off \
    > "$work/console.log" 2>&1 < /dev/null &
nspawn_pid=$!

# The container's init is nspawn's first child (read from /proc: no dependency on procps).
container_pid() { cut -d' ' -f1 "/proc/$nspawn_pid/task/$nspawn_pid/children" 2>/dev/null; }
in_container() { nsenter --target "$(container_pid)" --all -- "$@"; }

booted=
state=
for _ in $(seq 1 120); do
    if [ -n "$(container_pid)" ]; then
        # is-system-running exits non-zero for "degraded" (some unit of the booted image failed): that is fine.
        state=$(in_container systemctl is-system-running 2>/dev/null || true)
    fi
    case "$state" in running|degraded) booted=yes; break ;; esac
    kill -0 "$nspawn_pid" 2>/dev/null || break
    sleep 0.5
done
if [ -z "$booted" ]; then
    echo "container did not boot; console:" >&2; tail -n 30 "$work/console.log" >&2
    exit 1
fi
pass "container booted (systemd $(in_container systemctl --version | head -n 1 | cut -d' ' -f2), state ${state})"

# 1. The probe inside the unit's sandbox: every line of the real unit, as a one-shot running `check`
#    (RemainAfterExit keeps its exit status readable after it ends).
sed -e 's/^Type=notify/Type=oneshot/' -e '/^NotifyAccess=/d' -e '/^WatchdogSec=/d' \
    -e '/^Restart=/d' -e '/^RestartSec=/d' -e '/^RestartPreventExitStatus=/d' \
    -e 's|^ExecStart=.*|ExecStart=/usr/bin/sriov-agent check --window 1|' \
    -e 's/^SuccessExitStatus=.*/SuccessExitStatus=1/' \
    -e '/^\[Service\]/a RemainAfterExit=yes' \
    /lib/systemd/system/sriov-agent.service > "$work/sriov-agent-sandbox-check.service"
in_container sh -c "cat > /etc/systemd/system/sriov-agent-sandbox-check.service" < "$work/sriov-agent-sandbox-check.service"
in_container systemctl daemon-reload
in_container systemctl start sriov-agent-sandbox-check.service || true
status=$(in_container systemctl show -P ExecMainStatus sriov-agent-sandbox-check.service)
result=$(in_container systemctl show -P Result sriov-agent-sandbox-check.service)
first_line=$(in_container journalctl -u sriov-agent-sandbox-check.service -o cat --no-pager | grep -m1 -E 'HEALTHY|UNHEALTHY' || true)
if [ "$result" = success ] && { [ "$status" = 0 ] || [ "$status" = 1 ]; }; then
    pass "check under the unit's sandbox: exit $status: $first_line"
else
    fail "check under the unit's sandbox: result $result, exit $status"
    in_container journalctl -u sriov-agent-sandbox-check.service -o cat --no-pager | tail -n 20 >&2
fi

# 2. The daemon itself.
if in_container systemctl start sriov-agent.service; then
    pass "systemctl start sriov-agent returned (READY=1 received)"
else
    fail "systemctl start sriov-agent failed"
fi
props=$(in_container systemctl show -p ActiveState -p SubState -p StatusText -p MainPID -p NRestarts sriov-agent.service)
while IFS= read -r line; do echo "      $line"; done <<< "$props"
grep -qx 'ActiveState=active' <<< "$props" && pass "service active" || fail "service not active"
grep -q '^StatusText=.' <<< "$props" && pass "status text set" || fail "no STATUS= from the agent"
main_pid=$(sed -n 's/^MainPID=//p' <<< "$props")
if [ -n "$main_pid" ] && [ "$main_pid" != 0 ]; then
    proc=$(in_container cat "/proc/$main_pid/status")
    uid=$(awk '/^Uid:/ {print $2}' <<< "$proc"); capeff=$(awk '/^CapEff:/ {print $2}' <<< "$proc")
    [ "$uid" != 0 ] && pass "runs as uid $uid (dynamic user)" || fail "runs as root"
    [ "$capeff" = 0000000000000000 ] && pass "no effective capabilities" || fail "CapEff=$capeff"
fi
health=$(in_container curl -s -m 10 -w ' %{http_code}' http://127.0.0.1:9798/health || true)
case "$health" in
    '{"ApplicationHealthState":"Healthy"} 200'|'{"ApplicationHealthState":"Unhealthy"} 200')
        pass "/health: $health" ;;
    *) fail "/health answered '$health'" ;;
esac
metrics=$(in_container curl -s -m 10 http://127.0.0.1:9798/metrics || true)
grep -q '^sriov_health_status' <<< "$metrics" && pass "/metrics has sriov_health_status" \
    || fail "/metrics lacks sriov_health_status"
in_container systemctl stop sriov-agent.service || true
stop=$(in_container systemctl show -p Result -p NRestarts -p ExecMainStatus sriov-agent.service | tr '\n' ' ')
grep -q 'Result=success' <<< "$stop" && grep -q 'NRestarts=0' <<< "$stop" \
    && pass "stopped cleanly ($stop)" || fail "stop: $stop"

if [ "$failures" -gt 0 ]; then
    echo "systemd service check: $failures failure(s)" >&2
    exit 1
fi
echo "systemd service check: all passed"
