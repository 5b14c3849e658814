package org.medcard.terminal.config;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a data folder was set up for — training, or production against one center for one institution — kept in
 * {@code DATA/data-folder.properties}, written at the folder's first start and checked before every later one.
 * A configuration of the other kind, or for another center or institution, is refused before the terminal
 * opens anything: otherwise a missing or mistyped configuration file starts TRAINING MODE on a production
 * folder and its forwarder sends the real queue to the embedded simulated center (issue 18, case 1).
 *
 * <p>A folder from before this file: one with the embedded center's {@code center.db}, training cards or a
 * soft PSAM's sequence file was used for training; one with a queue or journal and none of those holds
 * production data (its center is learnt from the first production configuration that opens it).
 */
public final class DataFolderPurpose {
    private static final Logger LOG = LoggerFactory.getLogger(DataFolderPurpose.class);
    public static final String FILE = "data-folder.properties";
    private static final List<String> TRAINING_TRACES = List.of("center.db", "training-cards", "soft-psam-sequence");
    private static final List<String> DATA_FILES = List.of("queue.db", "terminal.db");

    public enum Purpose { TRAINING, PRODUCTION }

    /**
     * What the folder is (or would be) set up for.
     *
     * @param centerUrl   the production center's base URL, normalised; null for training, or not yet known
     * @param institution the institution code; null for training, or not yet known
     */
    public record Recorded(Purpose purpose, String centerUrl, String institution) {
        @Override
        public String toString() {
            return purpose == Purpose.TRAINING ? "training"
                    : "production for center " + (centerUrl == null ? "(not recorded)" : centerUrl)
                    + (institution == null ? "" : ", institution " + institution);
        }
    }

    /** The folder may not be started with this configuration; the message says why and what to do, in one line. */
    public static final class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }

    private DataFolderPurpose() {
    }

    /** {@link #check(TerminalConfig, Path)} when the configuration file is not known. */
    public static Recorded check(TerminalConfig config) {
        return check(config, null);
    }

    /**
     * Refuses a configuration this folder was not set up for; records the purpose at the folder's first start.
     *
     * @param configFile the configuration file read (named in the refusal when it does not exist); may be null
     * @throws Refused with one line: why, and the next step
     */
    public static Recorded check(TerminalConfig config, Path configFile) {
        Path dir = config.dataDir();
        Optional<Recorded> keep = judge(config, configFile);
        if (keep.isPresent()) {
            return keep.get();
        }
        Recorded wanted = of(config);
        Path file = dir.resolve(FILE);
        if (Files.isRegularFile(file)) { // a production folder from before this file: learn its center now
            LOG.warn("Data folder {} holds production data from before {} existed: recorded as {}", dir, FILE, wanted);
            try {
                Files.delete(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot replace " + file, e);
            }
        }
        write(dir, wanted);
        return wanted;
    }

    /** Why {@link #check} would refuse this configuration, without recording anything (for {@code config check}). */
    public static Optional<String> wouldRefuse(TerminalConfig config, Path configFile) {
        try {
            judge(config, configFile);
            return Optional.empty();
        } catch (Refused e) {
            return Optional.of(e.getMessage());
        }
    }

    /** The recorded purpose when it fits {@code config}; empty when {@code config}'s is to be recorded; Refused. */
    private static Optional<Recorded> judge(TerminalConfig config, Path configFile) {
        Path dir = config.dataDir();
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new Refused("the data folder " + dir + " is a file, not a folder: set data.dir (or --data-dir) to a folder"
                    + " (a new one is created)");
        }
        Recorded wanted = of(config);
        Optional<Recorded> recorded = read(dir);
        if (recorded.isEmpty()) {
            return Optional.empty();
        }
        Recorded was = recorded.get();
        if (was.purpose() == Purpose.TRAINING && wanted.purpose() == Purpose.TRAINING) {
            return recorded;
        }
        if (was.purpose() == Purpose.TRAINING) {
            throw new Refused("the data folder " + dir + " was set up for training (it holds training sales), but the"
                    + " configuration is for production (center " + wanted.centerUrl() + "): give the production terminal a"
                    + " data folder of its own (data.dir or --data-dir naming a new folder)");
        }
        if (wanted.purpose() == Purpose.TRAINING) {
            boolean noFile = configFile != null && !Files.exists(configFile);
            throw new Refused("the data folder " + dir + " holds production data (" + was + "), but "
                    + (noFile ? "there is no configuration file " + configFile + ", so the terminal would start in TRAINING MODE"
                    : "the configuration is TRAINING MODE (reader " + config.reader() + ", PSAM " + config.psam() + ", center "
                    + config.center().map(URI::toString).orElse("embedded") + ")")
                    + ": give the production configuration (--config FILE), or use another data folder for training");
        }
        if (was.centerUrl() == null) {
            return Optional.empty();
        }
        if (!was.centerUrl().equals(wanted.centerUrl()) || !java.util.Objects.equals(was.institution(), wanted.institution())) {
            throw new Refused("the data folder " + dir + " was set up for center " + was.centerUrl() + ", institution "
                    + was.institution() + ", but the configuration says center " + wanted.centerUrl() + ", institution "
                    + wanted.institution() + ": its queued sales belong to the first; use that configuration (if the same"
                    + " center only moved to a new address, a technician changes center.url in " + dir.resolve(FILE) + ")");
        }
        return recorded;
    }

    /** What {@code config} would set a new folder up for. */
    public static Recorded of(TerminalConfig config) {
        if (config.trainingMode()) {
            return new Recorded(Purpose.TRAINING, null, null);
        }
        return new Recorded(Purpose.PRODUCTION, normalise(config.centerUrl()), config.institutionCode());
    }

    /** What the folder says it was set up for; empty for a new (or empty) folder. */
    public static Optional<Recorded> read(Path dir) {
        Path file = dir.resolve(FILE);
        if (Files.isRegularFile(file)) {
            Properties p = new Properties();
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(in);
            } catch (IOException | IllegalArgumentException e) {
                throw new Refused("cannot read " + file + " (" + e.getMessage() + "): check its permissions, or ask a"
                        + " technician to restore it");
            }
            String purpose = p.getProperty("purpose", "").trim().toUpperCase(Locale.ROOT);
            if (purpose.equals("TRAINING")) {
                return Optional.of(new Recorded(Purpose.TRAINING, null, null));
            }
            if (purpose.equals("PRODUCTION")) {
                String url = p.getProperty("center.url", "").trim();
                String inst = p.getProperty("institution.code", "").trim();
                return Optional.of(new Recorded(Purpose.PRODUCTION, url.isEmpty() ? null : normalise(URI.create(url)),
                        inst.isEmpty() ? null : inst));
            }
            throw new Refused(file + " says purpose '" + p.getProperty("purpose") + "': it must be training or production;"
                    + " ask a technician to correct it");
        }
        if (DATA_FILES.stream().noneMatch(f -> Files.exists(dir.resolve(f)))) {
            return Optional.empty();
        }
        if (TRAINING_TRACES.stream().anyMatch(f -> Files.exists(dir.resolve(f)))) {
            return Optional.of(new Recorded(Purpose.TRAINING, null, null));
        }
        return Optional.of(new Recorded(Purpose.PRODUCTION, null, null));
    }

    private static void write(Path dir, Recorded r) {
        Path file = dir.resolve(FILE);
        StringBuilder text = new StringBuilder("# What this data folder was set up for (docs/security.md). Written at its first"
                + " start; every start checks it.\npurpose=" + r.purpose().name().toLowerCase(Locale.ROOT) + "\n");
        if (r.purpose() == Purpose.PRODUCTION) {
            text.append("center.url=").append(r.centerUrl()).append('\n');
            text.append("institution.code=").append(r.institution()).append('\n');
        }
        try {
            Files.createDirectories(dir);
            boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
            Path created = posix ? Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                    : Files.createFile(file);
            try (OutputStream out = Files.newOutputStream(created)) {
                out.write(text.toString().getBytes(StandardCharsets.UTF_8));
            }
        } catch (FileAlreadyExistsException e) {
            LOG.debug("{} written by another process meanwhile", file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Scheme and host in lower case, no trailing slash: the same center however its URL was written. */
    public static String normalise(URI uri) {
        String s = uri.toString();
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (uri.getHost() != null) {
            s = scheme + "://" + host + (uri.getPort() > 0 ? ":" + uri.getPort() : "")
                    + (uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", ""));
        }
        return s;
    }
}
