package org.medcard.terminal.config;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.medcard.queue.OfflineMode;

/**
 * Reads {@code medcard.properties} (UTF-8), applies command-line overrides, validates every value, and
 * returns a frozen {@link TerminalConfig} with the warnings to show (unknown keys). All problems are
 * collected and reported together, each naming its key and the fix, so a technician fixes the file in one go.
 *
 * <p>With no file at all the terminal runs in training mode: the simulator's reader, a software PSAM and
 * the embedded simulated center.
 */
public final class ConfigLoader {

    /** The keys this version understands, with their defaults ({@code ""}: none). */
    static final Map<String, String> DEFAULTS = defaults();

    /** A loaded configuration and what the operator should be warned about. */
    public record Loaded(TerminalConfig config, List<String> warnings) {
        public Loaded {
            warnings = List.copyOf(warnings);
        }
    }

    private final Path defaultDataDir;

    public ConfigLoader(Path defaultDataDir) {
        this.defaultDataDir = defaultDataDir;
    }

    /** The user's application-data folder for MedCard on this operating system. */
    public static Path userDataDir(Map<String, String> env, String osName, Path home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            return appData != null ? Path.of(appData, "MedCard") : home.resolve("AppData/Roaming/MedCard");
        }
        if (os.contains("mac")) {
            return home.resolve("Library/Application Support/MedCard");
        }
        String xdg = env.get("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local/share")).resolve("medcard");
    }

    /** Loads {@code file} if it exists (a missing file means all defaults), then applies {@code overrides}. */
    public Loaded load(Path file, Map<String, String> overrides) {
        Map<String, String> values = new LinkedHashMap<>(DEFAULTS);
        List<String> warnings = new ArrayList<>();
        Set<String> duplicated = Set.of();
        String source = file == null ? "(defaults)" : file.toString();
        if (file != null && Files.exists(file)) {
            Set<String> duplicates = new TreeSet<>();
            Properties props = duplicateFinding(duplicates);
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                props.load(in);
            } catch (IOException | IllegalArgumentException e) {
                throw new ConfigException(source, List.of(new ConfigException.Problem("(file)",
                        "cannot be read: " + e.getMessage(), "check the file's permissions and that it is a UTF-8 properties file")));
            }
            for (String key : new TreeSet<>(props.stringPropertyNames())) {
                if (!DEFAULTS.containsKey(key)) {
                    warnings.add("unknown key '" + key + "' in " + file + " is ignored (known keys: see docs/configuration.md)");
                    continue;
                }
                values.put(key, props.getProperty(key).trim());
            }
            duplicated = duplicates;
        }
        overrides.forEach((k, v) -> {
            if (!DEFAULTS.containsKey(k)) {
                throw new IllegalArgumentException("unknown configuration key " + k);
            }
            values.put(k, v);
        });
        Validator validator = new Validator(values, source);
        // A key written twice used to take the last value silently: which one the technician meant is unknown.
        duplicated.forEach(key -> validator.problem(key, "is written more than once in " + file,
                "keep one line for " + key + " and delete the others"));
        TerminalConfig config = validator.validate();
        warnings.addAll(limitWarnings(config.offlineLimits()));
        return new Loaded(config, warnings);
    }

    /** Properties that note every key met a second time (Properties.load keeps the last value without a word). */
    private static Properties duplicateFinding(Set<String> duplicates) {
        return new Properties() {
            @Override
            public synchronized Object put(Object key, Object value) {
                if (containsKey(key)) {
                    duplicates.add(String.valueOf(key));
                }
                return super.put(key, value);
            }
        };
    }

    /** Limits that cannot all bind: a sale allowed by per_sale would be refused by per_card_per_day anyway. */
    private static List<String> limitWarnings(OfflineLimitsConfig limits) {
        List<String> w = new ArrayList<>();
        if (limits.perSaleFen() > limits.perCardPerDayFen()) {
            w.add("offline.limit.per_sale (" + Money.formatYuan(limits.perSaleFen()) + ") is above offline.limit.per_card_per_day ("
                    + Money.formatYuan(limits.perCardPerDayFen()) + "): an offline sale is never allowed more than the day's"
                    + " limit per card; check both values");
        }
        if (limits.perSaleFen() > limits.terminalTotalFen()) {
            w.add("offline.limit.per_sale (" + Money.formatYuan(limits.perSaleFen()) + ") is above offline.limit.terminal_total ("
                    + Money.formatYuan(limits.terminalTotalFen()) + "); check both values");
        }
        return w;
    }

    private static Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("institution.code", "P11010100001");
        d.put("institution.name", "Training pharmacy");
        d.put("institution.region", "110101");
        d.put("institution.kind", "PHARMACY");
        d.put("terminal.number", "01");
        d.put("reader", "simulator");
        d.put("psam", "simulator");
        d.put("pcsc.provider", "jna");
        d.put("center.url", "embedded");
        d.put("center.truststore", "");
        d.put("center.truststore.password", "");
        d.put("center.truststore.type", "PKCS12");
        d.put("center.keystore", "");
        d.put("center.keystore.password", "");
        d.put("center.keystore.type", "PKCS12");
        d.put("center.connect_timeout_ms", "2000");
        d.put("center.request_timeout_ms", "5000");
        d.put("offline.mode", "STORE_AND_FORWARD");
        d.put("offline.limit.per_sale", "500.00");
        d.put("offline.limit.per_card_per_day", "1000.00");
        d.put("offline.limit.terminal_total", "20000.00");
        d.put("offline.limit.oldest_hours", "72");
        d.put("pin.exempt_below", "0.00");
        d.put("resettle.max_days", "90");
        d.put("printer", "none");
        d.put("receipt.font", "");
        d.put("receipt.paper", "80mm");
        d.put("language", "zh_CN");
        d.put("data.dir", "");
        d.put("data.min_free_mb", "50");
        return Map.copyOf(d);
    }

    /** Validates one map of values, collecting every problem. */
    private final class Validator {
        private final Map<String, String> v;
        private final String source;
        private final List<ConfigException.Problem> problems = new ArrayList<>();

        Validator(Map<String, String> values, String source) {
            this.v = values;
            this.source = source;
        }

        TerminalConfig validate() {
            String code = match("institution.code", "[A-Z][0-9]{11}", "12 characters: a capital letter and 11 digits, e.g. P11010100001");
            String region = match("institution.region", "[0-9]{6}", "the 6-digit administrative division code, e.g. 110101");
            String number = match("terminal.number", "[0-9]{2}", "this terminal's 2-digit number within the institution, e.g. 01");
            String name = v.get("institution.name");
            if (name.isBlank()) {
                problem("institution.name", "is empty", "write the institution's name as it should appear on receipts");
            }
            TerminalKind kind = oneOf("institution.kind", TerminalKind.class);
            DeviceChoice reader = parse("reader", s -> DeviceChoice.parse(s, false), "simulator, pcsc:READER NAME or serial:/dev/ttyUSB0");
            DeviceChoice psam = parse("psam", s -> DeviceChoice.parse(s, true), "simulator, pcsc:READER NAME, serial:/dev/ttyUSB0 or soft:/path/to/keyfile");
            String pcscProvider = v.get("pcsc.provider").trim().toLowerCase(Locale.ROOT);
            if (!(pcscProvider.equals("jna") || pcscProvider.equals("sun"))) {
                problem("pcsc.provider", "'" + v.get("pcsc.provider") + "' is not a PC/SC provider",
                        "jna (ours, recovers when the smart-card service restarts) or sun (the JDK's SunPCSC)");
            }
            URI center = center();
            Path trustStore = optionalFile("center.truststore");
            CenterTls tls = centerTls(trustStore);
            Duration connect = millis("center.connect_timeout_ms");
            Duration request = millis("center.request_timeout_ms");
            OfflineMode mode = oneOf("offline.mode", OfflineMode.class);
            Long perSale = yuan("offline.limit.per_sale");
            Long perCard = yuan("offline.limit.per_card_per_day");
            Long total = yuan("offline.limit.terminal_total");
            Integer hours = positiveInt("offline.limit.oldest_hours");
            Long pinExempt = yuan("pin.exempt_below");
            Integer maxDays = positiveInt("resettle.max_days");
            String printer = printer();
            ReceiptSettings receipt = receipt();
            Locale language = language();
            Path dataDir = v.get("data.dir").isBlank() ? defaultDataDir : path("data.dir");
            Integer minFreeMb = positiveInt("data.min_free_mb");
            if (!problems.isEmpty()) {
                throw new ConfigException(source, problems);
            }
            return new TerminalConfig(code, name, region, kind, number, reader, psam, center, trustStore, connect, request,
                    mode, new OfflineLimitsConfig(perSale, perCard, total, Duration.ofHours(hours)), pinExempt, maxDays,
                    printer, language, dataDir, receipt, tls, pcscProvider, minFreeMb * 1024L * 1024L);
        }

        /** The trust and key stores are opened now, so a wrong password or type stops the start with its key named. */
        private CenterTls centerTls(Path trustStore) {
            String trustType = storeType("center.truststore.type");
            Path keyStore = optionalFile("center.keystore");
            String keyType = storeType("center.keystore.type");
            CenterTls tls = new CenterTls(trustStore, v.get("center.truststore.password"), trustType, keyStore,
                    v.get("center.keystore.password"), keyType);
            checkStore(trustStore, tls.trustStorePassword(), trustType, "center.truststore");
            checkStore(keyStore, tls.keyStorePassword(), keyType, "center.keystore");
            return tls;
        }

        private String storeType(String key) {
            String s = v.get(key).toUpperCase(Locale.ROOT);
            if (!(s.equals("PKCS12") || s.equals("JKS"))) {
                problem(key, "'" + v.get(key) + "' is not a key store type", "PKCS12 (keytool's default) or JKS");
                return "PKCS12";
            }
            return s;
        }

        private void checkStore(Path file, String password, String type, String key) {
            if (file == null || !Files.isReadable(file)) {
                return;
            }
            try {
                org.medcard.terminal.security.CenterTlsContext.load(file, password, type, key);
            } catch (IllegalArgumentException e) {
                problem(key, e.getMessage(), "give the right " + key + ".password / " + key + ".type, or a store made with keytool");
            }
        }

        private URI center() {
            String s = v.get("center.url");
            if (s.equalsIgnoreCase("embedded")) {
                return null;
            }
            try {
                URI uri = new URI(s);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
                    problem("center.url", "'" + s + "' is not an http(s) URL", "write e.g. https://center.example:8443 or 'embedded'");
                } else if (uri.getPort() > 65535 || uri.getPort() == 0) {
                    problem("center.url", "port " + uri.getPort() + " does not exist (ports are 1 to 65535)",
                            "write the center's port, e.g. https://" + uri.getHost() + ":8443/");
                } else if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
                    problem("center.url", "'" + s + "' has a user name, a query (?…) or a fragment (#…): the terminal adds"
                            + " api/tx to the URL's path", "write only scheme, host, port and path, e.g. https://center.example:8443/");
                } else if (scheme.equals("http") && !isLoopback(uri.getHost())) {
                    problem("center.url", "plain http to " + uri.getHost() + " is not allowed (anyone on the network could read"
                            + " and change the messages)", "write https://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "")
                            + "/ and set center.truststore to the center's CA; plain http is only for loopback (127.0.0.1, ::1, localhost)");
                }
                return uri;
            } catch (URISyntaxException e) {
                problem("center.url", "'" + s + "' is not a URL", "write e.g. https://center.example:8443 or 'embedded'");
                return null;
            }
        }

        private String printer() {
            String s = v.get("printer");
            if (!(s.equals("none") || s.startsWith("os:") || s.startsWith("escpos:"))) {
                problem("printer", "'" + s + "' is not a printer choice", "none, os:PRINTER NAME or escpos:/dev/ttyUSB1");
            }
            return s;
        }

        /** receipt.font (checked now, so a bad font stops the start rather than the first receipt), receipt.paper, printer. */
        private ReceiptSettings receipt() {
            PrinterChoice printer = PrinterChoice.none();
            try {
                printer = PrinterChoice.parse(v.get("printer"));
            } catch (IllegalArgumentException e) {
                if (v.get("printer").startsWith("escpos:") || v.get("printer").startsWith("os:")) {
                    problem("printer", e.getMessage(), "write escpos:/dev/ttyUSB1 or escpos:/dev/ttyUSB1@19200 (baud 1200–921600)");
                }
            }
            ReceiptSettings.Paper paper = ReceiptSettings.Paper.ROLL_80MM;
            try {
                paper = ReceiptSettings.Paper.parse(v.get("receipt.paper"));
            } catch (IllegalArgumentException e) {
                problem("receipt.paper", e.getMessage(), "80mm (thermal roll) or A4");
            }
            Path font = null;
            if (!v.get("receipt.font").isBlank()) {
                font = path("receipt.font");
                if (font != null) {
                    java.util.Optional<String> wrong = org.medcard.terminal.receipt.pdf.FontCache.unusable(font);
                    if (wrong.isPresent()) {
                        problem("receipt.font", font + " " + wrong.get(), "give a TrueType font with Chinese characters, e.g."
                                + " /usr/share/fonts/truetype/wqy/wqy-microhei.ttc (Debian fonts-wqy-microhei) or"
                                + " C:\\Windows\\Fonts\\msyh.ttc, or leave it empty to search the system's fonts");
                    }
                }
            }
            return new ReceiptSettings(font, paper, printer);
        }

        private Locale language() {
            String s = v.get("language");
            return switch (s) {
                case "zh_CN", "zh-CN", "zh" -> Locale.SIMPLIFIED_CHINESE;
                case "en", "en_US", "en-US" -> Locale.ENGLISH;
                default -> {
                    problem("language", "'" + s + "' is not supported", "zh_CN or en");
                    yield Locale.SIMPLIFIED_CHINESE;
                }
            };
        }

        private Path optionalFile(String key) {
            String s = v.get(key);
            if (s.isBlank()) {
                return null;
            }
            Path p = path(key);
            if (p != null && !Files.isReadable(p)) {
                problem(key, "file " + p + " does not exist or cannot be read", "give the path of an existing file, or leave it empty");
            }
            return p;
        }

        /** The value as a path; one the file system cannot name (a NUL character, found by fuzzing) is a problem. */
        private Path path(String key) {
            try {
                return Path.of(v.get(key));
            } catch (InvalidPathException e) {
                problem(key, "'" + v.get(key) + "' is not a usable path (" + e.getReason() + ")", "write a plain file path");
                return null;
            }
        }

        private String match(String key, String regex, String fix) {
            String s = v.get(key);
            if (!s.matches(regex)) {
                problem(key, "'" + s + "' is not valid", fix);
            }
            return s;
        }

        private Duration millis(String key) {
            Integer ms = positiveInt(key);
            return ms == null ? null : Duration.ofMillis(ms);
        }

        private Integer positiveInt(String key) {
            String s = v.get(key);
            try {
                int i = Integer.parseInt(s);
                if (i > 0) {
                    return i;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            problem(key, "'" + s + "' is not a whole number above 0", "write a whole number, e.g. " + DEFAULTS.get(key));
            return 0;
        }

        private Long yuan(String key) {
            try {
                return Money.parseYuan(v.get(key));
            } catch (NumberFormatException e) {
                problem(key, e.getMessage(), "write an amount in yuan with at most two decimals, e.g. " + DEFAULTS.get(key));
                return 0L;
            }
        }

        /** One of an enum's names, any case; otherwise a problem listing the allowed names. */
        private <E extends Enum<E>> E oneOf(String key, Class<E> type) {
            String s = v.get(key);
            for (E e : type.getEnumConstants()) {
                if (e.name().equalsIgnoreCase(s.trim())) {
                    return e;
                }
            }
            String allowed = java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name)
                    .collect(java.util.stream.Collectors.joining(", "));
            problem(key, "'" + s + "' is not one of the allowed values " + allowed, "write one of " + allowed);
            return null;
        }

        private <T> T parse(String key, Function<String, T> parser, String fix) {
            try {
                return parser.apply(v.get(key));
            } catch (IllegalArgumentException e) {
                problem(key, "'" + v.get(key) + "' is not valid" + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"), fix);
                return null;
            }
        }

        private void problem(String key, String what, String fix) {
            problems.add(new ConfigException.Problem(key, what, fix));
        }
    }

    /** Loopback by its literal form only (no DNS look-up: a name that resolves to 127.0.0.1 today may not tomorrow). */
    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost") || h.equals("[::1]") || h.equals("::1") || h.equals("[0:0:0:0:0:0:0:1]")) {
            return true;
        }
        String[] parts = h.split("\\.", -1);
        if (parts.length != 4 || !parts[0].equals("127")) {
            return false;
        }
        for (String part : parts) {
            if (!part.matches("[0-9]{1,3}") || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    /** The keys this version understands. */
    public static Set<String> knownKeys() {
        return DEFAULTS.keySet();
    }
}
