package io.sriovagent.windows.device;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ProblemCodesTest {

    @Test
    void describesTheCodesThatMatterForVfs() {
        assertEquals("problem code 10: This device cannot start", ProblemCodes.describe(10));
        assertEquals("problem code 22: This device is disabled", ProblemCodes.describe(22));
        assertEquals("problem code 28: The drivers for this device are not installed", ProblemCodes.describe(28));
        assertEquals("problem code 31: This device is not working properly because Windows cannot load the "
                + "drivers required for this device", ProblemCodes.describe(31));
        assertEquals("problem code 39: Windows cannot load the device driver for this hardware; the driver may be "
                + "corrupted or missing", ProblemCodes.describe(39));
        assertEquals("problem code 43: Windows stopped this device because it has reported problems",
                ProblemCodes.describe(43));
        assertEquals("problem code 45: This hardware device is not connected to the computer",
                ProblemCodes.describe(45));
    }

    @Test
    void unknownCodesPointToDeviceManager() {
        assertEquals("problem code 99 (see the device in Device Manager)", ProblemCodes.describe(99));
    }
}
