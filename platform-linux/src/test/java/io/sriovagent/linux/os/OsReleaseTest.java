package io.sriovagent.linux.os;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class OsReleaseTest {

    @Test
    void readsQuotedAndUnquotedValues() {
        // From lisa-osrelease-uname-ubuntu2004-5.15.0-1089-azure.txt.
        assertEquals(new OsRelease("ubuntu", "20.04"), OsRelease.parse("""
                NAME="Ubuntu"
                VERSION="20.04.6 LTS (Focal Fossa)"
                ID=ubuntu
                ID_LIKE=debian
                PRETTY_NAME="Ubuntu 20.04.6 LTS"
                VERSION_ID="20.04"
                VERSION_CODENAME=focal
                """));
        assertEquals(new OsRelease("sles", "12.3"), OsRelease.parse("ID=\"sles\"\nVERSION_ID='12.3'\n"));
        assertEquals(new OsRelease("rhel", "7.9"), OsRelease.parse("# comment\nID=RHEL\n\nVERSION_ID=7.9\n"));
        assertEquals(new OsRelease("x", "a\"b"), OsRelease.parse("ID=x\nVERSION_ID=\"a\\\"b\"\n"));
    }

    @Test
    void missingFieldsAreNull() {
        assertEquals(new OsRelease("talos", null), OsRelease.parse("ID=talos\n"));
        assertEquals(new OsRelease(null, null), OsRelease.parse("garbage\n=\nID=\n"));
    }
}
