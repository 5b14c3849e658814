package org.medcard.terminal.center;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.function.Function;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medcard.queue.EncodedMessage;
import org.medcard.queue.forward.CenterAnswer;

/**
 * The host envelope and the answer's frame ({@link HostLink}) against a real HTTP server on loopback that answers
 * what each test sets: what goes out, and what each kind of answer means (host-protocol.md). Moved here with the
 * link from the offline queue's forwarder tests; TLS is {@code security.CenterTlsIT}, the trickled body
 * {@link HostLinkDeadlineTest}.
 */
class HostLinkTest {

    private static final String MSGID = "P1101010000120261123101502010001";
    private static final EncodedMessage LOAD = new EncodedMessage("8502", "{\"load_id\":\"L1\"}");
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-23T02:15:02Z"), ZoneId.of("Asia/Shanghai"));
    private final ObjectMapper json = new ObjectMapper();
    private HttpServer server;
    /** What the center answers to the envelope it got. */
    private volatile Function<JsonNode, Reply> center;
    private volatile JsonNode lastEnvelope;

    private record Reply(int status, String body, long delayMs) {
        static Reply ok(String body) {
            return new Reply(200, body, 0);
        }
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        server.createContext("/api/tx", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    private void handle(HttpExchange ex) throws IOException {
        JsonNode env = json.readTree(ex.getRequestBody().readAllBytes());
        lastEnvelope = env;
        Reply r = center.apply(env);
        if (r.delayMs() > 0) {
            try {
                Thread.sleep(r.delayMs());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] bytes = r.body().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(r.status(), bytes.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(bytes);
        }
    }

    private URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    private HostLink link(URI base, Duration requestTimeout) {
        return new HostLink(new HostLink.Settings(base, "P11010100001", "T01", "cashier01", () -> "S-20261123-0001",
                Duration.ofSeconds(2), requestTimeout, null), clock);
    }

    private CenterAnswer send() {
        return link(base(), Duration.ofSeconds(5)).send(LOAD, MSGID);
    }

    /** The frame of an answer to {@code env} with this infcode, err_msg and output (raw JSON or null). */
    private static String frame(JsonNode env, long infcode, String errMsg, String output) {
        return "{\"infcode\":" + infcode + ",\"err_msg\":" + (errMsg == null ? "null" : "\"" + errMsg + "\"")
                + ",\"inf_refmsgid\":\"" + env.path("msgid").asText() + "\",\"respond_time\":\"2026-11-23 10:15:02\""
                + (output == null ? "" : ",\"output\":" + output) + "}";
    }

    @Test
    void envelopeCarriesTheHostProtocolFields() {
        center = env -> Reply.ok(frame(env, 0, null, "{}"));
        send();
        JsonNode env = lastEnvelope;
        assertEquals("8502", env.path("infno").asText());
        assertEquals(MSGID, env.path("msgid").asText());
        assertEquals("P11010100001", env.path("fixmedins_code").asText());
        assertEquals("T01", env.path("dev_no").asText());
        assertEquals("cashier01", env.path("opter").asText());
        assertEquals("S-20261123-0001", env.path("sign_no").asText());
        assertEquals("2026-11-23 10:15:02", env.path("inf_time").asText());
        assertEquals("L1", env.path("input").path("load_id").asText());
    }

    @Test
    void infcode0IsAccepted_withItsOutput_orAnEmptyOne() {
        center = env -> Reply.ok(frame(env, 0, null, "{\"setl_id\":\"S1\"}"));
        assertEquals(new CenterAnswer.Accepted("{\"setl_id\":\"S1\"}"), send());
        center = env -> Reply.ok(frame(env, 0, null, null));
        assertEquals(new CenterAnswer.Accepted("{}"), send());
    }

    @Test
    void infcodes9999And1001AskForTheSameMsgidAgain() {
        center = env -> Reply.ok(frame(env, 9999, "center internal error", null));
        assertEquals(new CenterAnswer.Retry(HostLink.CENTER_INTERNAL_ERROR, "center internal error"), send());
        center = env -> Reply.ok(frame(env, 1001, "sign_no unknown", null));
        assertEquals(new CenterAnswer.Retry(HostLink.SIGNED_OUT, "sign_no unknown"), send());
    }

    @Test
    void anyOtherInfcodeIsARefusal_withTheCentersWordsAndOutput() {
        center = env -> Reply.ok(frame(env, 2002, "card frozen", "{\"psn_status\":\"FROZEN\"}"));
        assertEquals(new CenterAnswer.Refused(2002, "card frozen", "{\"psn_status\":\"FROZEN\"}"), send());
        center = env -> Reply.ok(frame(env, 3001, "mismatch", null));
        assertEquals(new CenterAnswer.Refused(3001, "mismatch", "{}"), send(), "3201 reads 3001 as an answer, not the link");
    }

    @Test
    void http4xxIsARefusal() {
        center = env -> new Reply(400, "{\"error\":\"bad request\"}", 0);
        CenterAnswer.Refused r = assertInstanceOf(CenterAnswer.Refused.class, send());
        assertEquals(HostLink.HTTP_REFUSAL, r.code());
        assertTrue(r.message().contains("HTTP 400"), r.message());
        assertEquals("{}", r.output());
    }

    @Test
    void http5xxIsNoAnswer() {
        center = env -> new Reply(500, "{\"error\":\"internal\"}", 0);
        CenterAnswer.NoAnswer none = assertInstanceOf(CenterAnswer.NoAnswer.class, send());
        assertEquals("HTTP 500", none.reason());
    }

    @Test
    void anAnswerThatIsNotJsonIsNoAnswer() {
        center = env -> Reply.ok("<html>proxy error</html>");
        CenterAnswer.NoAnswer none = assertInstanceOf(CenterAnswer.NoAnswer.class, send());
        assertTrue(none.reason().contains("not JSON"), none.reason());
    }

    @Test
    void anAnswerToAnotherMsgidOrWithoutInfcodeIsNoAnswer() {
        center = env -> Reply.ok("{\"infcode\":0,\"inf_refmsgid\":\"P1101010000120261123101502019999\",\"output\":{}}");
        CenterAnswer.NoAnswer other = assertInstanceOf(CenterAnswer.NoAnswer.class, send());
        assertTrue(other.reason().contains("P1101010000120261123101502019999"), other.reason());
        center = env -> Reply.ok("{\"err_msg\":null,\"inf_refmsgid\":\"" + MSGID + "\"}");
        assertInstanceOf(CenterAnswer.NoAnswer.class, send());
    }

    @Test
    void aSlowCenterIsATimeout() {
        center = env -> new Reply(200, frame(env, 0, null, "{}"), 1500);
        CenterAnswer.NoAnswer none = assertInstanceOf(CenterAnswer.NoAnswer.class,
                link(base(), Duration.ofMillis(300)).send(LOAD, MSGID));
        assertTrue(none.reason().contains("timeout"), none.reason());
    }

    @Test
    void aClosedPortIsNoAnswer() throws IOException {
        URI dead;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            dead = URI.create("http://127.0.0.1:" + s.getLocalPort() + "/");
        }
        assertInstanceOf(CenterAnswer.NoAnswer.class, link(dead, Duration.ofSeconds(5)).send(LOAD, MSGID));
    }

    @Test
    void plainHttpIsRefusedExceptToLoopback() {
        assertThrows(IllegalArgumentException.class, () -> link(URI.create("http://center.example.org/"), Duration.ofSeconds(5)));
        assertDoesNotThrow(() -> link(URI.create("https://center.example.org/"), Duration.ofSeconds(5)), "https to any host");
    }

    @Test
    void eachRoundTripIsACenterCallEventForTheSaleBench(@TempDir Path dir) throws Exception {
        center = env -> Reply.ok(frame(env, 0, null, "{}"));
        Path file = dir.resolve("calls.jfr");
        try (Recording r = new Recording()) {
            r.enable("org.medcard.CenterCall");
            r.start();
            send();
            r.stop();
            r.dump(file);
        }
        List<RecordedEvent> calls = RecordingFile.readAllEvents(file).stream()
                .filter(e -> e.getEventType().getName().equals("org.medcard.CenterCall")).toList();
        assertEquals(1, calls.size());
        assertEquals("8502", calls.get(0).getString("infno"));
        assertEquals(200, calls.get(0).getInt("status"));
    }
}
