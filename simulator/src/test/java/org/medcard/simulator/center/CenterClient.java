package org.medcard.simulator.center;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A minimal terminal-side client for the center's tests: builds envelopes, numbers msgids, posts over
 * real HTTP on loopback with {@link HttpClient}.
 */
final class CenterClient {
    static final String FIXMEDINS = "P11010100001";
    static final ObjectMapper JSON = new ObjectMapper();

    private final URI api;
    private final HttpClient http;
    private final AtomicInteger seq = new AtomicInteger();
    private final String terminal;
    private final String fixmedins;
    private String signNo = "none";

    CenterClient(URI api) {
        this(api, "01");
    }

    CenterClient(URI api, String terminal) {
        this(api, terminal, FIXMEDINS);
    }

    /** A terminal of another institution ({@code fixmedins_code}). */
    CenterClient(URI api, String terminal, String fixmedins) {
        this.api = api;
        this.terminal = terminal;
        this.fixmedins = fixmedins;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    }

    /** A new 32-character msgid: institution, time, terminal, sequence. */
    String newMsgid() {
        return fixmedins + "20261122101502" + terminal + String.format(Locale.ROOT, "%04d", seq.incrementAndGet() % 10_000);
    }

    String signIn() throws IOException, InterruptedException {
        ObjectNode in = object().put("opter", "cashier01").put("dev_no", "T" + terminal).put("mac", "00-16-3E-00-00-01");
        JsonNode a = call("9001", in);
        if (a.get("infcode").asInt() != 0) {
            throw new IllegalStateException("sign-in failed: " + a);
        }
        signNo = a.at("/output/sign_no").asText();
        return signNo;
    }

    /** Uses a sign_no obtained earlier (e.g. before the center restarted). */
    void signInAs(String existing) {
        signNo = existing;
    }

    String signNo() {
        return signNo;
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    ObjectNode envelope(String msgid, String infno, JsonNode input) {
        ObjectNode e = object();
        e.put("infno", infno);
        e.put("msgid", msgid);
        e.put("fixmedins_code", fixmedins);
        e.put("dev_no", "T" + terminal);
        e.put("opter", "cashier01");
        e.put("sign_no", signNo);
        e.put("inf_time", "2026-11-22 10:15:02");
        e.set("input", input);
        return e;
    }

    JsonNode call(String infno, JsonNode input) throws IOException, InterruptedException {
        return call(newMsgid(), infno, input);
    }

    JsonNode call(String msgid, String infno, JsonNode input) throws IOException, InterruptedException {
        HttpResponse<String> r = post(envelope(msgid, infno, input).toString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    /** Posts a raw body; the caller checks status and body. */
    HttpResponse<String> post(String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(api).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Posts the envelope and returns the raw answer text (for byte-identical comparisons). */
    String callRaw(String msgid, String infno, JsonNode input) throws IOException, InterruptedException {
        HttpResponse<String> r = post(envelope(msgid, infno, input).toString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }
}
