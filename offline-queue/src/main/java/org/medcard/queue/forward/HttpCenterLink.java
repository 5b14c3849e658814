package org.medcard.queue.forward;

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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link CenterLink} over HTTP(S) speaking the host-protocol envelope: {@code POST {base}/api/tx}. Timeouts,
 * refused or dropped connections, HTTP 5xx and answers that cannot be read (or answer another msgid) are
 * {@link CenterAnswer.NoAnswer}; HTTP 4xx is a refusal (infcode -1, not retried, host-protocol.md).
 */
public final class HttpCenterLink implements CenterLink {
    private static final Logger LOG = LoggerFactory.getLogger(HttpCenterLink.class);
    private static final DateTimeFormatter INF_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /**
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

    public HttpCenterLink(Settings settings, Clock clock) {
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
    public CenterAnswer send(String infno, String msgid, String inputJson) {
        HttpResponse<String> response;
        CompletableFuture<HttpResponse<String>> call = null;
        try {
            HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(settings.requestTimeout())
                    .header("Content-Type", "application/json; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(envelope(infno, msgid, inputJson), StandardCharsets.UTF_8))
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
            return new CenterAnswer.Answered(-1, "HTTP " + status + ": " + response.body(), "{}");
        }
        try {
            JsonNode body = mapper.readTree(response.body());
            String ref = body.path("inf_refmsgid").asText(msgid);
            if (!body.has("infcode") || !msgid.equals(ref)) {
                return noAnswer(msgid, "answer without infcode or for another msgid (" + ref + ")");
            }
            JsonNode output = body.path("output");
            return new CenterAnswer.Answered(body.path("infcode").asLong(),
                    body.path("err_msg").isNull() ? null : body.path("err_msg").asText(null),
                    output.isMissingNode() || output.isNull() ? "{}" : output.toString());
        } catch (JsonProcessingException e) {
            return noAnswer(msgid, "answer is not JSON: " + e.getOriginalMessage());
        }
    }

    private static CenterAnswer noAnswer(String msgid, String reason) {
        LOG.info("No answer from the center for {}: {}", msgid, reason);
        return new CenterAnswer.NoAnswer(reason);
    }
}
