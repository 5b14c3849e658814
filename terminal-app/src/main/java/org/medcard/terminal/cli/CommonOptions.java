package org.medcard.terminal.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.medcard.terminal.config.ConfigLoader;
import picocli.CommandLine.Option;

/** Options every command takes; each overrides the configuration file. */
public final class CommonOptions {

    @Option(names = "--config", paramLabel = "FILE", description = "configuration file (default: medcard.properties in the app-data folder)")
    Path config;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "where the queue, journal and logs are kept")
    Path dataDir;

    @Option(names = "--reader", paramLabel = "NAME", description = "card reader: a PC/SC reader name, serial:PATH, or simulator")
    String reader;

    @Option(names = "--psam-reader", paramLabel = "NAME", description = "PSAM reader: a PC/SC reader name, serial:PATH, or simulator")
    String psamReader;

    @Option(names = "--soft-psam", paramLabel = "KEYFILE", description = "use a software PSAM with this key file (training)")
    Path softPsam;

    @Option(names = "--center", paramLabel = "URL", description = "the center's base URL, or 'embedded'")
    String center;

    @Option(names = "--offline", description = "do not contact the center (store-and-forward / re-settlement per R11)")
    boolean offline;

    @Option(names = "--json", description = "machine-readable output")
    boolean json;

    /** The configuration file to read. */
    Path configFile(Path defaultDataDir) {
        return config != null ? config : defaultDataDir.resolve("medcard.properties");
    }

    /** Command-line values as configuration overrides. */
    Map<String, String> overrides() {
        Map<String, String> o = new LinkedHashMap<>();
        if (dataDir != null) {
            o.put("data.dir", dataDir.toString());
        }
        if (reader != null) {
            o.put("reader", deviceText(reader));
        }
        if (psamReader != null) {
            o.put("psam", deviceText(psamReader));
        }
        if (softPsam != null) {
            o.put("psam", "soft:" + softPsam);
        }
        if (center != null) {
            o.put("center.url", center);
        }
        return o;
    }

    /** A bare reader name means a PC/SC reader; {@code serial:…} and {@code simulator} pass through. */
    static String deviceText(String value) {
        String lower = value.toLowerCase(java.util.Locale.ROOT);
        if (lower.equals("simulator") || lower.startsWith("serial:") || lower.startsWith("pcsc:") || lower.startsWith("soft:")) {
            return value;
        }
        return "pcsc:" + value;
    }

    /**
     * The configuration, validated. A {@code --config} that names no file is an error (a typo must not quietly
     * start the defaults, which are TRAINING MODE); without {@code --config} a missing default file means training.
     */
    ConfigLoader.Loaded load(Path defaultDataDir) {
        if (config != null && !java.nio.file.Files.isRegularFile(config)) {
            throw new org.medcard.terminal.config.ConfigException(config.toString(), java.util.List.of(
                    new org.medcard.terminal.config.ConfigException.Problem("--config", "there is no file " + config.toAbsolutePath(),
                            "give the path of the terminal's configuration file, or leave --config out to use "
                                    + defaultDataDir.resolve("medcard.properties"))));
        }
        return new ConfigLoader(defaultDataDir).load(configFile(defaultDataDir), overrides());
    }
}
