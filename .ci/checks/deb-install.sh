#!/usr/bin/env bash
# `test && pass || fail` is safe in this file: pass only echoes and cannot fail.
# shellcheck disable=SC2015
# CI: installs the built .deb with dpkg on this machine, runs the installed agent, removes and purges it, and
# checks that each step leaves the system as a package user expects. Runs after `mvn verify` (needs the .deb).
#
# This machine is not an Azure VM (no Hyper-V synthetic NIC), so `sriov-agent check` must exit 1 with a
# reason; exit 2 (could not run) or a crash fails the check.
set -euo pipefail
cd "$(dirname "$0")/../.."

shopt -s nullglob
debs=(packaging/target/sriov-agent_*_all.deb)
[ ${#debs[@]} -eq 1 ] || { echo "expected one packaging/target/sriov-agent_*_all.deb, found ${#debs[@]} (run mvn verify first)" >&2; exit 2; }
deb=${debs[0]}

failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
pass() { echo "ok:   $*"; }
installed() { dpkg-query -W -f='${db:Status-Status}' sriov-agent 2>/dev/null || true; }

cleanup() { [ -z "$(installed)" ] || [ "$(installed)" = not-installed ] || dpkg --purge sriov-agent >/dev/null 2>&1 || true; }
trap cleanup EXIT

echo "== .deb install/run/remove: $deb ($(du -h "$deb" | cut -f1))"
if [ "$(installed)" = installed ]; then
    dpkg --purge sriov-agent >/dev/null
fi

if dpkg -i "$deb" > /tmp/sriov-agent-dpkg.log 2>&1; then
    pass "dpkg -i $(basename "$deb")"
else
    cat /tmp/sriov-agent-dpkg.log >&2
    fail "dpkg -i failed"
    exit 1
fi
[ "$(installed)" = installed ] && pass "dpkg reports sriov-agent installed" || fail "dpkg status is '$(installed)'"

for path in /usr/bin/sriov-agent /usr/share/sriov-agent/sriov-agent.jar /lib/systemd/system/sriov-agent.service \
            /etc/sriov-agent/sriov-agent.env /usr/share/doc/sriov-agent/operations.md; do
    [ -e "$path" ] && pass "installed $path" || fail "missing $path"
done
if [ -L /etc/systemd/system/multi-user.target.wants/sriov-agent.service ]; then
    pass "postinst enabled sriov-agent.service"
else
    fail "sriov-agent.service is not enabled after install"
fi
verify=$(systemd-analyze verify /lib/systemd/system/sriov-agent.service 2>&1) \
    && [ -z "$verify" ] && pass "systemd-analyze verify on the installed unit" \
    || fail "systemd-analyze verify on the installed unit: $verify"

version_out=$(sriov-agent version 2>&1) && [[ "$version_out" =~ ^sriov-agent\ [0-9] ]] \
    && pass "sriov-agent version: $version_out" || fail "sriov-agent version: $version_out"

# exit 0 = healthy, 1 = unhealthy (expected here), anything else = the agent could not do its job.
run_check() {
    local label=$1; shift
    local out err rc
    out=$(mktemp); err=$(mktemp)
    "$@" > "$out" 2> "$err" && rc=0 || rc=$?
    if { [ "$rc" -eq 0 ] || [ "$rc" -eq 1 ]; } && ! grep -qE 'Exception|^\s+at ' "$err"; then
        pass "$label: exit $rc: $(head -n 1 "$out")"
    else
        fail "$label: exit $rc"
        sed 's/^/    stdout: /' "$out" >&2; sed 's/^/    stderr: /' "$err" >&2
    fi
    rm -f "$out" "$err"
}
run_check "sriov-agent check --window 1" sriov-agent check --window 1
# The service runs as an unprivileged dynamic user with no capabilities: the probe must work that way too.
run_check "check as nobody, no capabilities" \
    setpriv --reuid=65534 --regid=65534 --clear-groups --inh-caps=-all --bounding-set=-all \
    sriov-agent check --window 1
json=$(sriov-agent check --window 1 --json 2>/dev/null || true)
if echo "$json" | jq -e '(.verdict == "Healthy" or .verdict == "Unhealthy") and (.checks | type == "array")' >/dev/null 2>&1; then
    pass "check --json prints the status document (verdict $(echo "$json" | jq -r .verdict))"
else
    fail "check --json did not print a status document: $json"
fi

echo "# local change to the conffile" >> /etc/sriov-agent/sriov-agent.env
if dpkg -r sriov-agent > /tmp/sriov-agent-dpkg.log 2>&1; then pass "dpkg -r sriov-agent"; else cat /tmp/sriov-agent-dpkg.log >&2; fail "dpkg -r failed"; fi
for path in /usr/bin/sriov-agent /usr/share/sriov-agent /lib/systemd/system/sriov-agent.service; do
    [ ! -e "$path" ] && pass "removed $path" || fail "$path left after remove"
done
[ -e /etc/sriov-agent/sriov-agent.env ] && pass "remove keeps the edited conffile" || fail "remove deleted the conffile"
# Like any Debian service package, remove keeps the enablement (configuration) for a reinstall; purge drops it.

if dpkg --purge sriov-agent > /tmp/sriov-agent-dpkg.log 2>&1; then pass "dpkg --purge sriov-agent"; else cat /tmp/sriov-agent-dpkg.log >&2; fail "dpkg --purge failed"; fi
[ ! -e /etc/sriov-agent ] && pass "purge removed /etc/sriov-agent" || fail "/etc/sriov-agent left after purge: $(ls -A /etc/sriov-agent)"
state=$(installed)
{ [ -z "$state" ] || [ "$state" = not-installed ]; } && pass "dpkg no longer knows sriov-agent" || fail "dpkg status after purge: $state"
leftover=$(find /etc/systemd /var/lib/systemd/deb-systemd-helper-enabled /var/lib/systemd/deb-systemd-helper-masked \
    -name 'sriov-agent*' 2>/dev/null || true)
[ -z "$leftover" ] && pass "no systemd state left behind" || fail "left behind: $leftover"

if [ "$failures" -gt 0 ]; then
    echo "deb install check: $failures failure(s)" >&2
    exit 1
fi
echo "deb install check: all passed"
