# sriov-agent %post: $1 is 1 on first install, 2 on upgrade (the restart after an upgrade is in %postun).
if [ -d /run/systemd/system ]; then
    systemctl daemon-reload >/dev/null 2>&1 || :
fi
if [ "$1" -eq 1 ]; then
    # enable, not preset: distributions' default presets disable new services, and a health agent that is
    # installed but off would leave the scale set's health probe answering Unknown.
    systemctl enable sriov-agent.service >/dev/null 2>&1 || :
    if [ -d /run/systemd/system ]; then
        systemctl start sriov-agent.service || echo "sriov-agent: the service did not start; see: journalctl -u sriov-agent" >&2
    fi
fi
exit 0
