package io.sriovagent.linux.os;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The fields of an os-release file that matter here.
 *
 * @param id        {@code ID} ({@code ubuntu}, {@code rhel}), lower case; null when absent
 * @param versionId {@code VERSION_ID} ({@code 22.04}); null when absent (rolling distributions)
 */
public record OsRelease(String id, String versionId) {

    /**
     * Parses os-release text (freedesktop.org format): {@code KEY=value} lines, values unquoted or in single or
     * double quotes with backslash escapes; comments and other lines are skipped. Pure.
     */
    public static OsRelease parse(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String rawLine : text.lines().toList()) {
            String line = rawLine.strip();
            int equals = line.indexOf('=');
            if (line.isEmpty() || line.startsWith("#") || equals <= 0) {
                continue;
            }
            fields.put(line.substring(0, equals).strip(), unquote(line.substring(equals + 1).strip()));
        }
        String id = blankToNull(fields.get("ID"));
        return new OsRelease(id == null ? null : id.toLowerCase(Locale.ROOT), blankToNull(fields.get("VERSION_ID")));
    }

    private static String unquote(String value) {
        if (value.length() >= 2) {
            char first = value.charAt(0);
            if ((first == '"' || first == '\'') && value.charAt(value.length() - 1) == first) {
                String inner = value.substring(1, value.length() - 1);
                return first == '"' ? unescape(inner) : inner;
            }
        }
        return unescape(value);
    }

    private static String unescape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                c = value.charAt(++i);
            }
            out.append(c);
        }
        return out.toString();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
