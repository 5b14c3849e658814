package org.medcard.simulator.center;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Issue 18 case 10: clients that connect and never finish their request (or trickle it) used to hold the
 * center's four request threads for ever. Now each has a read time-out and the pool is bigger than one
 * client's patience: real sockets on loopback against the real center.
 */
class SlowClientsIT {
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(1);

    @Test
    void manySilentClients_doNotStopTheCenter_andAreDisconnectedAfterTheReadTimeout() throws Exception {
        try (SettlementCenter center = new SettlementCenter(CenterConfig.inMemory(), CenterTestBase.CLOCK, READ_TIMEOUT)) {
            center.start(0);
            List<Socket> silent = new ArrayList<>();
            try {
                for (int i = 0; i < 2 * SettlementCenter.API_THREADS; i++) {
                    Socket s = new Socket(InetAddress.getLoopbackAddress(), center.port());
                    s.getOutputStream().write("POST /api/tx HTTP/1.1\r\nHost: center\r\n".getBytes(StandardCharsets.US_ASCII));
                    s.getOutputStream().flush();
                    silent.add(s);
                }
                long start = System.nanoTime();
                int infcode = assertTimeoutPreemptively(Duration.ofSeconds(15), () -> {
                    CenterClient client = new CenterClient(center.apiUri());
                    client.signIn();
                    return client.call("1301", CenterClient.object().put("since_version", 2)).get("infcode").asInt();
                });
                assertEquals(0, infcode);
                long tookMs = (System.nanoTime() - start) / 1_000_000;
                assertTrue(tookMs < 8_000, "an honest client waited " + tookMs + " ms");
                for (Socket s : silent) {
                    assertTrue(closedByCenter(s, Duration.ofSeconds(5)), "a silent client was not disconnected");
                }
            } finally {
                for (Socket s : silent) {
                    s.close();
                }
            }
        }
    }

    @Test
    void aClientTricklingItsBody_isDisconnected_andNothingIsApplied() throws Exception {
        try (SettlementCenter center = new SettlementCenter(CenterConfig.inMemory(), CenterTestBase.CLOCK, READ_TIMEOUT);
             Socket s = new Socket()) {
            center.start(0);
            s.connect(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), center.port()));
            OutputStream out = s.getOutputStream();
            out.write(("POST /api/tx HTTP/1.1\r\nHost: center\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long start = System.nanoTime();
            boolean cut = false;
            try {
                for (int i = 0; i < 150; i++) { // 30 s of trickling if nobody stops it
                    Thread.sleep(200);
                    out.write(' ');
                    out.flush();
                }
            } catch (IOException e) {
                cut = true; // the center closed the connection under us
            }
            long tookMs = (System.nanoTime() - start) / 1_000_000;
            assertTrue(cut || closedByCenter(s, Duration.ofSeconds(2)), "the trickling client was never cut off");
            assertTrue(tookMs < 10_000, "cut off after " + tookMs + " ms");
        }
    }

    /** True when the center closed the connection (end of stream or reset) within {@code wait}. */
    private static boolean closedByCenter(Socket s, Duration wait) throws IOException {
        s.setSoTimeout((int) wait.toMillis());
        InputStream in = s.getInputStream();
        try {
            byte[] buf = new byte[512];
            while (true) {
                int n = in.read(buf);
                if (n < 0) {
                    return true;
                }
            }
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }
}
