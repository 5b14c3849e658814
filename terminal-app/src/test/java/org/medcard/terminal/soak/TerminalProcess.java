package org.medcard.terminal.soak;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One run of {@link SoakTerminalDriver} as a child JVM: commands go to its standard input, its answer lines
 * come back through a reader thread, its log is appended to a file. {@link #kill()} is SIGKILL (no shutdown
 * hooks, no {@code close()}: SQLite and the card see the process vanish mid-work).
 */
final class TerminalProcess implements AutoCloseable {
    private static final String EOF = "\u0000EOF";

    private final Process process;
    private final Writer in;
    private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();
    private volatile boolean ended;

    private TerminalProcess(Process process) {
        this.process = process;
        this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread t = new Thread(this::pump, "soak-terminal-stdout");
        t.setDaemon(true);
        t.start();
    }

    /** Starts the terminal on {@code dataDir} and waits until it says READY. */
    static TerminalProcess start(Path dataDir, String centerUrl, long clockOffsetMillis, Path log, Duration wait)
            throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
                "-Dsun.security.smartcardio.t0GetResponse=false", "-Dsun.security.smartcardio.t1GetResponse=false",
                "-cp", System.getProperty("java.class.path"), SoakTerminalDriver.class.getName(),
                dataDir.toString(), centerUrl, Long.toString(clockOffsetMillis)))
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        TerminalProcess t = new TerminalProcess(p);
        String ready = t.answer(wait).orElse(null);
        if (!"READY".equals(ready)) {
            t.kill();
            throw new IllegalStateException("terminal did not start (" + ready + "); see " + log);
        }
        return t;
    }

    /** Sends one command line. */
    void send(String command) throws IOException {
        in.write(command + "\n");
        in.flush();
    }

    /** The next answer (without the prefix), or empty when the process ended or {@code wait} passed. */
    Optional<String> answer(Duration wait) throws InterruptedException {
        String a = answers.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        if (a == null || a.equals(EOF)) {
            if (a != null) {
                answers.add(EOF); // later calls see the end too
            }
            return Optional.empty();
        }
        return Optional.of(a);
    }

    /** Whether its output ended (the process exited or was killed), as opposed to an answer that is late. */
    boolean ended() {
        return ended;
    }

    boolean alive() {
        return process.isAlive();
    }

    /** SIGKILL, and wait until the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    private void pump() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.startsWith(SoakTerminalDriver.PREFIX)) {
                    answers.add(line.substring(SoakTerminalDriver.PREFIX.length()));
                }
            }
        } catch (IOException e) {
            // The process was killed: its pipe closed under us.
        }
        ended = true;
        answers.add(EOF);
    }

    /** Asks the terminal to quit; kills it if it does not within 20 s. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        try {
            send("QUIT");
        } catch (IOException e) {
            // already gone
        }
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
