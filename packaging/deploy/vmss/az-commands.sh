#!/bin/sh
# Application Health extension and automatic repairs for a scale set whose VMs run sriov-agent.
# Usage: RG=my-rg VMSS=my-scale-set sh az-commands.sh      (Azure CLI, logged in; see README.md for the why)
set -eu
: "${RG:?set RG to the resource group}" "${VMSS:?set VMSS to the scale set name}"
here=$(dirname "$0")

# 1. The extension: probes http://localhost:9798/health every 5 s; 6 equal answers in a row (30 s) change the state.
az vmss extension set \
    --resource-group "$RG" --vmss-name "$VMSS" \
    --name ApplicationHealthLinux --publisher Microsoft.ManagedServices --version 2.0 \
    --extension-instance-name HealthExtension \
    --settings "@$here/health-extension-settings.json"

# 2. Existing VMs get the extension only when updated (new VMs get it at creation).
az vmss update-instances --resource-group "$RG" --name "$VMSS" --instance-ids '*'

# 3. Automatic repairs: replace a VM that stays Unhealthy (or Unknown) once 30 minutes have passed since it
#    was created or changed state.
az vmss update --resource-group "$RG" --name "$VMSS" \
    --enable-automatic-repairs true --automatic-repairs-grace-period 30 --automatic-repairs-action Replace

# Watch what the extension reports per VM:
#   az vmss get-instance-view -g "$RG" -n "$VMSS" --instance-id '*' \
#       --query '[].{vm:name, health:vmHealth.status.code}' -o table
# Suspend repairs during an incident that is not the VMs' fault:
#   az vmss update -g "$RG" -n "$VMSS" --enable-automatic-repairs false
