package io.sriovagent.linux.os;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The numeric parts of a kernel release or distribution version, compared part by part as numbers
 * ({@code 4.11.0-1013} < {@code 4.15.0-1041}; {@code 7.10} > {@code 7.4}).
 *
 * <p>Parts are separated by {@code . - + ~ _}; the leading digits of each part count, and the first part that
 * does not start with a digit ends the number, so vendor suffixes are ignored: {@code 5.15.0-1089-azure} is
 * 5.15.0.1089, {@code 3.10.0-693.el7.x86_64} is 3.10.0.693, {@code 4.19.0-0.bpo.6-cloud-amd64} is 4.19.0.0.
 * Missing parts count as zero, so {@code 4.19} equals {@code 4.19.0}.
 */
public final class VersionNumber implements Comparable<VersionNumber> {

    private final List<Long> parts;
    private final String text;

    private VersionNumber(List<Long> parts, String text) {
        this.parts = List.copyOf(parts);
        this.text = text;
    }

    /** Empty when the text does not start with a number. */
    public static Optional<VersionNumber> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String trimmed = text.strip();
        List<Long> parts = new ArrayList<>();
        for (String part : trimmed.split("[.\\-+~_]")) {
            int digits = 0;
            while (digits < part.length() && digits < 18 && Character.isDigit(part.charAt(digits))) {
                digits++;
            }
            if (digits == 0) {
                break;
            }
            parts.add(Long.parseLong(part.substring(0, digits)));
            if (digits < part.length()) {
                break;
            }
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(new VersionNumber(parts, trimmed));
    }

    public List<Long> parts() {
        return parts;
    }

    @Override
    public int compareTo(VersionNumber other) {
        int length = Math.max(parts.size(), other.parts.size());
        for (int i = 0; i < length; i++) {
            int order = Long.compare(part(i), other.part(i));
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }

    private long part(int index) {
        return index < parts.size() ? parts.get(index) : 0;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VersionNumber version && compareTo(version) == 0;
    }

    @Override
    public int hashCode() {
        List<Long> significant = new ArrayList<>(parts);
        while (!significant.isEmpty() && significant.get(significant.size() - 1) == 0) {
            significant.remove(significant.size() - 1);
        }
        return significant.hashCode();
    }

    /** The text it was parsed from. */
    @Override
    public String toString() {
        return text;
    }
}
