package io.sriovagent.windows.os;

/**
 * The running Windows version.
 *
 * @param major          major version (10, or 6 for Windows Server 2012 R2)
 * @param minor          minor version
 * @param build          build number (20348)
 * @param ubr            update build revision from the registry (2655), -1 when unreadable
 * @param client         true for client editions (Windows 10/11), false for servers
 * @param productName    the registry's ProductName ("Windows Server 2022 Datacenter"), null when unreadable
 * @param displayVersion the registry's DisplayVersion ("21H2"), else ReleaseId ("1809"); null when neither exists
 */
public record WindowsVersion(
        int major, int minor, int build, int ubr, boolean client, String productName, String displayVersion) {

    /** "10.0.20348" */
    public String buildString() {
        return major + "." + minor + "." + build;
    }

    /** "10.0.20348.2655", or "10.0.20348" when the revision is unknown. */
    public String fullString() {
        return ubr < 0 ? buildString() : buildString() + "." + ubr;
    }
}
