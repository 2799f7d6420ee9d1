package io.sriovagent.windows.service;

import com.sun.jna.platform.win32.Winsvc;

/** A copy of one SERVICE_STATUS passed to SetServiceStatus. */
record RecordedStatus(int state, int accepted, int win32ExitCode, int specificExitCode, int checkPoint,
                      int waitHint) {

    static RecordedStatus of(Winsvc.SERVICE_STATUS status) {
        if (status.dwServiceType != 0x10) {
            throw new AssertionError("service type must be SERVICE_WIN32_OWN_PROCESS");
        }
        return new RecordedStatus(status.dwCurrentState, status.dwControlsAccepted, status.dwWin32ExitCode,
                status.dwServiceSpecificExitCode, status.dwCheckPoint, status.dwWaitHint);
    }

    static RecordedStatus pending(int state, int checkPoint, int waitHint) {
        return new RecordedStatus(state, 0, 0, 0, checkPoint, waitHint);
    }
}
