package org.medcard.simulator.center;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.medcard.simulator.center.fault.FaultInjector;
import org.medcard.simulator.center.fault.FaultKind;
import org.medcard.simulator.center.tx.TxProcessor;

/**
 * {@code POST /api/tx}: applies the injected faults around the transaction processor. SLOW waits before
 * handling; HTTP_500 answers 500 without handling (nothing applied); BAD_SIGN_NO answers 1001; ANSWER_LOST
 * lets the request commit and then closes the connection without sending a status line.
 *
 * <p>Envelope answers (including refusals and -1) are HTTP 200; only the transport says otherwise
 * (404, 405, 413, 500).
 */
final class ApiHandler implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);
    static final String PATH = "/api/tx";
    /** Big enough for a batch of 500 offline records with their items. */
    static final int MAX_BODY = 8 * 1024 * 1024;

    private final TxProcessor processor;
    private final FaultInjector faults;
    private final Runnable requestRead;

    /** @param requestRead told when the whole request is read: the read time-out ends there */
    ApiHandler(TxProcessor processor, FaultInjector faults, Runnable requestRead) {
        this.processor = processor;
        this.faults = faults;
        this.requestRead = requestRead;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try {
            if (!PATH.equals(ex.getRequestURI().getPath())) {
                plain(ex, 404, "not found; the center answers POST " + PATH);
                return;
            }
            if (!"POST".equals(ex.getRequestMethod())) {
                ex.getResponseHeaders().set("Allow", "POST");
                plain(ex, 405, "method not allowed; use POST");
                return;
            }
            byte[] body = readBody(ex.getRequestBody());
            requestRead.run();
            if (body == null) {
                plain(ex, 413, "request body larger than " + MAX_BODY + " bytes");
                return;
            }
            Optional<Long> slow = faults.slowMillis();
            if (slow.isPresent()) {
                Thread.sleep(slow.get());
            }
            if (faults.consume(FaultKind.HTTP_500)) {
                plain(ex, 500, "internal server error (injected fault)");
                return;
            }
            TxProcessor.Answer answer = processor.handle(body, () -> faults.consume(FaultKind.BAD_SIGN_NO));
            if (answer.keptNew() && faults.consume(FaultKind.ANSWER_LOST)) {
                LOG.info("Answer dropped after commit (injected fault)");
                ex.close(); // no status line was sent: the client sees the connection close
                return;
            }
            byte[] bytes = answer.bytes();
            ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            ex.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ex.close();
        } catch (RuntimeException e) {
            LOG.error("Unexpected failure in the API handler", e);
            plain(ex, 500, "center internal error");
        } finally {
            ex.close();
        }
    }

    private static byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY + 1);
        return body.length > MAX_BODY ? null : body;
    }

    static void plain(HttpExchange ex, int status, String message) throws IOException {
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }
}
