package io.sriovagent.linux;

import io.sriovagent.linux.ethtool.EthtoolStatsParser;
import io.sriovagent.linux.ethtool.NicStatistics;
import io.sriovagent.linux.ethtool.NicStatisticsSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Statistics source of fixture hosts: reads the {@code ethtool -S} text at {@code ROOT/fixture/ethtool/IFACE}. A
 * line {@code ERROR: <errno>} makes the read fail with that error, as a failing ioctl or command would; a missing
 * file fails with ENODEV, as an interface without statistics file would.
 */
final class FixtureStatisticsSource implements NicStatisticsSource {

    private final Path directory;

    FixtureStatisticsSource(Path root) {
        this.directory = root.resolve("fixture/ethtool");
    }

    @Override
    public NicStatistics read(String interfaceName) {
        String text;
        try {
            text = Files.readString(directory.resolve(interfaceName), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return NicStatistics.failed("ENODEV: no statistics fixture for " + interfaceName);
        }
        for (String line : text.lines().toList()) {
            if (line.startsWith("ERROR:")) {
                return NicStatistics.failed(line.substring("ERROR:".length()).strip());
            }
        }
        return EthtoolStatsParser.parse(text);
    }

    @Override
    public String name() {
        return "fixture";
    }
}
