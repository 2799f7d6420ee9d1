#!/usr/bin/env bash
# Checks the sriov-agent unit the way CI does: `systemd-analyze verify` (syntax, unknown keys, ExecStart
# executable, dependencies) and `systemd-analyze security --offline=yes` (sandboxing score), plus the service
# contract the score does not measure (notify/watchdog/restart/limits/config path).
#
#   systemd/check-unit.sh [UNIT_FILE] [LAUNCHER]
#
# verify needs the unit's dependencies and its ExecStart binary: both are provided in a temporary root (the
# machine's own units, the launcher at /usr/bin/sriov-agent), so this runs before any package is installed and
# on a machine where systemd is not PID 1.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
unit=${1:-$here/sriov-agent.service}
launcher=${2:-$here/../packaging/src/launcher/sriov-agent}
name=$(basename "$unit")

# The exposure score of the unit as committed, in tenths (systemd-analyze --threshold's unit). The issue's
# ceiling is 2.0; this baseline is lower so that any weakening of the sandbox fails. Lower it when hardening
# improves; raise it only with a reason written next to the setting that costs it.
max_exposure_tenths=11

failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
pass() { echo "ok:   $*"; }

command -v systemd-analyze >/dev/null || { echo "systemd-analyze not found (apt-get install systemd)" >&2; exit 2; }
# `verify --root=` and `security --offline=yes` arrived in systemd 250 (Debian 12 has 252, Ubuntu 22.04 only 249).
systemd_version=$(systemd-analyze --version | awk 'NR == 1 {print $2}')
[ "${systemd_version%%.*}" -ge 250 ] 2>/dev/null \
    || { echo "systemd-analyze $systemd_version is too old: this check needs systemd >= 250" >&2; exit 2; }

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
mkdir -p "$root/usr/lib/systemd/system" "$root/etc/systemd/system" "$root/usr/bin"
for dir in /usr/lib/systemd/system /lib/systemd/system; do
    [ -d "$dir" ] && cp -a "$dir/." "$root/usr/lib/systemd/system/"
done
cp "$unit" "$root/etc/systemd/system/$name"
install -m 755 "$launcher" "$root/usr/bin/sriov-agent"

# verify prints warnings (e.g. an unknown key) but still exits 0: any output is a failure.
verify_output=$(systemd-analyze verify --root="$root" "$name" 2>&1) && verify_rc=0 || verify_rc=$?
if [ "$verify_rc" -ne 0 ] || [ -n "$verify_output" ]; then
    fail "systemd-analyze verify $name (exit $verify_rc):"
    printf '%s\n' "$verify_output" >&2
else
    pass "systemd-analyze verify $name: no errors, no warnings"
fi

security_output=$(systemd-analyze security --offline=yes "$unit" 2>&1) || true
echo "$security_output" | grep -E '✗|Overall' || true
score=$(echo "$security_output" | sed -n 's/.*Overall exposure level for .*: \([0-9.]*\) .*/\1/p')
if [ -z "$score" ]; then
    fail "systemd-analyze security printed no overall exposure level"
else
    tenths=$(echo "$score" | awk '{ printf "%d", $1 * 10 + 0.5 }')
    if [ "$tenths" -gt "$max_exposure_tenths" ]; then
        fail "exposure $score is above the baseline $((max_exposure_tenths / 10)).$((max_exposure_tenths % 10)) (a hardening setting was weakened or removed)"
    else
        pass "exposure level $score (baseline $((max_exposure_tenths / 10)).$((max_exposure_tenths % 10)), ceiling 2.0)"
    fi
fi

# The service contract, one setting per line as systemd reads it (last assignment wins).
setting() { grep -E "^$1=" "$unit" | tail -n 1 | cut -d= -f2- || true; }
expect() {
    local key=$1 want=$2 got
    got=$(setting "$key")
    if [ "$got" = "$want" ]; then pass "$key=$got"; else fail "$key is '${got}', expected '$want'"; fi
}
expect_set() {
    local key=$1 got
    got=$(setting "$key")
    if [ -n "$got" ]; then pass "$key=$got"; else fail "$key is not set"; fi
}
expect Type notify
expect NotifyAccess main
expect ExecStart "/usr/bin/sriov-agent run"
expect EnvironmentFile "-/etc/sriov-agent/sriov-agent.env"
expect Restart on-failure
expect DynamicUser yes
expect CapabilityBoundingSet ""
expect RestrictAddressFamilies "AF_UNIX AF_INET AF_INET6 AF_NETLINK"
expect_set WatchdogSec
expect_set MemoryMax
expect_set SystemCallFilter

if [ "$failures" -gt 0 ]; then
    echo "systemd unit check: $failures failure(s)" >&2
    exit 1
fi
echo "systemd unit check: all passed"
