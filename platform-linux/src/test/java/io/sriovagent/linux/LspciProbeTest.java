package io.sriovagent.linux;

import static io.sriovagent.linux.Evaluations.errorSubjects;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sriovagent.host.HostSnapshot;
import io.sriovagent.host.PciFunction;
import io.sriovagent.host.ReadError;
import io.sriovagent.linux.exec.CommandResult;
import io.sriovagent.linux.exec.CommandRunner;
import io.sriovagent.linux.pci.LspciRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * lspci runs once per set of VF functions; when it is absent, hangs, fails or prints nonsense (real scripts run
 * as {@code --lspci-command}), the probe carries on from sysfs and the built-in names and says so once.
 */
class LspciProbeTest {

    private static final String BASE = "cx4lx-gen1-2nic.hosttree";
    private static final String FALLBACK = "; VF models come from sysfs and the built-in ID table";

    @TempDir
    Path root;
    @TempDir
    Path bin;

    private final List<LogRecord> logged = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final Logger logger = Logger.getLogger(LinuxPlatformProbe.class.getName());

    @BeforeEach
    void captureLog() {
        logger.addHandler(capture);
    }

    @AfterEach
    void releaseLog() {
        logger.removeHandler(capture);
    }

    @Test
    void runsOnlyWhenTheSetOfVfFunctionsChanges() {
        FixtureHost host = FixtureHost.of(root, BASE);

        host.probe();
        host.probe();
        host.probe();
        assertEquals(1, host.lspci().runs());
        host.overlay("cx4lx-gen1-2nic.vf-removed.hosttree");
        host.probe();
        host.probe();
        assertEquals(2, host.lspci().runs());
        host.overlay(BASE);
        host.probe();
        assertEquals(3, host.lspci().runs());
    }

    @Test
    void absentLspciIsReportedOncePerTopologyAndLoggedOnce() {
        FixtureHost host = withLspci(command(bin.resolve("no-such-lspci").toString(), Duration.ofSeconds(5)));

        HostSnapshot first = host.probe();
        HostSnapshot second = host.probe();
        host.overlay("cx4lx-gen1-2nic.vf-removed.hosttree");
        HostSnapshot third = host.probe();

        assertEquals(List.of("lspci lspci"), errorSubjects(first));
        String message = first.readErrors().get(0).message();
        assertTrue(message.startsWith(bin.resolve("no-such-lspci") + " is not installed or cannot be run"), message);
        assertTrue(message.endsWith(FALLBACK), message);
        assertEquals(List.of(), second.readErrors(), "not again while the VF functions stay the same");
        assertEquals(List.of("lspci lspci"), errorSubjects(third), "the VF functions changed: lspci was tried again");
        assertEquals(List.of("ConnectX-4 Lx Virtual Function", "ConnectX-4 Lx Virtual Function"),
                first.vfFunctions().stream().map(PciFunction::model).toList());
        assertEquals(1, logged.size(), "logged once: " + logged.stream().map(LogRecord::getMessage).toList());
    }

    @Test
    void hangingLspciIsStoppedAtTheDeadline() throws IOException {
        Path lspci = script("hanging-lspci", "sleep 60");
        FixtureHost host = withLspci(command(lspci.toString(), Duration.ofMillis(300)));

        HostSnapshot first = host.probe();
        HostSnapshot second = host.probe();

        assertEquals(List.of(lspci + " did not finish in time and was stopped" + FALLBACK), messages(first));
        assertEquals(List.of(), second.readErrors());
        assertEquals("ConnectX-4 Lx Virtual Function", second.vfFunctions().get(0).model());
    }

    @Test
    void lspciPrintingNonsenseIsNotTrusted() throws IOException {
        Path lspci = script("garbage-lspci",
                "printf 'Lorem ipsum dolor sit amet\\n\\x01\\x02 zz\\n7c4b-00-02-0 vendor=15b3\\n'");
        FixtureHost host = withLspci(command(lspci.toString(), Duration.ofSeconds(5)));

        HostSnapshot first = host.probe();

        assertEquals(1, first.readErrors().size());
        String message = first.readErrors().get(0).message();
        assertTrue(message.startsWith("lspci printed no device records (first lines: Lorem ipsum dolor sit amet"),
                message);
        assertEquals("ConnectX-4 Lx Virtual Function", first.vfFunctions().get(1).model());
    }

    @Test
    void lspciFailingWithAnExitStatusIsReported() throws IOException {
        Path lspci = script("failing-lspci", "echo 'lspci: cannot open /sys/bus/pci' >&2; exit 3");
        FixtureHost host = withLspci(command(lspci.toString(), Duration.ofSeconds(5)));

        assertEquals(List.of(lspci + " exited with status 3: lspci: cannot open /sys/bus/pci" + FALLBACK),
                messages(host.probe()));
    }

    @Test
    void warningOnStandardErrorIsNoFailure() throws IOException {
        // lspci -k prints this on machines without kernel module files (seen on the build machine), and exits 0.
        Path lspci = script("warning-lspci", "cat '" + root.resolve("fixture/lspci")
                + "'; echo 'lspci: Unable to load libkmod resources: error -2' >&2");
        FixtureHost host = withLspci(command(lspci.toString(), Duration.ofSeconds(5)));

        HostSnapshot first = host.probe();

        assertEquals(List.of(), first.readErrors());
        assertEquals("ConnectX-4 Lx Virtual Function", first.vfFunctions().get(0).model());
    }

    @Test
    void disagreementWithSysfsIsReportedAndSysfsWins() throws IOException {
        FixtureHost.of(root, BASE);
        String listing = Files.readString(root.resolve("fixture/lspci"))
                .replaceFirst("(?s)(Slot:\t7c4b:00:02\\.0.*?Device:\t)MT27710 Family \\[ConnectX-4 Lx Virtual Function] "
                        + "\\[1016]", "$1MT27800 Family [ConnectX-5 Virtual Function] [1018]")
                .replaceFirst("(?s)(Slot:\ta3f0:00:02\\.0.*?Driver:\t)mlx5_core", "$1vfio-pci");
        FixtureHost host = withLspci(() -> new CommandResult(List.of("lspci"), CommandResult.Outcome.EXITED, 0,
                listing, ""));

        HostSnapshot first = host.probe();

        assertEquals(List.of(
                "7c4b:00:02.0: lspci reports 15b3:1018, sysfs 15b3:1016; sysfs is used",
                "a3f0:00:02.0: lspci reports driver vfio-pci, sysfs mlx5_core; sysfs is used"),
                first.readErrors().stream().map(error -> error.subject() + ": " + error.message()).toList());
        assertEquals("lspci", first.readErrors().get(0).source());
        assertEquals("1016", first.vfFunctions().get(0).deviceId());
        assertEquals("ConnectX-4 Lx Virtual Function", first.vfFunctions().get(0).model());
        assertEquals("mlx5_core", first.vfFunctions().get(1).driver().driver());
        assertEquals(List.of(), host.probe().readErrors());
    }

    private FixtureHost withLspci(LspciRunner lspci) {
        return FixtureHost.builder(root, BASE).lspci(lspci).build();
    }

    private static LspciRunner command(String executable, Duration timeout) {
        return LspciRunner.command(new CommandRunner(timeout), executable);
    }

    private Path script(String name, String body) throws IOException {
        Path script = bin.resolve(name);
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    private static List<String> messages(HostSnapshot snapshot) {
        return snapshot.readErrors().stream().map(ReadError::message).toList();
    }
}
