package io.sriovagent.windows.fake;

/** Every native call the probe makes, with the read-error source its failure must be recorded under. */
public enum NativeCall {
    SETUPDI_GET_CLASS_DEVS("setupapi"),
    SETUPDI_ENUM_DEVICE_INFO("setupapi"),
    SETUPDI_GET_DEVICE_REGISTRY_PROPERTY("setupapi"),
    SETUPDI_OPEN_DEV_REG_KEY("setupapi"),
    REG_QUERY_VALUE_EX("registry"),
    REG_OPEN_KEY_EX("registry"),
    CM_GET_DEVICE_ID("cfgmgr32"),
    CM_GET_DEVNODE_STATUS("cfgmgr32"),
    CM_GET_CHILD("cfgmgr32"),
    CM_GET_SIBLING("cfgmgr32"),
    GET_IF_TABLE2("iphlpapi"),
    RTL_GET_VERSION("os");

    private final String source;

    NativeCall(String source) {
        this.source = source;
    }

    public String source() {
        return source;
    }
}
