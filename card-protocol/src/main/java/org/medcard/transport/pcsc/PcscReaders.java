package org.medcard.transport.pcsc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javax.smartcardio.TerminalFactory;

import org.medcard.transport.CardFault;
import org.medcard.transport.CardTransport;
import org.medcard.transport.ResponseChainingTransport;
import org.medcard.transport.TracingTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PC/SC readers of this machine (or of an injected {@link TerminalFactory}, such as the simulator's
 * in-process provider): list them, wait for a card, open a session, watch a reader.
 *
 * <p>All methods block in PC/SC calls: call them from the reader's worker thread, never the UI thread.
 * Instances hold no session state and may be shared by the worker threads of several readers.
 *
 * <p><b>Which PC/SC:</b> {@link #PcscReaders()} uses our own JNA binding of the PC/SC library ({@link JnaPcsc}),
 * which establishes a context per operation and so recovers by itself when pcscd (or the Windows smart-card
 * service) restarts. {@link #sunPcsc()} is the JDK's SunPCSC, kept as a fallback (configuration
 * {@code pcsc.provider=sun}): it keeps one context per JVM and answers {@code SCARD_E_NO_SERVICE} after a service
 * restart until the JVM restarts. For SunPCSC we still ask for a fresh factory on every call, because the JDK
 * decides its <em>default</em> factory once per JVM (a "None" factory if pcscd was down at that moment).
 */
public final class PcscReaders {

    private static final Logger log = LoggerFactory.getLogger(PcscReaders.class);

    /** The configuration's names of the two system providers ({@code pcsc.provider}). */
    public static final String PROVIDER_JNA = "jna";
    public static final String PROVIDER_SUN = "sun";

    /** The JDK's own GET RESPONSE loops, switched off by {@link #configureJdkPcsc()}. */
    static final String T0_GET_RESPONSE = "sun.security.smartcardio.t0GetResponse";
    static final String T1_GET_RESPONSE = "sun.security.smartcardio.t1GetResponse";
    static final String LIBRARY = "sun.security.smartcardio.library";

    private final Supplier<PcscBackend> backend;

    /** The machine's PC/SC service through our JNA binding (the default). */
    public PcscReaders() {
        this(lazy(JnaPcsc::load));
    }

    /** Readers of an injected provider (e.g. the simulator's in-process smartcardio provider). */
    public PcscReaders(TerminalFactory factory) {
        this(lazy(() -> new SmartcardioPcsc(() -> factory, factory.getType())));
    }

    private PcscReaders(Supplier<PcscBackend> backend) {
        this.backend = backend;
    }

    /** The machine's PC/SC service through the JDK's SunPCSC provider (the fallback). */
    public static PcscReaders sunPcsc() {
        return new PcscReaders(lazy(() -> new SmartcardioPcsc(PcscReaders::systemFactory, "SunPCSC")));
    }

    /** The system provider the configuration names: {@value #PROVIDER_JNA} (default) or {@value #PROVIDER_SUN}. */
    public static PcscReaders system(String provider) {
        return switch (provider == null ? PROVIDER_JNA : provider.trim().toLowerCase(Locale.ROOT)) {
            case "", PROVIDER_JNA -> new PcscReaders();
            case PROVIDER_SUN -> sunPcsc();
            default -> throw new IllegalArgumentException("pcsc.provider must be jna or sun, not '" + provider + "'");
        };
    }

    /** Loads the backend on first use (and again after a failed load), so a constructor never fails. */
    private static Supplier<PcscBackend> lazy(Supplier<PcscBackend> make) {
        return new Supplier<>() {
            private PcscBackend made;

            @Override
            public synchronized PcscBackend get() {
                if (made == null) {
                    made = make.get();
                }
                return made;
            }
        };
    }

    /**
     * Prepares the JDK's SunPCSC provider; called before the first use of the system factory, and safe
     * to call any number of times.
     *
     * <ol>
     *   <li>Switches off the JDK's automatic GET RESPONSE ({@code sun.security.smartcardio.t0GetResponse}
     *       and {@code t1GetResponse} = {@code false}). The JDK sends GET RESPONSE with the CLA of the
     *       original command ({@code 80 C0}), which the card application rejects; our
     *       {@link ResponseChainingTransport} sends {@code 00 C0} instead.</li>
     *   <li>On Linux, when {@code sun.security.smartcardio.library} is unset and none of the paths where
     *       the JDK looks for libpcsclite exists, points it at the library found under another common
     *       path (e.g. a distribution that ships only {@code libpcsclite.so.1} elsewhere).</li>
     * </ol>
     *
     * <p>These are JVM-wide system properties, and that is unavoidable: SunPCSC reads them once, when its
     * classes load, and offers no other way in. We only set what is unset, so a value given on the command
     * line ({@code -D...}) wins. A component that used SunPCSC before this call has already frozen the
     * JDK's behaviour; the composition root should therefore create {@link PcscReaders} early.
     */
    public static synchronized void configureJdkPcsc() {
        setIfUnset(T0_GET_RESPONSE, "false");
        setIfUnset(T1_GET_RESPONSE, "false");
        if (System.getProperty(LIBRARY) == null) {
            libraryOverride(p -> Files.isRegularFile(p), System.getProperty("os.name", ""), System.getProperty("os.arch", ""))
                    .ifPresent(lib -> {
                        log.info("libpcsclite not where the JDK looks for it; using {}", lib);
                        System.setProperty(LIBRARY, lib);
                    });
        }
    }

    private static void setIfUnset(String key, String value) {
        String current = System.getProperty(key);
        if (current == null) {
            System.setProperty(key, value);
        } else if (!current.equals(value)) {
            log.warn("{}={} was set elsewhere: the JDK will send GET RESPONSE with the command's CLA, which cards reject",
                    key, current);
        }
    }

    /**
     * The libpcsclite path to configure, if the JDK would not find one by itself. Pure: {@code exists}
     * answers for files, so tests can describe any machine.
     */
    static Optional<String> libraryOverride(Predicate<Path> exists, String osName, String osArch) {
        if (!osName.toLowerCase(Locale.ROOT).contains("linux")) {
            return Optional.empty();
        }
        String multiarch = switch (osArch) {
            case "amd64", "x86_64" -> "x86_64-linux-gnu";
            case "aarch64" -> "aarch64-linux-gnu";
            case "x86", "i386", "i686" -> "i386-linux-gnu";
            default -> osArch + "-linux-gnu";
        };
        String libisa = osArch.contains("64") ? "lib64" : "lib";
        // Where the JDK (17) looks by itself.
        List<String> jdkPaths = List.of("/usr/" + libisa + "/libpcsclite.so", "/usr/local/" + libisa + "/libpcsclite.so",
                "/usr/lib/" + multiarch + "/libpcsclite.so", "/usr/lib/" + multiarch + "/libpcsclite.so.1");
        if (jdkPaths.stream().map(Path::of).anyMatch(exists)) {
            return Optional.empty();
        }
        List<String> others = List.of("/lib/" + multiarch + "/libpcsclite.so.1", "/usr/" + libisa + "/libpcsclite.so.1",
                "/usr/lib/libpcsclite.so.1", "/usr/lib/libpcsclite.so", "/usr/local/lib/libpcsclite.so.1");
        return others.stream().filter(p -> exists.test(Path.of(p))).findFirst();
    }

    private static TerminalFactory systemFactory() {
        configureJdkPcsc();
        try {
            return TerminalFactory.getInstance("PC/SC", null);
        } catch (NoSuchAlgorithmException e) {
            throw PcscFaults.translate(e, "PC/SC service (pcscd) unavailable; is it installed and running?");
        }
    }

    /** The names of the readers connected now; a fault when the service is down or no reader is connected. */
    public List<String> readerNames() {
        List<String> names = backend.get().readerNames();
        if (names.isEmpty()) {
            throw new CardFault(CardFault.Kind.READER_UNAVAILABLE, "no smart-card reader is connected");
        }
        return names;
    }

    /** Waits until a card is in {@code reader}; {@code false} when {@code timeout} passed first. */
    public boolean waitForCard(String reader, Duration timeout) {
        return waitFor(reader, timeout, true);
    }

    /** Waits until {@code reader} is empty; {@code false} when {@code timeout} passed first. */
    public boolean waitForCardAbsent(String reader, Duration timeout) {
        return waitFor(reader, timeout, false);
    }

    private boolean waitFor(String reader, Duration timeout, boolean present) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        return backend.get().waitFor(reader, timeout, present);
    }

    /** Opens a session on {@code reader} with whichever protocol the card offers (T=0 or T=1). */
    public CardTransport open(String reader) {
        return open(reader, "*");
    }

    /**
     * Opens a session on {@code reader} with {@code protocol} ({@code "T=0"}, {@code "T=1"} or {@code "*"}),
     * shared with other programs. The transport returned completes {@code 61XX} / {@code 6CXX} answers
     * ({@link ResponseChainingTransport}) and traces every APDU on the wire ({@link TracingTransport}).
     */
    public CardTransport open(String reader, String protocol) {
        CardTransport raw = backend.get().open(reader, protocol);
        log.debug("opened {} ({})", reader, backend.get().type());
        return new ResponseChainingTransport(new TracingTransport(raw));
    }

    /**
     * Starts watching {@code reader} on a thread of its own: {@code listener} hears the reader turn OK or faulty
     * and cards come and go (see {@link ReaderWatch}). Close the watch to stop it. A backend that cannot load
     * (no PC/SC library) gives a watch that reports that fault once.
     */
    public ReaderWatch watch(String reader, Consumer<ReaderEvent> listener) {
        PcscBackend.SlotWatcher watcher;
        try {
            watcher = backend.get().watcher(reader);
        } catch (CardFault e) {
            watcher = new FailedWatcher(e);
        }
        ReaderWatch watch = new ReaderWatch(reader, watcher, listener);
        watch.start();
        return watch;
    }

    /** A watcher for a backend that did not load: every look fails the same way (retried with backoff). */
    private record FailedWatcher(CardFault fault) implements PcscBackend.SlotWatcher {
        @Override
        public PcscBackend.SlotState await(PcscBackend.SlotState known, Duration timeout) {
            throw new CardFault(fault.kind(), fault.getMessage());
        }

        @Override
        public void cancel() {
        }

        @Override
        public void close() {
        }
    }
}
