package org.medcard.terminal.center;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import org.medcard.queue.EncodedMessage;
import org.medcard.queue.forward.CenterAnswer;
import org.medcard.queue.forward.CenterLink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host protocol's frame around every message, over HTTP(S): {@code POST {base}/api/tx} with the request envelope
 * ({@code infno}, {@code msgid}, {@code fixmedins_code}, {@code dev_no}, {@code opter}, {@code sign_no},
 * {@code inf_time}, {@code input}), and the answer's frame ({@code infcode}, {@code err_msg}, {@code inf_refmsgid},
 * {@code output}) read into what it means ({@link CenterAnswer}): infcode 0 accepted; {@link #RETRY_CODES} "send
 * again with the same msgid"; any other infcode, and HTTP 4xx, refused (host-protocol.md); timeouts, refused or
 * dropped connections, HTTP 5xx and answers that cannot be read or answer another msgid, no answer. The offline
 * queue's forwarder and {@link HostApi} both send through it (behind {@link CenterWatch}); the queue itself only
 * stores {@link EncodedMessage}s and acts on the meaning.
 *
 * <p>The deadline covers the whole exchange, body included; plain HTTP only to a loopback address; TLS as
 * {@link Settings#sslContext()} says. Each round trip is a {@link CenterCallEvent} for Flight Recorder.
 */
public final class HostLink implements CenterLink {
    private static final Logger LOG = LoggerFactory.getLogger(HostLink.class);
    private static final DateTimeFormatter INF_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    /** infcode of an accepted request (or of the stored answer to a msgid accepted before). */
    static final long ACCEPTED = 0;
    /** The center's internal error: retry with the same msgid (the center is there but cannot do its work). */
    public static final long CENTER_INTERNAL_ERROR = 9999;
    /** {@code sign_no} unknown or signed out: sign in again, then the same msgid goes again. */
    public static final long SIGNED_OUT = 1001;
    /** The infcodes that mean "try again with the same msgid" (host-protocol.md). */
    static final Set<Long> RETRY_CODES = Set.of(CENTER_INTERNAL_ERROR, SIGNED_OUT);
    /** The code of a refusal made of an HTTP 4xx status (the center refused the request before reading it). */
    public static final long HTTP_REFUSAL = -1;

    /**
     * Where and as whom the terminal talks to the center.
     *
     * @param base           e.g. {@code https://center.example/}; plain http only to a loopback address
     * @param signNo         the current {@code sign_no} (the terminal signs in with 9001)
     * @param sslContext     trust store and optional client key, or null for the JDK default
     */
    public record Settings(URI base, String institutionCode, String devNo, String opter, Supplier<String> signNo,
                           Duration connectTimeout, Duration requestTimeout, SSLContext sslContext) {
        public Settings {
            Objects.requireNonNull(base, "base");
            Objects.requireNonNull(signNo, "signNo");
            if ("http".equalsIgnoreCase(base.getScheme()) && !isLoopback(base.getHost())) {
                throw new IllegalArgumentException("plain HTTP is allowed only to loopback: " + base);
            }
        }

        /** Connect 2 s, whole request 5 s (host-protocol.md), JDK default trust. */
        public static Settings of(URI base, String institutionCode, String devNo, String opter,
                                  Supplier<String> signNo) {
            return new Settings(base, institutionCode, devNo, opter, signNo, Duration.ofSeconds(2),
                    Duration.ofSeconds(5), null);
        }

        private static boolean isLoopback(String host) {
            try {
                return host != null && InetAddress.getByName(host).isLoopbackAddress();
            } catch (UnknownHostException e) {
                return false;
            }
        }
    }

    private final Settings settings;
    private final Clock clock;
    private final HttpClient client;
    private final ObjectMapper mapper = new ObjectMapper();
    private final URI endpoint;

    public HostLink(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1);
        if (settings.sslContext() != null) {
            b.sslContext(settings.sslContext());
        }
        this.client = b.build();
        String base = settings.base().toString();
        this.endpoint = URI.create(base.endsWith("/") ? base + "api/tx" : base + "/api/tx");
    }

    @Override
    public CenterAnswer send(EncodedMessage message, String msgid) {
        String infno = message.transaction();
        HttpResponse<String> response;
        CompletableFuture<HttpResponse<String>> call = null;
        try {
            HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(settings.requestTimeout())
                    .header("Content-Type", "application/json; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(envelope(infno, msgid, message.input()), StandardCharsets.UTF_8))
                    .build();
            // HttpRequest.timeout covers the headers only: a center trickling its body would hold us for ever.
            // The deadline below covers the whole exchange, body included (host-protocol.md: whole request 5 s).
            CenterCallEvent event = CenterCallEvent.begin(infno);
            call = client.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            response = call.get(settings.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
            event.end(response.statusCode());
        } catch (TimeoutException e) {
            call.cancel(true); // aborts the exchange and closes its connection
            return noAnswer(msgid, "timeout: no complete answer within " + settings.requestTimeout().toMillis()
                    + " ms (center.request_timeout_ms, body included)");
        } catch (ExecutionException e) {
            return failed(msgid, e.getCause());
        } catch (IOException e) {
            return failed(msgid, e);
        } catch (InterruptedException e) {
            if (call != null) {
                call.cancel(true);
            }
            Thread.currentThread().interrupt();
            return noAnswer(msgid, "interrupted");
        }
        return read(msgid, response);
    }

    private static CenterAnswer failed(String msgid, Throwable e) {
        if (e instanceof HttpTimeoutException) {
            return noAnswer(msgid, "timeout: " + e.getMessage());
        }
        if (e instanceof javax.net.ssl.SSLException) {
            // Untrusted certificate, wrong host name, client certificate refused: a fault (the sale goes offline),
            // never a refusal — but said plainly so the technician checks the TLS settings, not the cable.
            return noAnswer(msgid, "TLS failed (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + "); check center.truststore, center.keystore and that center.url's host name is in the center's certificate");
        }
        if (e instanceof IOException && e.getCause() instanceof javax.net.ssl.SSLException tls) {
            return failed(msgid, tls);
        }
        return noAnswer(msgid, e.getClass().getSimpleName() + ": " + e.getMessage());
    }

    private String envelope(String infno, String msgid, String inputJson) throws JsonProcessingException {
        ObjectNode env = mapper.createObjectNode().put("infno", infno).put("msgid", msgid)
                .put("fixmedins_code", settings.institutionCode()).put("dev_no", settings.devNo())
                .put("opter", settings.opter()).put("sign_no", settings.signNo().get())
                .put("inf_time", INF_TIME.format(LocalDateTime.now(clock)));
        env.set("input", mapper.readTree(inputJson));
        return mapper.writeValueAsString(env);
    }

    private CenterAnswer read(String msgid, HttpResponse<String> response) {
        int status = response.statusCode();
        if (status >= 500) {
            return noAnswer(msgid, "HTTP " + status);
        }
        if (status >= 400) {
            return new CenterAnswer.Refused(HTTP_REFUSAL, "HTTP " + status + ": " + response.body(), "{}");
        }
        try {
            JsonNode body = mapper.readTree(response.body());
            String ref = body.path("inf_refmsgid").asText(msgid);
            if (!body.has("infcode") || !msgid.equals(ref)) {
                return noAnswer(msgid, "answer without infcode or for another msgid (" + ref + ")");
            }
            JsonNode out = body.path("output");
            return meaning(body.path("infcode").asLong(), body.path("err_msg").isNull() ? null : body.path("err_msg").asText(null),
                    out.isMissingNode() || out.isNull() ? null : out.toString());
        } catch (JsonProcessingException e) {
            return noAnswer(msgid, "answer is not JSON: " + e.getOriginalMessage());
        }
    }

    /**
     * What an answer's frame means: infcode 0 accepted, {@link #RETRY_CODES} retry, anything else refused.
     *
     * @param output the answer's {@code output} as JSON text, or null when it had none
     */
    static CenterAnswer meaning(long infcode, String errMsg, String output) {
        String out = output == null ? "{}" : output;
        if (infcode == ACCEPTED) {
            return new CenterAnswer.Accepted(out);
        }
        return RETRY_CODES.contains(infcode) ? new CenterAnswer.Retry(infcode, errMsg) : new CenterAnswer.Refused(infcode, errMsg, out);
    }

    private static CenterAnswer noAnswer(String msgid, String reason) {
        LOG.info("No answer from the center for {}: {}", msgid, reason);
        return new CenterAnswer.NoAnswer(reason);
    }
}
