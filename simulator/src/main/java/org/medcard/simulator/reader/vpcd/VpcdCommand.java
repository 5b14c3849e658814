package org.medcard.simulator.reader.vpcd;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.io.InputStream;
import java.time.Clock;

import org.medcard.simulator.cli.ReaderSetup;
import org.medcard.simulator.profile.CardProfiles;
import picocli.CommandLine.Mixin;

import org.medcard.simulator.reader.SimulatedCard;
import org.medcard.simulator.reader.SimulatedReader;
import org.medcard.simulator.reader.SimulatedSlot;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vpcd}: presents the simulated card (slot 0) and PSAM (slot 1) to a running pcscd through
 * vsmartcard's vpcd driver, until stopped with Ctrl-C. Which cards go in comes from the suppliers given
 * to the constructor; the {@code --profile} option that picks them is wired by {@code SimulatorMain}.
 */
@Command(name = "vpcd", mixinStandardHelpOptions = true,
        description = "Present the simulated card and PSAM to a real pcscd through vsmartcard's vpcd driver "
                + "(apt-get install pcscd vsmartcard-vpcd). Runs until Ctrl-C.")
public final class VpcdCommand implements Callable<Integer> {

    @Option(names = "--host", defaultValue = "localhost", description = "Host where pcscd with vpcd runs (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--card-port", defaultValue = "35963", description = "vpcd port of the card reader, slot 0 (default: ${DEFAULT-VALUE}).")
    int cardPort;

    @Option(names = "--psam-port", defaultValue = "35964", description = "vpcd port of the PSAM reader, slot 1 (default: ${DEFAULT-VALUE}).")
    int psamPort;

    @Spec
    CommandSpec spec;

    @Mixin
    ReaderSetup setup = new ReaderSetup();

    private Clock clock = Clock.systemDefaultZone();
    private InputStream in = System.in;
    private final SimulatedReader reader;
    private final Supplier<SimulatedCard> card;
    private final Supplier<SimulatedCard> psam;
    private final CountDownLatch stop = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile List<VpcdBridge> bridges = List.of();

    /** Empty slots: useful only to check the link to pcscd ({@code pcsc_scan} shows two empty readers). */
    public VpcdCommand() {
        this(() -> null, () -> null);
    }

    /**
     * @param card supplies the card for slot 0 when the command starts, or {@code null} for an empty slot
     * @param psam supplies the PSAM for slot 1, or {@code null}
     */
    public VpcdCommand(Supplier<SimulatedCard> card, Supplier<SimulatedCard> psam) {
        this(new SimulatedReader("vpcd"), card, psam);
    }

    /** With a reader the caller keeps, e.g. to inject faults from a console while the bridge runs. */
    public VpcdCommand(SimulatedReader reader, Supplier<SimulatedCard> card, Supplier<SimulatedCard> psam) {
        this.reader = reader;
        this.card = card;
        this.psam = psam;
    }

    /** As the technician CLI builds it: cards come from {@code --profile} / {@code --card-file}, console from {@code in}. */
    public VpcdCommand(Clock clock, InputStream in) {
        this();
        this.clock = clock;
        this.in = in;
    }

    public SimulatedReader reader() {
        return reader;
    }

    @Override
    public Integer call() throws InterruptedException, java.io.IOException {
        PrintWriter out = spec.commandLine().getOut();
        insert(reader.cardSlot(), card.get());
        insert(reader.psamSlot(), psam.get());
        CardProfiles loaded = setup.given() ? setup.fill(reader, clock) : null;
        List<VpcdBridge> started = List.of(new VpcdBridge(reader.cardSlot(), host, cardPort),
                new VpcdBridge(reader.psamSlot(), host, psamPort));
        started.forEach(VpcdBridge::start);
        bridges = started;
        Thread hook = new Thread(this::stopAndWait, "vpcd-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        for (SimulatedSlot slot : reader.slots()) {
            out.println(slot);
        }
        out.println("Bridging to vpcd on " + host + " ports " + cardPort + " (card) and " + psamPort
                + " (PSAM); check with pcsc_scan. Ctrl-C stops.");
        out.flush();
        if (loaded != null) {
            setup.startConsole(reader, loaded, clock, in, out, this::stop);
        }
        try {
            stop.await();
        } finally {
            started.forEach(VpcdBridge::close);
            out.println("vpcd bridge stopped.");
            out.flush();
            finished.countDown();
            removeHook(hook);
        }
        return 0;
    }

    /** Ctrl-C: the JVM halts when the hook returns, so the hook waits until the bridges are closed. */
    private void stopAndWait() {
        stop();
        try {
            finished.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether both slots are connected to vpcd (a slot without a card never is). */
    public boolean allConnected() {
        List<VpcdBridge> b = bridges;
        return !b.isEmpty() && b.stream().allMatch(VpcdBridge::isConnected);
    }

    /** Ends {@link #call()} (the shutdown hook calls this on Ctrl-C). */
    public void stop() {
        stop.countDown();
    }

    private static void insert(SimulatedSlot slot, SimulatedCard c) {
        if (c != null) {
            slot.insert(c);
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // Ctrl-C: the JVM is already running the hook that brought us here.
        }
    }
}
