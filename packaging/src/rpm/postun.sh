# sriov-agent %postun: $1 is 0 after an erase, 1 after an upgrade; on upgrade the running agent moves to the
# new version (try-restart leaves a service the administrator stopped alone).
if [ -d /run/systemd/system ]; then
    systemctl daemon-reload >/dev/null 2>&1 || :
    if [ "$1" -ge 1 ]; then
        systemctl try-restart sriov-agent.service >/dev/null 2>&1 || :
    fi
fi
exit 0
