package io.sriovagent.linux.pci;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the machine-readable output of {@code lspci -D -vmm -nn -k}: records separated by blank lines, each
 * line {@code Tag:<TAB>value}, with IDs in brackets after names ({@code Vendor:	Mellanox Technologies [15b3]}).
 *
 * <p>Pure: text in, records out. Lines that are not {@code Tag: value} and records without a valid
 * {@code Slot} are counted, not fatal, so one odd line keeps the rest; output with no record at all is for the
 * caller to judge (an Azure Gen2 VM without VFs has no PCI device, so empty output can be true).
 */
public final class LspciParser {

    /** What one run of lspci gave. */
    public record Listing(List<LspciDevice> devices, int badLines, List<String> firstBadLines) {
        public Listing {
            devices = List.copyOf(devices);
            firstBadLines = List.copyOf(firstBadLines);
        }
    }

    private static final int KEPT_BAD_LINES = 3;
    private static final Pattern TAG_LINE = Pattern.compile("([A-Za-z][A-Za-z0-9]*):\\s*(.*)");
    private static final Pattern NAME_AND_ID = Pattern.compile("(.*?)\\s*\\[([0-9a-fA-F]{4})\\]");
    private static final Pattern SLOT = Pattern.compile("(?:([0-9a-f]{4,8}):)?([0-9a-f]{2}:[0-9a-f]{2}\\.[0-7])");

    private LspciParser() {
    }

    public static Listing parse(String text) {
        List<LspciDevice> devices = new ArrayList<>();
        List<String> badLines = new ArrayList<>();
        int[] badCount = {0};
        Map<String, String> record = new LinkedHashMap<>();
        for (String rawLine : (text == null ? "" : text).lines().toList()) {
            String line = rawLine.strip();
            if (line.isEmpty()) {
                finish(record, devices, badLines, badCount);
                continue;
            }
            Matcher tag = TAG_LINE.matcher(line);
            if (!tag.matches()) {
                bad(line, badLines, badCount);
                continue;
            }
            // Repeated tags (several Module: lines) keep the first: only Driver: matters here.
            record.putIfAbsent(tag.group(1), tag.group(2).strip());
        }
        finish(record, devices, badLines, badCount);
        return new Listing(devices, badCount[0], badLines);
    }

    private static void finish(Map<String, String> record, List<LspciDevice> devices, List<String> badLines,
                               int[] badCount) {
        if (record.isEmpty()) {
            return;
        }
        String slot = normalizeSlot(record.get("Slot"));
        if (slot == null) {
            bad("record without a valid Slot: " + record.keySet(), badLines, badCount);
        } else {
            String[] pciClass = nameAndId(record.get("Class"));
            String[] vendor = nameAndId(record.get("Vendor"));
            String[] device = nameAndId(record.get("Device"));
            devices.add(new LspciDevice(slot, pciClass[1], pciClass[0], vendor[1], vendor[0], device[1], device[0],
                    blankToNull(record.get("Driver"))));
        }
        record.clear();
    }

    /** {@code Mellanox Technologies [15b3]} → {name, id}; a value without an ID keeps its name only. */
    private static String[] nameAndId(String value) {
        if (value == null || value.isBlank()) {
            return new String[] {null, null};
        }
        Matcher matcher = NAME_AND_ID.matcher(value);
        if (matcher.matches()) {
            return new String[] {blankToNull(matcher.group(1)), matcher.group(2).toLowerCase(Locale.ROOT)};
        }
        return new String[] {value, null};
    }

    /** lspci omits the domain 0000 without -D; both forms become {@code dddd:bb:ss.f}. */
    private static String normalizeSlot(String value) {
        if (value == null) {
            return null;
        }
        Matcher matcher = SLOT.matcher(value.toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            return null;
        }
        String domain = matcher.group(1) == null ? "0000" : matcher.group(1);
        return domain + ":" + matcher.group(2);
    }

    private static void bad(String line, List<String> badLines, int[] badCount) {
        badCount[0]++;
        if (badLines.size() < KEPT_BAD_LINES) {
            badLines.add(line.length() <= 60 ? line : line.substring(0, 57) + "...");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
