package org.medcard.simulator.reader.vpcd;

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

import org.medcard.testsupport.SystemParts;

/**
 * A pcscd for integration tests, with vsmartcard's vpcd driver (readers "Virtual PCD 00 00" on TCP 35963
 * and "Virtual PCD 00 01" on 35964).
 *
 * <ul>
 *   <li>When no PC/SC service answers on {@value #SOCKET}, starts {@code pcscd --foreground} as a child
 *       process (its log goes to {@code target/pcscd.log}) and stops it on {@link #close()}.</li>
 *   <li>When one already answers (a pcscd started by systemd, or by hand), reuses it and never stops
 *       it; {@link #owned()} is then false and tests that must stop the service ask for that.</li>
 *   <li>Holds an exclusive lock on {@value #LOCK} meanwhile: pcscd has one fixed socket and vpcd fixed
 *       ports per machine, so concurrent builds on one machine take turns instead of fighting.</li>
 * </ul>
 */
public final class PrivatePcscd implements AutoCloseable {

    static final String SOCKET = "/run/pcscd/pcscd.comm";
    static final String LOCK = "/tmp/medcard-pcscd-it.lock";
    static final Path VPCD_DRIVER = Path.of("/usr/lib/pcsc/drivers/serial/libifdvpcd.so");
    static final Path VPCD_CONFIG = Path.of("/etc/reader.conf.d/vpcd");
    static final List<Integer> VPCD_PORTS = List.of(35963, 35964);

    private final Path pcscd;
    private final Path logFile;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final boolean owned;
    private Process process;

    private PrivatePcscd(Path pcscd, Path logFile, FileChannel lockChannel, FileLock lock, boolean owned) {
        this.pcscd = pcscd;
        this.logFile = logFile;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.owned = owned;
    }

    /** Starts a pcscd of our own, or reuses the one running; skips (or fails in CI) without pcscd and vpcd. */
    public static PrivatePcscd startOrReuse() throws IOException, InterruptedException {
        Path pcscd = SystemParts.needCommand("pcscd", "pcscd");
        SystemParts.need(Files.isRegularFile(VPCD_DRIVER) && Files.isRegularFile(VPCD_CONFIG),
                "the vpcd driver (" + VPCD_DRIVER + ", " + VPCD_CONFIG + ")", "apt-get install vsmartcard-vpcd");
        FileChannel channel = FileChannel.open(Path.of(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = channel.lock();
        boolean running = serviceAnswers();
        PrivatePcscd daemon = new PrivatePcscd(pcscd, Path.of("target", "pcscd.log").toAbsolutePath(), channel, lock, !running);
        if (!running) {
            daemon.start();
        }
        return daemon;
    }

    /** Whether this helper started the pcscd (and may stop it). */
    boolean owned() {
        return owned;
    }

    /** Starts our pcscd and waits until the service answers and vpcd listens. */
    void start() throws IOException, InterruptedException {
        requireOwned();
        Files.createDirectories(logFile.getParent());
        process = new ProcessBuilder(pcscd.toString(), "--foreground", "--info")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!(serviceAnswers() && vpcdListening())) {
            if (!process.isAlive()) {
                throw new IllegalStateException("pcscd exited with " + process.exitValue() + "; see " + logFile);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("pcscd did not come up in 10 s; see " + logFile);
            }
            Thread.sleep(50);
        }
    }

    /** Stops our pcscd (SIGTERM, then SIGKILL after 5 s). */
    void stop() throws InterruptedException {
        requireOwned();
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        process = null;
    }

    private void requireOwned() {
        if (!owned) {
            throw new IllegalStateException("the running pcscd is not ours to start or stop");
        }
    }

    @Override
    public void close() throws IOException {
        try {
            if (owned) {
                stop();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.release();
            lockChannel.close();
        }
    }

    /** Whether a PC/SC service accepts connections on its socket (a stale socket file does not). */
    static boolean serviceAnswers() {
        Path socket = Path.of(SOCKET);
        if (!Files.exists(socket)) {
            return false;
        }
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            return ch.connect(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Whether vpcd listens on both ports, read from {@code /proc/net/tcp}: connecting to find out would
     * itself look like a card insertion to vpcd.
     */
    static boolean vpcdListening() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("/proc/net/tcp"));
        return VPCD_PORTS.stream().allMatch(port -> {
            String local = String.format(Locale.ROOT, ":%04X", port);
            return lines.stream().map(String::trim).map(l -> l.split("\\s+"))
                    .anyMatch(f -> f.length > 3 && f[1].endsWith(local) && f[3].equals("0A"));
        });
    }
}
