# sriov-agent %preun: $1 is 0 when the package is being erased, 1 when it is being upgraded.
if [ "$1" -eq 0 ]; then
    if [ -d /run/systemd/system ]; then
        systemctl stop sriov-agent.service >/dev/null 2>&1 || :
    fi
    systemctl disable sriov-agent.service >/dev/null 2>&1 || :
fi
exit 0
