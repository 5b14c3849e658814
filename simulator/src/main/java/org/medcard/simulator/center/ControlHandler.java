package org.medcard.simulator.center;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.medcard.simulator.center.fault.Fault;
import org.medcard.simulator.center.fault.FaultInjector;
import org.medcard.simulator.center.fault.FaultKind;
import org.medcard.simulator.center.protocol.Json;
import org.medcard.simulator.center.protocol.MalformedRequest;

/**
 * The control API, on its own port so it stays reachable while the API port is DOWN.
 * {@code GET /control/faults} reports the state; {@code POST /control/faults} with
 * {@code {"fault":"SLOW","millis":800}}, {@code {"fault":"HTTP_500","count":2}},
 * {@code {"fault":"SLOW","clear":true}} or {@code {"fault":"NONE"}} (clear all) changes it.
 */
final class ControlHandler implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ControlHandler.class);
    static final String PATH = "/control/faults";

    private final FaultInjector faults;
    private final Json json;
    private final SettlementCenter center;

    ControlHandler(FaultInjector faults, Json json, SettlementCenter center) {
        this.faults = faults;
        this.json = json;
        this.center = center;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try (ex) {
            if (!PATH.equals(ex.getRequestURI().getPath())) {
                send(ex, 404, error("not found; use " + PATH));
                return;
            }
            switch (ex.getRequestMethod()) {
                case "GET" -> send(ex, 200, state());
                case "POST" -> {
                    try {
                        apply(json.parse(ex.getRequestBody().readAllBytes()));
                        send(ex, 200, state());
                    } catch (MalformedRequest | IllegalArgumentException e) {
                        send(ex, 400, error(e.getMessage()));
                    }
                }
                default -> send(ex, 405, error("use GET or POST"));
            }
        } catch (RuntimeException e) {
            LOG.error("Control request failed", e);
        }
    }

    private void apply(JsonNode body) {
        JsonNode kindNode = body.get("fault");
        if (kindNode == null || !kindNode.isTextual()) {
            throw new IllegalArgumentException("fault: missing; one of NONE, " + java.util.Arrays.toString(FaultKind.values()));
        }
        String kind = kindNode.asText().toUpperCase(Locale.ROOT);
        if ("NONE".equals(kind)) {
            faults.clearAll();
            return;
        }
        FaultKind k;
        try {
            k = FaultKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("fault: unknown \"" + kindNode.asText() + "\"; one of NONE, "
                    + java.util.Arrays.toString(FaultKind.values()));
        }
        if (body.path("clear").asBoolean(false)) {
            faults.clear(k);
            return;
        }
        faults.set(new Fault(k, longField(body, "millis"), (int) longField(body, "count")));
    }

    private static long longField(JsonNode body, String name) {
        JsonNode v = body.get(name);
        if (v == null || v.isNull()) {
            return 0;
        }
        if (!v.isIntegralNumber() || v.asLong() < 0) {
            throw new IllegalArgumentException(name + ": must be a non-negative integer");
        }
        return v.asLong();
    }

    private ObjectNode state() {
        ObjectNode out = json.object();
        out.put("api_port", center.port());
        out.put("api_up", !faults.isActive(FaultKind.DOWN));
        ArrayNode list = out.putArray("faults");
        for (FaultInjector.ActiveFault f : faults.snapshot()) {
            ObjectNode o = list.addObject();
            o.put("fault", f.fault().kind().name());
            if (f.fault().kind() == FaultKind.SLOW) {
                o.put("millis", f.fault().millis());
            }
            o.put("remaining", f.remaining());
        }
        return out;
    }

    private ObjectNode error(String message) {
        ObjectNode o = json.object();
        o.put("error", message);
        return o;
    }

    private void send(HttpExchange ex, int status, ObjectNode body) throws IOException {
        byte[] bytes = json.write(body).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }
}
