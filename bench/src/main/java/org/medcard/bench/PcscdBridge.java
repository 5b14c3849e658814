package org.medcard.bench;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.medcard.simulator.reader.vpcd.VpcdBridge;
import org.medcard.terminal.training.SimulatorTrainingReader;
import org.medcard.transport.pcsc.PcscReaders;

/**
 * The training card and PSAM behind a real pcscd through vsmartcard's vpcd driver, as terminal-app's test rig
 * does: reuses a running pcscd or starts {@code pcscd --foreground} as a child, holding the same lock file as the
 * tests (pcscd's socket and vpcd's ports are fixed for the machine). Run the bench under
 * {@code flock /tmp/medcard-pcscd.lock} on a shared machine.
 */
final class PcscdBridge implements AutoCloseable {
    static final String CARD_READER = "Virtual PCD 00 00";
    static final String PSAM_READER = "Virtual PCD 00 01";
    private static final Path SOCKET = Path.of("/run/pcscd/pcscd.comm");
    private static final Path LOCK = Path.of("/tmp/medcard-pcscd-it.lock");
    private static final List<Integer> VPCD_PORTS = List.of(35963, 35964);
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Process pcscd;
    private final SimulatorTrainingReader training;
    private final VpcdBridge cardBridge;
    private final VpcdBridge psamBridge;
    private final PcscReaders readers = new PcscReaders();

    private PcscdBridge(FileChannel lockChannel, FileLock lock, Process pcscd, SimulatorTrainingReader training) {
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.pcscd = pcscd;
        this.training = training;
        this.cardBridge = VpcdBridge.local(training.reader().cardSlot());
        this.psamBridge = VpcdBridge.local(training.reader().psamSlot());
        cardBridge.start();
        psamBridge.start();
    }

    static PcscdBridge start(SimulatorTrainingReader training) throws IOException, InterruptedException {
        FileChannel channel = FileChannel.open(LOCK, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = channel.lock();
        Process p = null;
        if (!serviceAnswers()) {
            p = new ProcessBuilder("pcscd", "--foreground", "--info").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (!(serviceAnswers() && vpcdListening())) {
                if (!p.isAlive() || System.nanoTime() > deadline) {
                    p.destroyForcibly();
                    lock.release();
                    channel.close();
                    throw new IllegalStateException("pcscd (with the vpcd driver) did not come up");
                }
                Thread.sleep(50);
            }
        }
        return new PcscdBridge(channel, lock, p, training);
    }

    void present(String profile) throws IOException {
        training.present(profile);
        if (!readers.waitForCard(CARD_READER, WAIT) || !readers.waitForCard(PSAM_READER, WAIT)) {
            throw new IllegalStateException("pcscd does not show the card and PSAM within " + WAIT);
        }
    }

    private static boolean serviceAnswers() {
        if (!Files.exists(SOCKET)) {
            return false;
        }
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            return ch.connect(UnixDomainSocketAddress.of(SOCKET));
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
    public void close() throws IOException, InterruptedException {
        try {
            cardBridge.close();
            psamBridge.close();
            if (pcscd != null) {
                pcscd.destroy();
                if (!pcscd.waitFor(5, TimeUnit.SECONDS)) {
                    pcscd.destroyForcibly();
                }
            }
        } finally {
            lock.release();
            lockChannel.close();
        }
    }
}
