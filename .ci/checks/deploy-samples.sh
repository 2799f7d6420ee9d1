#!/usr/bin/env bash
# CI: the deployment samples that this machine can check beyond the JUnit tests of packaging/:
#   cloud-init schema on the scale set's cloud-config, and shellcheck on every shell script we ship
#   (launcher, maintainer scripts, the install script embedded in the cloud-config, the az commands).
# Needs: cloud-init, shellcheck, python3 with PyYAML (a dependency of cloud-init).
set -euo pipefail
cd "$(dirname "$0")/../.."

echo "== deployment samples: cloud-init schema, shell scripts"
cloud-init schema --config-file packaging/deploy/vmss/cloud-init.yaml

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
/usr/bin/python3 - packaging/deploy/vmss/cloud-init.yaml "$work/install-sriov-agent" <<'PY'
import sys, yaml
config = yaml.safe_load(open(sys.argv[1]))
script = next(f["content"] for f in config["write_files"] if f["path"] == "/usr/local/sbin/install-sriov-agent")
open(sys.argv[2], "w").write(script)
PY
shellcheck packaging/src/launcher/sriov-agent packaging/src/deb/control/postinst packaging/src/deb/control/prerm \
    packaging/src/deb/control/postrm packaging/deploy/vmss/az-commands.sh "$work/install-sriov-agent" \
    systemd/check-unit.sh .ci/checks/*.sh
shellcheck --shell=sh packaging/src/rpm/*.sh
echo "  shellcheck: launcher, deb/rpm maintainer scripts, cloud-init install script, az commands, CI checks"
echo "deployment samples check: all passed"
