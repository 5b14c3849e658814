package org.medcard.queue.forward;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.medcard.queue.EncodedMessage;

/**
 * The queue's tests' own {@link CenterLink}: the host protocol's JSON envelope over plain HTTP to a loopback center
 * ({@link FakeCenter}, or the simulator's). The terminal's link ({@code org.medcard.terminal.center.HostLink}) is
 * the real one, with TLS, the loopback rule and its tests; this module cannot see it, so its tests frame messages
 * here, as {@link org.medcard.queue.HostWireFormat} encodes them. Same meanings: infcode 0 accepted, 9999 and 1001
 * retry, other codes and HTTP 4xx refused, HTTP 5xx, timeouts, unreadable answers and answers to another msgid none.
 */
public final class EnvelopeLink implements CenterLink {
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI endpoint;
    private final Duration timeout;

    /** @param timeout the whole exchange's deadline, body included */
    public EnvelopeLink(URI base, Duration timeout) {
        this.endpoint = base.resolve("/api/tx");
        this.timeout = timeout;
    }

    public EnvelopeLink(URI base) {
        this(base, Duration.ofSeconds(5));
    }

    @Override
    public CenterAnswer send(EncodedMessage message, String msgid) {
        HttpResponse<String> response;
        try {
            ObjectNode env = json.createObjectNode().put("infno", message.transaction()).put("msgid", msgid)
                    .put("fixmedins_code", "P11010100001").put("dev_no", "T01").put("opter", "cashier01")
                    .put("sign_no", "S-20261123-0001").put("inf_time", "2026-11-23 10:15:02");
            env.set("input", json.readTree(message.input()));
            HttpRequest request = HttpRequest.newBuilder(endpoint).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(env.toString(), StandardCharsets.UTF_8)).build();
            response = client.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return new CenterAnswer.NoAnswer("timeout after " + timeout.toMillis() + " ms");
        } catch (ExecutionException | IOException e) {
            return new CenterAnswer.NoAnswer(e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new CenterAnswer.NoAnswer("interrupted");
        }
        if (response.statusCode() >= 500) {
            return new CenterAnswer.NoAnswer("HTTP " + response.statusCode());
        }
        if (response.statusCode() >= 400) {
            return new CenterAnswer.Refused(-1, "HTTP " + response.statusCode() + ": " + response.body(), "{}");
        }
        JsonNode body;
        try {
            body = json.readTree(response.body());
        } catch (IOException e) {
            return new CenterAnswer.NoAnswer("answer is not JSON");
        }
        if (!body.has("infcode") || !msgid.equals(body.path("inf_refmsgid").asText(msgid))) {
            return new CenterAnswer.NoAnswer("answer without infcode or for another msgid");
        }
        long code = body.path("infcode").asLong();
        String words = body.path("err_msg").isNull() ? null : body.path("err_msg").asText(null);
        String output = body.path("output").isObject() ? body.path("output").toString() : "{}";
        if (code == 0) {
            return new CenterAnswer.Accepted(output);
        }
        return code == 9999 || code == 1001 ? new CenterAnswer.Retry(code, words) : new CenterAnswer.Refused(code, words, output);
    }
}
