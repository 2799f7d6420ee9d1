package io.sriovagent.windows.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class WindowsCommandLineTest {

    @Test
    void quotesOnlyArgumentsThatNeedIt() {
        assertEquals("\"C:\\Program Files\\Java\\jdk-17\\bin\\java.exe\" -Xrs -jar "
                        + "\"C:\\Program Files\\sriov-agent\\sriov-agent.jar\" service run --listen 127.0.0.1:9798",
                WindowsCommandLine.join(List.of("C:\\Program Files\\Java\\jdk-17\\bin\\java.exe", "-Xrs", "-jar",
                        "C:\\Program Files\\sriov-agent\\sriov-agent.jar", "service", "run", "--listen",
                        "127.0.0.1:9798")));
    }

    @Test
    void backslashesAreLiteralUnlessBeforeAQuote() {
        assertEquals("C:\\dir\\file", WindowsCommandLine.join(List.of("C:\\dir\\file")));
        assertEquals("\"C:\\my dir\\\\\"", WindowsCommandLine.join(List.of("C:\\my dir\\")),
                "a trailing backslash is doubled before the closing quote");
        assertEquals("\"say \\\"hi\\\"\"", WindowsCommandLine.join(List.of("say \"hi\"")));
        assertEquals("\"a\\\\\\\"b\"", WindowsCommandLine.join(List.of("a\\\"b")),
                "a backslash before a quote becomes three backslashes and the quote");
    }

    @Test
    void emptyAndWhitespaceArgumentsSurvive() {
        assertEquals("a \"\" \"b\tc\"", WindowsCommandLine.join(List.of("a", "", "b\tc")));
    }
}
