package org.medcard.terminal.e2e;

import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.medcard.simulator.card.VirtualMedicalCard;
import org.medcard.simulator.profile.CardProfiles;
import org.medcard.simulator.reader.SimulatedSlot;
import org.medcard.simulator.reader.SlotListener;
import org.medcard.simulator.reader.vpcd.VpcdBridge;
import org.medcard.terminal.training.SimulatorTrainingReader;
import org.medcard.testsupport.SystemParts;
import org.medcard.transport.pcsc.PcscReaders;

/**
 * Test rig: the training card and virtual PSAM behind a real pcscd through vsmartcard's vpcd driver (readers
 * {@value #CARD_READER} and {@value #PSAM_READER}), with a count of the APDUs the card slot exchanged.
 *
 * <p>The simulator's own pcscd helper lives in its test sources (not a test-jar), so this does the same here:
 * reuse a running pcscd or start {@code pcscd --foreground} as a child, holding the same lock file
 * ({@value #LOCK}) as the simulator's tests, because pcscd's socket and vpcd's ports are fixed for the machine.
 * Skips without pcscd or vpcd, fails instead under {@code -Dmedcard.requireSystemParts=true}.
 */
public final class PcscdRig implements AutoCloseable {
    public static final String CARD_READER = "Virtual PCD 00 00";
    public static final String PSAM_READER = "Virtual PCD 00 01";
    static final String SOCKET = "/run/pcscd/pcscd.comm";
    static final String LOCK = "/tmp/medcard-pcscd-it.lock";
    static final Path VPCD_DRIVER = Path.of("/usr/lib/pcsc/drivers/serial/libifdvpcd.so");
    static final Path VPCD_CONFIG = Path.of("/etc/reader.conf.d/vpcd");
    static final List<Integer> VPCD_PORTS = List.of(35963, 35964);
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final FileChannel lockChannel;
    private final FileLock lock;
    private Process pcscd;
    private final SimulatorTrainingReader training;
    private VpcdBridge cardBridge;
    private boolean unplugged;
    private VpcdBridge psamBridge;
    private final PcscReaders readers = new PcscReaders();
    private final AtomicLong cardApdus = new AtomicLong();

    private PcscdRig(FileChannel lockChannel, FileLock lock, Process pcscd, SimulatorTrainingReader training) {
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.pcscd = pcscd;
        this.training = training;
        training.reader().cardSlot().addListener(new SlotListener() {
            @Override
            public void exchanged(SimulatedSlot slot, byte[] command, byte[] response, long nanos) {
                cardApdus.incrementAndGet();
            }
        });
        this.cardBridge = VpcdBridge.local(training.reader().cardSlot());
        this.psamBridge = VpcdBridge.local(training.reader().psamSlot());
        cardBridge.start();
        psamBridge.start();
    }

    /** Starts (or reuses) pcscd and bridges a training reader whose cards live in {@code cardDir}. */
    public static PcscdRig start(Path cardDir, Clock clock) throws IOException, InterruptedException {
        Path command = SystemParts.needCommand("pcscd", "pcscd");
        SystemParts.need(Files.isRegularFile(VPCD_DRIVER) && Files.isRegularFile(VPCD_CONFIG),
                "the vpcd driver (" + VPCD_DRIVER + ")", "apt-get install vsmartcard-vpcd");
        FileChannel channel = FileChannel.open(Path.of(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = channel.lock();
        Process p = null;
        if (!serviceAnswers()) {
            Path log = Path.of("target", "pcscd.log").toAbsolutePath();
            Files.createDirectories(log.getParent());
            p = new ProcessBuilder(command.toString(), "--foreground", "--info").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (!(serviceAnswers() && vpcdListening())) {
                if (!p.isAlive() || System.nanoTime() > deadline) {
                    p.destroyForcibly();
                    lock.release();
                    channel.close();
                    throw new IllegalStateException("pcscd did not come up; see " + log);
                }
                Thread.sleep(50);
            }
        }
        return new PcscdRig(channel, lock, p, new SimulatorTrainingReader(CardProfiles.bundled(), cardDir, clock));
    }

    /** Takes out any card, waits until pcscd shows the reader empty, puts the profile's card in, waits until pcscd shows card and PSAM. */
    public VirtualMedicalCard present(String profile) throws IOException {
        return present(profile, true);
    }

    /**
     * Like {@link #present(String)}; with {@code waitForRemoval} false the card goes back in at once, the way a
     * hurried cashier pushes a pulled card straight back (the bridge still keeps it out for a second).
     */
    public VirtualMedicalCard present(String profile, boolean waitForRemoval) throws IOException {
        // As a cashier does: the card that was there (or was torn out) is gone for pcscd before the next goes in;
        // else pcscd, polling every 400 ms, may still show the old card to a program that connects now.
        training.remove();
        if (waitForRemoval && !unplugged && !readers.waitForCardAbsent(CARD_READER, WAIT)) {
            throw new IllegalStateException("pcscd still shows a card in " + CARD_READER + " after " + WAIT);
        }
        VirtualMedicalCard card = training.presentCard(profile);
        if (!readers.waitForCard(CARD_READER, WAIT) || !readers.waitForCard(PSAM_READER, WAIT)) {
            throw new IllegalStateException("pcscd does not show the card and PSAM in " + WAIT);
        }
        return card;
    }

    /** Takes the card out and waits until pcscd shows the slot empty (so the next card is a new insertion). */
    public void remove() {
        training.remove();
        if (!readers.waitForCardAbsent(CARD_READER, WAIT)) {
            throw new IllegalStateException("pcscd still shows a card after " + WAIT);
        }
    }

    /** The simulated reader behind the bridges (the soak re-inserts torn cards and arms tears through it). */
    public SimulatorTrainingReader training() {
        return training;
    }

    /**
     * Reader unplug as vpcd sees it: the card slot's bridge disconnects, so pcscd reports no card and a
     * program in the middle of an exchange gets a PC/SC error. {@link #plugCard()} connects a new bridge.
     */
    public synchronized void unplugCard() {
        unplugged = true;
        cardBridge.close();
    }

    /** Connects the card slot to vpcd again after {@link #unplugCard()} (nothing when it is plugged in). */
    public synchronized void plugCard() {
        if (!unplugged) {
            return;
        }
        unplugged = false;
        cardBridge = VpcdBridge.local(training.reader().cardSlot());
        cardBridge.start();
    }

    /**
     * Kills the pcscd this rig started (SIGKILL, as a crash or an upgrade's restart does) and waits until its socket
     * no longer answers. Skips when the pcscd running was not started by the rig (it is not ours to kill).
     */
    public synchronized void killPcscd() throws InterruptedException {
        SystemParts.need(pcscd != null, "a pcscd this test may kill (one not started by the test is running)",
                "stop the system's pcscd first: systemctl stop pcscd.socket pcscd");
        pcscd.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (serviceAnswers() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    /** Starts pcscd again after {@link #killPcscd()} and waits until it and vpcd answer (the bridges reconnect by themselves). */
    public synchronized void startPcscd() throws IOException, InterruptedException {
        Path log = Path.of("target", "pcscd.log").toAbsolutePath();
        pcscd = new ProcessBuilder(SystemParts.needCommand("pcscd", "pcscd").toString(), "--foreground", "--info")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!(serviceAnswers() && vpcdListening())) {
            if (!pcscd.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("pcscd did not come up again; see " + log);
            }
            Thread.sleep(50);
        }
    }

    /** Whether this rig started the pcscd running (and so may kill it). */
    public synchronized boolean ownsPcscd() {
        return pcscd != null;
    }

    /** Starts pcscd again if {@link #killPcscd()} left it down (nothing otherwise). */
    public synchronized void restorePcscd() throws IOException, InterruptedException {
        if (pcscd != null && !pcscd.isAlive()) {
            startPcscd();
        }
    }

    /**
     * The whole reader unplugged and plugged in again, as vpcd sees it: both bridges (card and PSAM slot)
     * disconnect, and new ones connect after {@code away}.
     */
    public synchronized void replugReader(Duration away) throws InterruptedException {
        cardBridge.close();
        psamBridge.close();
        Thread.sleep(away.toMillis());
        cardBridge = VpcdBridge.local(training.reader().cardSlot());
        psamBridge = VpcdBridge.local(training.reader().psamSlot());
        cardBridge.start();
        psamBridge.start();
        unplugged = false;
    }

    /** Whether pcscd shows a card in the card reader within {@code wait}. */
    public boolean cardVisible(Duration wait) {
        return readers.waitForCard(CARD_READER, wait);
    }

    /** Whether pcscd shows the card reader empty within {@code wait}. */
    public boolean cardAbsent(Duration wait) {
        return readers.waitForCardAbsent(CARD_READER, wait);
    }

    /** APDUs the card slot exchanged so far (the PSAM's are not counted). */
    public long cardApdus() {
        return cardApdus.get();
    }

    private static boolean serviceAnswers() {
        if (!Files.exists(Path.of(SOCKET))) {
            return false;
        }
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            return ch.connect(UnixDomainSocketAddress.of(Path.of(SOCKET)));
        } catch (IOException e) {
            return false;
        }
    }

    /** From /proc/net/tcp: connecting to vpcd's port to find out would look like a card insertion. */
    private static boolean vpcdListening() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("/proc/net/tcp"));
        return VPCD_PORTS.stream().allMatch(port -> {
            String local = String.format(Locale.ROOT, ":%04X", port);
            return lines.stream().map(String::trim).map(l -> l.split("\\s+"))
                    .anyMatch(f -> f.length > 3 && f[1].endsWith(local) && f[3].equals("0A"));
        });
    }

    @Override
    public void close() throws IOException {
        try {
            cardBridge.close();
            psamBridge.close();
            if (pcscd != null) {
                pcscd.destroy();
                if (!pcscd.waitFor(5, TimeUnit.SECONDS)) {
                    pcscd.destroyForcibly();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.release();
            lockChannel.close();
        }
    }
}
