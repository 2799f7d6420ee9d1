package io.sriovagent.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sriovagent.check.DatapathThresholds;
import io.sriovagent.check.ExpectVf;
import io.sriovagent.daemon.ListenAddress;
import io.sriovagent.probe.ProbeSettings;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns flags, environment variables and the config file into an {@link AgentConfig}, with the precedence
 * flag &gt; environment &gt; file &gt; default. Every error names where the bad value came from (the flag, the
 * variable, or the file and key) and what is accepted.
 */
public final class ConfigResolver {

    /** One option value and where it came from, for error messages. */
    private record Raw(String text, String origin) {
    }

    /** Flags that are not options: they belong to a command, not to the configuration. */
    public record CommandFlags(boolean json, boolean help) {
    }

    public record Resolved(AgentConfig config, CommandFlags flags) {
    }

    private static final String CONFIG_FLAG = "config";
    private static final String CONFIG_ENV = "SRIOV_AGENT_CONFIG";

    private final Map<String, String> environment;

    public ConfigResolver(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /**
     * @param args         the arguments after the command word
     * @param allowJson    whether {@code --json} is accepted (only {@code check} has it)
     */
    public Resolved resolve(List<String> args, boolean allowJson) throws UsageException {
        Map<OptionSpec, Raw> fromFlags = new EnumMap<>(OptionSpec.class);
        String configFile = null;
        boolean json = false;
        boolean help = false;
        Iterator<String> it = args.iterator();
        while (it.hasNext()) {
            String arg = it.next();
            if (arg.equals("--help") || arg.equals("-h")) {
                help = true;
                continue;
            }
            if (!arg.startsWith("--")) {
                throw new UsageException("unexpected argument \"" + arg + "\" (options start with --; see --help)");
            }
            int equals = arg.indexOf('=');
            String name = arg.substring(2, equals < 0 ? arg.length() : equals);
            String inlineValue = equals < 0 ? null : arg.substring(equals + 1);
            if (name.equals("json") && allowJson) {
                json = inlineValue == null || parseBoolean(inlineValue, "--json");
                continue;
            }
            if (name.equals(CONFIG_FLAG)) {
                configFile = inlineValue != null ? inlineValue : takeValue(it, "--config", "FILE");
                continue;
            }
            OptionSpec spec = OptionSpec.byName(name).orElseThrow(() -> new UsageException(
                    "unknown option --" + name + " (known: " + knownFlags(allowJson) + ")"));
            String value = inlineValue != null ? inlineValue
                    : spec.isSwitch() ? "true" : takeValue(it, spec.flag(), spec.valueHint());
            fromFlags.put(spec, new Raw(value, spec.flag()));
        }
        if (configFile == null) {
            configFile = environment.get(CONFIG_ENV);
        }
        Map<OptionSpec, Raw> merged = new EnumMap<>(OptionSpec.class);
        if (configFile != null) {
            merged.putAll(readConfigFile(Path.of(configFile)));
        }
        for (OptionSpec spec : OptionSpec.values()) {
            String value = environment.get(spec.environmentVariable());
            if (value != null) {
                merged.put(spec, new Raw(value, spec.environmentVariable()));
            }
        }
        merged.putAll(fromFlags);
        return new Resolved(build(merged), new CommandFlags(json, help));
    }

    private AgentConfig build(Map<OptionSpec, Raw> values) throws UsageException {
        return new AgentConfig(
                Path.of(text(values, OptionSpec.HOST_ROOT)),
                convert(values, OptionSpec.ETHTOOL, ConfigResolver::ethtoolSource),
                nonEmpty(values, OptionSpec.ETHTOOL_COMMAND),
                nonEmpty(values, OptionSpec.LSPCI_COMMAND),
                convert(values, OptionSpec.INTERVAL, text -> seconds(text, false)),
                convert(values, OptionSpec.WINDOW, text -> seconds(text, false)),
                convert(values, OptionSpec.GRACE, text -> seconds(text, true)),
                convert(values, OptionSpec.EXPECT_VF, ExpectVf::parse),
                convert(values, OptionSpec.LISTEN, ListenAddress::parse),
                values.containsKey(OptionSpec.METRICS_LISTEN)
                        ? convert(values, OptionSpec.METRICS_LISTEN, ListenAddress::parse) : null,
                convert(values, OptionSpec.DEBUG, text -> parseBoolean(text)),
                new DatapathThresholds(
                        convert(values, OptionSpec.DATAPATH_MIN_PPS, text -> number(text, 0, 1e9)),
                        convert(values, OptionSpec.DATAPATH_MIN_VF_SHARE, text -> number(text, 0, 1))),
                convert(values, OptionSpec.FLAP_LIMIT, ConfigResolver::positiveInt),
                convert(values, OptionSpec.COMMAND_TIMEOUT, text -> seconds(text, false)));
    }

    private static String text(Map<OptionSpec, Raw> values, OptionSpec spec) {
        Raw raw = values.get(spec);
        return raw != null ? raw.text() : spec.defaultValue().orElseThrow();
    }

    private static String nonEmpty(Map<OptionSpec, Raw> values, OptionSpec spec) throws UsageException {
        return convert(values, spec, text -> {
            if (text.isBlank()) {
                throw new IllegalArgumentException("expected a command name or path, got an empty value");
            }
            return text;
        });
    }

    private static <T> T convert(Map<OptionSpec, Raw> values, OptionSpec spec, Function<String, T> parser)
            throws UsageException {
        Raw raw = values.get(spec);
        String text = raw != null ? raw.text() : spec.defaultValue().orElseThrow();
        try {
            return parser.apply(text.strip());
        } catch (IllegalArgumentException e) {
            String origin = raw != null ? raw.origin() : spec.flag() + " default";
            throw new UsageException(origin + ": " + e.getMessage());
        }
    }

    private Map<OptionSpec, Raw> readConfigFile(Path file) throws UsageException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UsageException("config file " + file + ": cannot read it: " + describe(e));
        }
        if (root == null || !root.isObject()) {
            throw new UsageException("config file " + file + ": expected a JSON object of option names to values");
        }
        Map<OptionSpec, Raw> values = new EnumMap<>(OptionSpec.class);
        for (Iterator<Map.Entry<String, JsonNode>> fields = root.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String origin = "config file " + file + ": key \"" + field.getKey() + "\"";
            OptionSpec spec = OptionSpec.byName(field.getKey()).orElseThrow(() -> new UsageException(
                    origin + " is not an option (known: " + Arrays.stream(OptionSpec.values())
                            .map(OptionSpec::optionName).collect(Collectors.joining(", ")) + ")"));
            values.put(spec, new Raw(scalar(field.getValue(), origin), origin));
        }
        return values;
    }

    private static String scalar(JsonNode node, String origin) throws UsageException {
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isNumber() || node.isBoolean()) {
            return node.asText();
        }
        if (node.isArray()) {
            List<String> items = new ArrayList<>();
            for (JsonNode item : node) {
                if (!item.isTextual()) {
                    throw new UsageException(origin + ": a list may hold only strings");
                }
                items.add(item.textValue());
            }
            return String.join(",", items);
        }
        throw new UsageException(origin + ": expected a string, number or boolean");
    }

    private static String describe(IOException e) {
        String kind = e.getClass().getSimpleName().replace("Exception", "");
        return e.getMessage() == null ? kind : kind + " (" + e.getMessage().lines().findFirst().orElse("") + ")";
    }

    private static String takeValue(Iterator<String> it, String flag, String hint) throws UsageException {
        if (!it.hasNext()) {
            throw new UsageException(flag + " needs a value: " + flag + " " + hint);
        }
        return it.next();
    }

    private static String knownFlags(boolean allowJson) {
        List<String> flags = new ArrayList<>(Arrays.stream(OptionSpec.values()).map(OptionSpec::flag).toList());
        flags.add("--config");
        if (allowJson) {
            flags.add("--json");
        }
        return String.join(", ", flags);
    }

    private static ProbeSettings.EthtoolSource ethtoolSource(String text) {
        return switch (text) {
            case "ioctl" -> ProbeSettings.EthtoolSource.IOCTL;
            case "command" -> ProbeSettings.EthtoolSource.COMMAND;
            default -> throw new IllegalArgumentException("expected ioctl or command, got \"" + text + "\"");
        };
    }

    private static Duration seconds(String text, boolean zeroAllowed) {
        BigDecimal value;
        try {
            value = new BigDecimal(text);
        } catch (NumberFormatException e) {
            value = null;
        }
        // Timers, windows and timeouts work in milliseconds: a positive value below one would become zero.
        BigDecimal least = zeroAllowed ? BigDecimal.ZERO : new BigDecimal("0.001");
        boolean valid = value != null && value.compareTo(least) >= 0
                && value.compareTo(BigDecimal.valueOf(86_400 * 7)) <= 0;
        if (!valid) {
            throw new IllegalArgumentException("expected a number of seconds from " + least.toPlainString()
                    + " to a week (604800), got \"" + text + "\"");
        }
        return Duration.ofNanos(value.movePointRight(9).longValue());
    }

    private static double number(String text, double min, double max) {
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            value = Double.NaN;
        }
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException("expected a number from " + trim(min) + " to " + trim(max)
                    + ", got \"" + text + "\"");
        }
        return value;
    }

    private static int positiveInt(String text) {
        try {
            int value = Integer.parseInt(text);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("expected a whole number > 0, got \"" + text + "\"");
    }

    private static boolean parseBoolean(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw new IllegalArgumentException("expected true or false, got \"" + text + "\"");
        };
    }

    private static boolean parseBoolean(String text, String origin) throws UsageException {
        try {
            return parseBoolean(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException(origin + ": " + e.getMessage());
        }
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    /** The help text of the options, one per line, for {@code --help}. */
    public static String optionsHelp() {
        StringBuilder out = new StringBuilder();
        for (OptionSpec spec : OptionSpec.values()) {
            String flag = spec.flag() + (spec.isSwitch() ? "" : " " + spec.valueHint());
            out.append(String.format(Locale.ROOT, "  %-38s %s%s%n", flag, spec.help(),
                    spec.isSwitch() ? "" : spec.defaultValue().map(d -> " (default " + d + ")").orElse("")));
        }
        out.append(String.format(Locale.ROOT, "  %-38s %s%n", "--config FILE",
                "JSON file of option names to values (also " + CONFIG_ENV + ")"));
        return out.toString();
    }
}
