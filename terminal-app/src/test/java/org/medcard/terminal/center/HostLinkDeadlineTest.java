package org.medcard.terminal.center;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.medcard.queue.EncodedMessage;
import org.medcard.queue.forward.CenterAnswer;

/**
 * Issue 18 case 9: a center that sends its headers at once and then trickles the body, one byte every
 * 100 ms, must not hold the terminal longer than {@code center.request_timeout_ms}. A real socket on
 * loopback, no mocking: the JDK client's own per-request timeout stops at the headers.
 */
class HostLinkDeadlineTest {

    private ServerSocket server;
    private Thread serverThread;
    private final AtomicInteger bytesTrickled = new AtomicInteger();

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        if (serverThread != null) {
            serverThread.interrupt();
            serverThread.join(2000);
        }
    }

    @Test
    void centerTricklingItsBody_isNoAnswerWithinTheRequestDeadline() throws Exception {
        URI base = tricklingCenter();
        HostLink link = new HostLink(new HostLink.Settings(base, "H11010500001", "T001", "op",
                () -> "S-1", Duration.ofSeconds(2), Duration.ofMillis(800), null),
                Clock.fixed(Instant.parse("2026-11-23T02:00:00Z"), ZoneOffset.UTC));

        long start = System.nanoTime();
        CenterAnswer answer = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> link.send(new EncodedMessage("2207", "{}"), "H11010500001202611231000000001"));
        long tookMs = (System.nanoTime() - start) / 1_000_000;

        CenterAnswer.NoAnswer none = assertInstanceOf(CenterAnswer.NoAnswer.class, answer);
        assertTrue(none.reason().contains("timeout"), none.reason());
        assertTrue(tookMs >= 700 && tookMs < 3000, "took " + tookMs + " ms");
        assertTrue(bytesTrickled.get() > 0, "the center had started its body before the deadline");
    }

    /** Answers every request with headers promising 4000 bytes, then sends one byte every 100 ms. */
    private URI tricklingCenter() throws IOException {
        server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        serverThread = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket s = server.accept()) {
                    readRequest(s.getInputStream());
                    OutputStream out = s.getOutputStream();
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 4000\r\n\r\n{")
                            .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    for (int i = 0; i < 3999 && !Thread.currentThread().isInterrupted(); i++) {
                        Thread.sleep(100);
                        out.write(' ');
                        out.flush();
                        bytesTrickled.incrementAndGet();
                    }
                } catch (IOException | InterruptedException e) {
                    return; // the client gave up (or the test ended)
                }
            }
        }, "trickling-center");
        serverThread.setDaemon(true);
        serverThread.start();
        return URI.create("http://127.0.0.1:" + server.getLocalPort() + "/");
    }

    private static void readRequest(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                return;
            }
            head.append((char) b);
        }
        int length = 0;
        for (String line : head.toString().split("\r\n")) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        in.readNBytes(length);
    }
}
