package org.medcard.simulator.reader.serial;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two pseudo-terminals joined by {@code socat -d -d pty,raw,echo=0 pty,raw,echo=0}: what one end writes
 * the other reads, like a null-modem cable. The terminal opens one end, the {@link SerialReaderSimulator}
 * the other. The paths are read from socat's notices ({@code N PTY is /dev/pts/5}).
 *
 * <p>Optionally each end also gets a fixed symlink ({@code link=} option), so that a new pair started
 * after {@link #close()} — the "reader plugged back in" — appears under the same path. Closing stops
 * socat, which removes both ptys: for a program holding an end, that is the port vanishing, as when a
 * USB-serial reader is pulled.
 */
public final class PtyPair implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PtyPair.class);
    private static final Pattern PTY_NOTICE = Pattern.compile("PTY is (\\S+)");
    private static final long START_TIMEOUT_MILLIS = 5000;

    private final Process socat;
    private final String terminalEnd;
    private final String readerEnd;

    private PtyPair(Process socat, String terminalEnd, String readerEnd) {
        this.socat = socat;
        this.terminalEnd = terminalEnd;
        this.readerEnd = readerEnd;
    }

    /** Starts socat (found on the PATH) with two plain ptys. */
    public static PtyPair start() throws IOException {
        return start("socat", null, null);
    }

    /**
     * Starts {@code socat} and waits (at most 5 s) until it has said where both ptys are.
     *
     * @param terminalLink if not null, a symlink socat creates to the terminal's end (and removes on exit)
     * @param readerLink   the same for the reader's end
     */
    public static PtyPair start(String socatCommand, Path terminalLink, Path readerLink) throws IOException {
        List<String> command = List.of(socatCommand, "-d", "-d", address(terminalLink), address(readerLink));
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        CompletableFuture<List<String>> paths = new CompletableFuture<>();
        Thread drain = new Thread(() -> readNotices(process, paths), "socat stderr");
        drain.setDaemon(true);
        drain.start();
        List<String> ptys;
        try {
            ptys = paths.get(START_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted while starting socat", e);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IOException("socat did not report two ptys within " + START_TIMEOUT_MILLIS + " ms ("
                    + String.join(" ", command) + ")", e);
        }
        String terminal = terminalLink != null ? terminalLink.toString() : ptys.get(0);
        String reader = readerLink != null ? readerLink.toString() : ptys.get(1);
        log.info("socat pty pair: terminal end {} ({}), reader end {} ({})", terminal, ptys.get(0), reader, ptys.get(1));
        return new PtyPair(process, terminal, reader);
    }

    private static String address(Path link) {
        return "pty,raw,echo=0" + (link == null ? "" : ",link=" + link);
    }

    /** Reads socat's stderr for the whole of its life (so it never blocks on a full pipe). */
    private static void readNotices(Process process, CompletableFuture<List<String>> paths) {
        List<String> found = new ArrayList<>(2);
        try (BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = err.readLine()) != null) {
                log.debug("socat: {}", line);
                Matcher m = PTY_NOTICE.matcher(line);
                if (m.find() && found.size() < 2) {
                    found.add(m.group(1));
                    if (found.size() == 2) {
                        paths.complete(List.copyOf(found));
                    }
                }
            }
        } catch (IOException e) {
            log.debug("socat stderr closed: {}", e.getMessage());
        }
        paths.completeExceptionally(new IOException("socat ended after reporting " + found.size() + " of 2 ptys"));
    }

    /** The path the terminal opens (the symlink if one was asked for). */
    public String terminalEnd() {
        return terminalEnd;
    }

    /** The path the reader simulator opens. */
    public String readerEnd() {
        return readerEnd;
    }

    public boolean isAlive() {
        return socat.isAlive();
    }

    /** Stops socat (both ptys vanish) and waits for it to end; never throws. */
    @Override
    public void close() {
        socat.destroy();
        try {
            if (!socat.waitFor(2, TimeUnit.SECONDS)) {
                socat.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            socat.destroyForcibly();
        }
    }

    @Override
    public String toString() {
        return "PtyPair[terminal " + terminalEnd + ", reader " + readerEnd + "]";
    }
}
