package org.medcard.terminal.center;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

import org.medcard.queue.EncodedMessage;
import org.medcard.queue.forward.CenterAnswer;
import org.medcard.queue.forward.CenterLink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the center's tag true within 2 s both ways (issue 15). Every request to the center — queries, the
 * forwarder's settlements and uploads, re-settlements, the day close, catalog syncs — passes through this link and
 * says what happened: an answer means the center answers, no answer means it does not. While nothing is sent,
 * {@link #look()} (every half second) opens a bare TCP connection to the center's port (no request, nothing the
 * center records): refused or timed out is a fault at once; open again after a fault asks the terminal to make one
 * real request ({@link Listener#reachableAgain()}), so the tag turns green on an answer, never on a socket alone.
 *
 * <p>{@link #send} runs on whatever thread calls the center; {@link #look()} on the terminal's scheduler.
 */
public final class CenterWatch implements CenterLink {

    private static final Logger LOG = LoggerFactory.getLogger(CenterWatch.class);
    /** A request this recent already told the truth: no probe. */
    static final Duration QUIET = Duration.ofSeconds(1);
    /** At most one real request per this while the center accepts connections but has not answered yet. */
    static final Duration RETRY_REAL = Duration.ofSeconds(2);

    /** What the watch tells the terminal (its part state and what to do once the center is back). */
    public interface Listener {
        /** The center answered a request. */
        void answered();

        /** The center did not answer, or its port is closed. */
        void noAnswer(String reason);

        /** The center's port opens again after a fault: make one real request now (and send what waits). */
        void reachableAgain();
    }

    private final CenterLink link;
    private final String host;
    private final int port;
    private final Duration connectTimeout;
    private final LongSupplier nanos;
    private volatile Listener listener;
    private volatile long lastCallNanos;
    private volatile boolean answering = true;
    private volatile long lastRealTryNanos;

    /**
     * @param base the center's base URL (its host and port are probed)
     * @param connectTimeout how long a probe waits for the connection (below half a second keeps the 2 s promise)
     */
    public CenterWatch(CenterLink link, URI base, Duration connectTimeout) {
        this(link, base, connectTimeout, System::nanoTime);
    }

    CenterWatch(CenterLink link, URI base, Duration connectTimeout, LongSupplier nanos) {
        this.link = Objects.requireNonNull(link);
        this.host = base.getHost();
        this.port = base.getPort() >= 0 ? base.getPort() : "https".equalsIgnoreCase(base.getScheme()) ? 443 : 80;
        this.connectTimeout = connectTimeout;
        this.nanos = nanos;
        this.lastCallNanos = nanos.getAsLong();
        this.lastRealTryNanos = nanos.getAsLong() - RETRY_REAL.toNanos();
        this.listener = new Listener() {
            @Override
            public void answered() {
            }

            @Override
            public void noAnswer(String reason) {
            }

            @Override
            public void reachableAgain() {
            }
        };
    }

    /** Set once by the terminal, after the parts it reports to exist. */
    public void listen(Listener l) {
        this.listener = Objects.requireNonNull(l);
    }

    @Override
    public CenterAnswer send(EncodedMessage message, String msgid) {
        CenterAnswer a = link.send(message, msgid);
        lastCallNanos = nanos.getAsLong();
        boolean centerFailing = a instanceof CenterAnswer.Retry r && r.code() == HostLink.CENTER_INTERNAL_ERROR;
        if (!(a instanceof CenterAnswer.NoAnswer) && !centerFailing) {
            answering = true;
            listener.answered();
        } else {
            answering = false;
            listener.noAnswer(a instanceof CenterAnswer.NoAnswer no ? "center unreachable: " + no.reason()
                    : "center error " + HostLink.CENTER_INTERNAL_ERROR + " (" + message.transaction() + ")");
        }
        return a;
    }

    /** Whether the last request or probe found the center answering. */
    public boolean answering() {
        return answering;
    }

    /** One look at the center when nothing was sent for a second; called every half second. Never throws. */
    public void look() {
        try {
            long now = nanos.getAsLong();
            if (now - lastCallNanos < QUIET.toNanos()) {
                return;
            }
            if (!portOpen()) {
                if (answering) {
                    LOG.warn("Center {}:{} does not accept connections", host, port);
                }
                answering = false;
                listener.noAnswer("center unreachable: no connection to " + host + ":" + port);
                return;
            }
            if (!answering && now - lastRealTryNanos >= RETRY_REAL.toNanos()) {
                lastRealTryNanos = now;
                LOG.info("Center {}:{} accepts connections again: asking it", host, port);
                listener.reachableAgain();
            }
        } catch (RuntimeException e) {
            LOG.warn("Center watch: {}", e.getMessage());
        }
    }

    private boolean portOpen() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), (int) connectTimeout.toMillis());
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
