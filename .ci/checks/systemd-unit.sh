#!/usr/bin/env bash
# CI: the systemd unit passes `systemd-analyze verify` and keeps its `systemd-analyze security` score.
# Needs: systemd (systemd-analyze). The checks themselves live in systemd/check-unit.sh, for developers too.
set -euo pipefail
cd "$(dirname "$0")/../.."
echo "== systemd unit: verify, security score, service contract"
exec systemd/check-unit.sh systemd/sriov-agent.service packaging/src/launcher/sriov-agent
