package io.sriovagent.linux.ethtool;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the text of {@code ethtool -S IFACE}: a header line {@code NIC statistics:} followed by
 * {@code name: value} lines, or {@code no stats available} from drivers without statistics.
 *
 * <p>Pure: text in, values out. Names are taken as printed after trimming (drivers use odd names, some with
 * spaces or colons, so the value is whatever follows the last colon). Lines that are not statistics are
 * skipped and counted in the detail, so one odd line does not lose the rest; output with no statistic at all
 * is a failure, not "no traffic".
 */
public final class EthtoolStatsParser {

    private static final int MAX_REPORTED_BAD_LINES = 3;

    private EthtoolStatsParser() {
    }

    public static NicStatistics parse(String text) {
        if (text == null || text.isBlank()) {
            return NicStatistics.failed("ethtool printed nothing");
        }
        Map<String, Long> values = new LinkedHashMap<>();
        List<String> badLines = new ArrayList<>();
        int badLineCount = 0;
        for (String rawLine : text.lines().toList()) {
            String line = rawLine.strip();
            if (line.isEmpty() || line.equals("NIC statistics:")) {
                continue;
            }
            if (line.equalsIgnoreCase("no stats available")) {
                return NicStatistics.notSupported("the driver reports no statistics (\"no stats available\")");
            }
            int colon = line.lastIndexOf(':');
            Long value = colon > 0 ? parseCounter(line.substring(colon + 1).strip()) : null;
            if (value == null) {
                badLineCount++;
                if (badLines.size() < MAX_REPORTED_BAD_LINES) {
                    badLines.add(abbreviate(line));
                }
                continue;
            }
            values.put(line.substring(0, colon).strip(), value);
        }
        if (values.isEmpty()) {
            return NicStatistics.failed("ethtool output has no statistics; first lines: " + String.join(" | ", badLines));
        }
        String detail = badLineCount == 0 ? null
                : "skipped " + badLineCount + " unparseable line(s): " + String.join(" | ", badLines);
        return new NicStatistics(NicStatistics.Outcome.READ, values, detail);
    }

    /** Counters are unsigned 64-bit in the kernel; values above Long.MAX_VALUE wrap to negative Java longs. */
    private static Long parseCounter(String text) {
        if (text.isEmpty() || text.length() > 20) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
        }
        try {
            return Long.parseUnsignedLong(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Short and printable: the line ends up in a one-line read error. */
    private static String abbreviate(String line) {
        String cut = line.length() <= 60 ? line : line.substring(0, 57) + "...";
        StringBuilder printable = new StringBuilder(cut.length());
        for (int i = 0; i < cut.length(); i++) {
            char c = cut.charAt(i);
            printable.append(Character.isISOControl(c) ? '?' : c);
        }
        return printable.toString();
    }
}
