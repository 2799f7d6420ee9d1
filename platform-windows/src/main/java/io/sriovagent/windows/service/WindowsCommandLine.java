package io.sriovagent.windows.service;

import java.util.List;

/**
 * Joins arguments into one Windows command line that {@code CommandLineToArgvW} and the C runtime split back
 * into the same arguments: the SCM stores a service's command as a single string.
 */
final class WindowsCommandLine {

    private WindowsCommandLine() {
    }

    static String join(List<String> arguments) {
        StringBuilder line = new StringBuilder();
        for (String argument : arguments) {
            if (line.length() > 0) {
                line.append(' ');
            }
            appendQuoted(line, argument);
        }
        return line.toString();
    }

    /**
     * Quotes only when needed. Inside quotes, backslashes are literal except before a quote: a run of n
     * backslashes followed by a quote must be written as 2n backslashes and an escaped quote, and a run at the
     * very end (before the closing quote) as 2n backslashes.
     */
    private static void appendQuoted(StringBuilder line, String argument) {
        if (!argument.isEmpty() && argument.chars().noneMatch(c -> c == ' ' || c == '\t' || c == '\n'
                || c == 0x0B || c == '"')) {
            line.append(argument);
            return;
        }
        line.append('"');
        int backslashes = 0;
        for (int i = 0; i < argument.length(); i++) {
            char c = argument.charAt(i);
            if (c == '\\') {
                backslashes++;
                continue;
            }
            if (c == '"') {
                line.append("\\".repeat(backslashes * 2 + 1));
            } else {
                line.append("\\".repeat(backslashes));
            }
            backslashes = 0;
            line.append(c);
        }
        line.append("\\".repeat(backslashes * 2));
        line.append('"');
    }
}
