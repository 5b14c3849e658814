package org.medcard.queue.forward;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small settlement center on loopback speaking the host-protocol envelope, with the faults the real
 * simulator will have: HTTP 500, slow answers, answer lost after commit (commits, then drops the connection),
 * records with an invalid TAC, chosen infcodes. Idempotent by msgid, never pays a card counter twice.
 */
public final class FakeCenter implements AutoCloseable {
    private final ObjectMapper mapper = new ObjectMapper();
    private final HttpServer server;
    /** msgid -> the answer body, returned unchanged when the msgid comes again. */
    public final Map<String, String> answers = new ConcurrentHashMap<>();
    /** card_no:offline_counter -> setl_id: every purse record paid, once. */
    public final Map<String, String> payments = new ConcurrentHashMap<>();
    /** Every request's msgid, in arrival order (a resend appears twice). */
    public final List<String> arrivals = new CopyOnWriteArrayList<>();
    /** card_no:offline_counter of 8301 records in arrival order. */
    public final List<String> recordArrivals = new CopyOnWriteArrayList<>();
    /** The last request envelope. */
    public volatile JsonNode lastEnvelope;
    public final Set<String> invalidTac = ConcurrentHashMap.newKeySet();
    public final Map<String, Integer> infcodeFor = new ConcurrentHashMap<>();
    public final AtomicInteger loseAnswers = new AtomicInteger();
    public final AtomicInteger fail500 = new AtomicInteger();
    public final AtomicInteger answer9999 = new AtomicInteger();
    public final AtomicInteger fail400 = new AtomicInteger();
    public final AtomicInteger garbage = new AtomicInteger();
    public volatile long delayMs;
    private final AtomicInteger inFlight = new AtomicInteger();
    public final AtomicInteger maxInFlight = new AtomicInteger();
    private final AtomicInteger setlSeq = new AtomicInteger();

    public FakeCenter() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.createContext("/api/tx", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    private void handle(HttpExchange ex) throws IOException {
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
            JsonNode env = mapper.readTree(ex.getRequestBody().readAllBytes());
            lastEnvelope = env;
            String msgid = env.path("msgid").asText();
            arrivals.add(msgid);
            sleep();
            if (fail500.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                respond(ex, 500, "{\"error\":\"internal\"}");
                return;
            }
            if (fail400.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                respond(ex, 400, "{\"error\":\"bad request\"}");
                return;
            }
            if (garbage.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                respond(ex, 200, "<html>proxy error</html>");
                return;
            }
            if (answer9999.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                respond(ex, 200, "{\"infcode\":9999,\"err_msg\":\"center internal error\",\"inf_refmsgid\":\""
                        + msgid + "\"}");
                return;
            }
            String body = answers.computeIfAbsent(msgid, m -> commit(env));
            if (loseAnswers.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                ex.close(); // committed, then the connection drops: the terminal gets no answer
                return;
            }
            respond(ex, 200, body);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private void sleep() {
        if (delayMs > 0) {
            try {
                Thread.sleep(delayMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private synchronized String commit(JsonNode env) {
        String infno = env.path("infno").asText();
        ObjectNode answer = mapper.createObjectNode();
        answer.put("inf_refmsgid", env.path("msgid").asText()).put("respond_time", "2026-11-23 10:15:02");
        Integer code = infcodeFor.get(infno);
        if (code != null) {
            return answer.put("infcode", code).put("err_msg", "refused by the test center").toString();
        }
        answer.put("infcode", 0).putNull("err_msg");
        ObjectNode out = answer.putObject("output");
        switch (infno) {
            case "8301" -> batch(env.path("input").path("records"), out.putArray("results"));
            case "8400" -> out.put("registered", true);
            case "2601" -> out.put("reversed", true);
            case "8401" -> out.put("setl_id", "S" + setlSeq.incrementAndGet()).put("fund_pay", 100).put("acct_pay", 50)
                    .put("refund_to_patient", 150);
            default -> out.put("setl_id", "S" + setlSeq.incrementAndGet());
        }
        return answer.toString();
    }

    private void batch(JsonNode records, ArrayNode results) {
        for (JsonNode r : records) {
            String key = r.path("card_no").asText() + ":" + r.path("offline_counter").asInt();
            recordArrivals.add(key);
            ObjectNode res = results.addObject().put("card_no", r.path("card_no").asText())
                    .put("offline_counter", r.path("offline_counter").asInt());
            if (invalidTac.contains(key)) {
                res.put("status", "REJECTED").put("reason", "TAC_INVALID");
            } else if (payments.containsKey(key)) {
                res.put("status", "DUPLICATE").put("setl_id", payments.get(key));
            } else {
                String setl = "S" + setlSeq.incrementAndGet();
                payments.put(key, setl);
                res.put("status", "ACCEPTED").put("setl_id", setl);
            }
        }
    }

    private static void respond(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
