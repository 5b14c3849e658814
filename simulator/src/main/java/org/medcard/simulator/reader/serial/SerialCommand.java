package org.medcard.simulator.reader.serial;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.medcard.simulator.reader.SimulatedReader;
import org.medcard.transport.serial.JSerialCommLink;
import org.medcard.transport.serial.SerialPortSettings;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;
import java.io.InputStream;
import java.time.Clock;
import org.medcard.simulator.cli.ReaderSetup;
import org.medcard.simulator.profile.CardProfiles;
import picocli.CommandLine.Spec;

/**
 * {@code serial --pty PATH | --socat [--link PATH]}: plays a serial counter reader for a terminal until
 * stopped (Ctrl-C). With {@code --socat} it makes the pty pair itself and prints the path the terminal
 * is to open.
 *
 * <p>The reader served (cards in its slots) is handed in by whoever builds the simulator's command line
 * ({@link #SerialCommand(SimulatedReader)} or {@link #setReader}); without one, an empty reader answers
 * (reader info and "no card"), which is enough to check the cabling.
 */
@Command(name = "serial", mixinStandardHelpOptions = true,
        description = "Play a serial counter reader (serial-reader.md) on a pseudo-terminal until stopped.")
public final class SerialCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Where where;

    /** Exactly one of: an existing pty (or serial port), or a new socat pair. */
    static final class Where {
        @Option(names = "--pty", paramLabel = "PATH", description = "The reader's end of an existing pty pair (or a real serial port)")
        String pty;

        @Option(names = "--socat", description = "Start 'socat -d -d pty,raw,echo=0 pty,raw,echo=0' and print the terminal's end")
        boolean socat;
    }

    @Option(names = "--link", paramLabel = "PATH",
            description = "With --socat: a symlink to the terminal's end that stays the same across restarts, e.g. /tmp/medcard-reader")
    Path link;

    @Option(names = "--baud", defaultValue = "115200", description = "Baud rate. Default: ${DEFAULT-VALUE}")
    int baud;

    @Option(names = "--firmware", defaultValue = SerialReaderSimulator.DEFAULT_FIRMWARE,
            description = "What 'reader info' (14) answers. Default: ${DEFAULT-VALUE}")
    String firmware;

    @Mixin
    ReaderSetup setup = new ReaderSetup();

    private final CountDownLatch stopSignal;
    private SimulatedReader reader;
    private Clock clock = Clock.systemDefaultZone();
    private InputStream in = System.in;

    /** As the technician CLI builds it: cards come from {@code --profile} / {@code --card-file}, console from {@code in}. */
    public SerialCommand(Clock clock, InputStream in) {
        this(null, new CountDownLatch(1));
        this.clock = clock;
        this.in = in;
    }

    /** As picocli builds it; the reader is set later with {@link #setReader}. */
    public SerialCommand() {
        this(null, new CountDownLatch(1));
    }

    /** Serves {@code reader}; stopped by Ctrl-C. */
    public SerialCommand(SimulatedReader reader) {
        this(reader, new CountDownLatch(1));
    }

    /** For embedding and tests: serves {@code reader} until {@code stopSignal} is counted down. */
    public SerialCommand(SimulatedReader reader, CountDownLatch stopSignal) {
        this.reader = reader;
        this.stopSignal = stopSignal;
    }

    public void setReader(SimulatedReader reader) {
        this.reader = reader;
    }

    /** Stops a running command (as Ctrl-C does). */
    public void stop() {
        stopSignal.countDown();
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (where.socat == (where.pty != null)) {
            err.println("Give exactly one of --pty PATH and --socat");
            return 2;
        }
        if (link != null && !where.socat) {
            err.println("--link goes with --socat");
            return 2;
        }
        SimulatedReader served = reader;
        CardProfiles loaded = null;
        if (served == null && setup.given()) {
            served = new SimulatedReader("serial reader");
            try {
                loaded = setup.fill(served, clock);
            } catch (IOException e) {
                err.println("Cannot set up the cards: " + e.getMessage());
                return 1;
            }
        }
        if (served == null) {
            served = new SimulatedReader("serial reader");
            out.println("No cards configured: the reader answers 'no card' in both slots.");
        }
        PtyPair pair = null;
        String readerEnd = where.pty;
        if (where.socat) {
            try {
                pair = PtyPair.start("socat", link, null);
            } catch (IOException e) {
                err.println("Cannot start socat (apt-get install socat): " + e.getMessage());
                return 1;
            }
            readerEnd = pair.readerEnd();
        }
        SerialPortSettings settings = SerialPortSettings.defaults(readerEnd).withBaudRate(baud);
        SerialReaderSimulator simulator = new SerialReaderSimulator(served, JSerialCommLink.opener(settings), firmware);
        Thread hook = new Thread(stopSignal::countDown, "serial-sim-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            simulator.start();
            // The port is opened on the simulator's own thread: say "answering" only once it really is.
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
            while (!simulator.isConnected() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            if (!simulator.isConnected()) {
                err.println("The reader's end " + readerEnd + " could not be opened within 5 s; still trying.");
            }
            out.println("Serial reader '" + served.name() + "' answering on " + settings.describe());
            if (pair != null) {
                out.println("Terminal side: " + pair.terminalEnd());
            }
            out.println("Press Ctrl-C to stop.");
            out.flush();
            if (loaded != null) {
                setup.startConsole(served, loaded, clock, in, out, stopSignal::countDown);
            }
            stopSignal.await();
        } finally {
            simulator.close();
            if (pair != null) {
                pair.close();
            }
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already exiting through the hook
            }
            out.println("Serial reader stopped.");
            out.flush();
        }
        return 0;
    }
}
