package org.medcard.transport.pcsc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

import javax.smartcardio.Card;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.TerminalFactory;

import org.medcard.transport.CardFault;
import org.medcard.transport.CardTransport;
import org.medcard.transport.ResponseChainingTransport;
import org.medcard.transport.TracingTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PC/SC readers of this machine (or of an injected {@link TerminalFactory}, such as the simulator's
 * in-process provider): list them, wait for a card, open a session.
 *
 * <p>All methods block in PC/SC calls: call them from the reader's worker thread, never the UI thread.
 * Instances hold no session state and may be shared by the worker threads of several readers.
 *
 * <p><b>Why the system factory is not {@link TerminalFactory#getDefault()}:</b> the JDK decides the
 * default factory once per JVM; if pcscd is not running at that moment, the default is a "None" factory
 * with no readers for the rest of the JVM's life. {@link #PcscReaders()} asks for a fresh SunPCSC factory
 * on every call instead, so a terminal started before pcscd finds the readers once the service is up.
 * (The JDK still keeps one PC/SC context per JVM: after pcscd is restarted, SunPCSC answers
 * {@code SCARD_E_NO_SERVICE} until the JVM restarts. We report that as {@link CardFault.Kind#NO_SERVICE}.)
 */
public final class PcscReaders {

    private static final Logger log = LoggerFactory.getLogger(PcscReaders.class);

    /** The JDK's own GET RESPONSE loops, switched off by {@link #configureJdkPcsc()}. */
    static final String T0_GET_RESPONSE = "sun.security.smartcardio.t0GetResponse";
    static final String T1_GET_RESPONSE = "sun.security.smartcardio.t1GetResponse";
    static final String LIBRARY = "sun.security.smartcardio.library";

    private final Supplier<TerminalFactory> factory;

    /** The machine's PC/SC service through the JDK's SunPCSC provider. */
    public PcscReaders() {
        this(PcscReaders::systemFactory);
    }

    /** Readers of an injected provider (e.g. the simulator's in-process smartcardio provider). */
    public PcscReaders(TerminalFactory factory) {
        this(() -> factory);
    }

    private PcscReaders(Supplier<TerminalFactory> factory) {
        this.factory = factory;
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
        List<String> names = listNames();
        if (names.isEmpty()) {
            throw new CardFault(CardFault.Kind.READER_UNAVAILABLE, "no smart-card reader is connected");
        }
        return names;
    }

    private List<String> listNames() {
        TerminalFactory f = factory();
        try {
            return f.terminals().list().stream().map(CardTerminal::getName).toList();
        } catch (CardException e) {
            throw PcscFaults.translate(e, "listing readers (" + f.getType() + ")");
        }
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
        CardTerminal terminal = terminal(reader);
        try {
            return present ? terminal.waitForCardPresent(timeout.toMillis()) : terminal.waitForCardAbsent(timeout.toMillis());
        } catch (CardException | IllegalStateException e) {
            throw fault(e, reader, "waiting for the card to be " + (present ? "inserted" : "removed"));
        }
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
        CardTerminal terminal = terminal(reader);
        Card card;
        try {
            card = terminal.connect(protocol);
        } catch (CardException | IllegalStateException e) {
            throw fault(e, reader, "connecting with protocol " + protocol);
        }
        PcscTransport raw = new PcscTransport(terminal, card, this::readersForMessage);
        log.debug("opened {} ({})", reader, raw.protocol());
        return new ResponseChainingTransport(new TracingTransport(raw));
    }

    private CardTerminal terminal(String reader) {
        TerminalFactory f = factory();
        List<CardTerminal> present;
        try {
            present = f.terminals().list();
        } catch (CardException e) {
            throw PcscFaults.translate(e, "reader '" + reader + "'");
        }
        return present.stream().filter(t -> t.getName().equals(reader)).findFirst()
                .orElseThrow(() -> new CardFault(CardFault.Kind.READER_UNAVAILABLE, "no reader named '" + reader
                        + "'; readers present: " + present.stream().map(CardTerminal::getName).toList()));
    }

    private TerminalFactory factory() {
        return factory.get();
    }

    /** A translated fault; for reader problems, names the readers that do exist. */
    private CardFault fault(Exception e, String reader, String action) {
        String context = "reader '" + reader + "', " + action;
        if (PcscFaults.kindOf(e) == CardFault.Kind.READER_UNAVAILABLE) {
            context += "; readers present: " + readersForMessage();
        }
        return PcscFaults.translate(e, context);
    }

    private String readersForMessage() {
        try {
            return listNames().toString();
        } catch (CardFault unavailable) {
            return "(cannot list: " + unavailable.kind() + ")";
        }
    }
}
