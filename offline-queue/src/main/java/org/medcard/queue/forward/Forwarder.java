package org.medcard.queue.forward;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.medcard.queue.ForwardResult;
import org.medcard.queue.OfflineQueue;
import org.medcard.queue.OutboxMessage;
import org.medcard.queue.OutboxState;
import org.medcard.queue.QueueStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the queue's outbox to the center. One sender at a time (a lock here, and the store refuses a second
 * SENDING message); strictly in outbox order, so per card too. After a send without an answer it waits
 * {@link Backoff} (full jitter) before the next attempt; {@link #forwardNow()} (the cashier's button) ends the
 * wait. While the queue reports tamper evidence, nothing is sent.
 *
 * <p>Threads: {@link #start()} runs one background thread; {@link #drainOnce()} and {@link #sendNow} run on
 * the caller's thread (never the UI thread: they do network I/O) and wait for the background sender.
 */
public final class Forwarder implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Forwarder.class);

    private final OfflineQueue queue;
    private final CenterLink link;
    private final Backoff backoff;
    private final Clock clock;
    private final Duration idlePoll;
    private final ReentrantLock sendLock = new ReentrantLock();
    private final Object signal = new Object();
    /** Written only by the sender holding {@link #sendLock}; read by anyone. */
    private volatile int failures;
    /** Written by the sender and by {@link #forwardNow()} (which must not wait for a send in progress). */
    private volatile Instant nextAttempt = Instant.MIN;
    private boolean wakeUp;
    private volatile boolean running;
    private Thread thread;

    /**
     * @param idlePoll how often the background thread looks for new work when idle
     */
    public Forwarder(OfflineQueue queue, CenterLink link, Backoff backoff, Clock clock, Duration idlePoll) {
        this.queue = queue;
        this.link = link;
        this.backoff = backoff;
        this.clock = clock;
        this.idlePoll = idlePoll;
    }

    /**
     * Sends until nothing waits, the center does not answer (then backs off), or the backoff wait is not
     * over. Returns what happened, in order.
     */
    public List<ForwardResult> drainOnce() {
        sendLock.lock();
        try {
            return drainLocked();
        } finally {
            sendLock.unlock();
        }
    }

    private List<ForwardResult> drainLocked() {
        List<ForwardResult> results = new ArrayList<>();
        while (!clock.instant().isBefore(nextAttempt)) {
                Optional<OutboxMessage> next = queue.claimNext();
                if (next.isEmpty()) {
                    break;
                }
                ForwardResult r = send(next.get());
                results.add(r);
                if (r.state() == OutboxState.UNKNOWN) {
                    break;
                }
        }
        return results;
    }

    /**
     * Sends one given message now (the terminal's online settle), ignoring the backoff wait. When older work
     * of the same card is still without an answer, that goes first (per-card order): the queue is drained in
     * order and the result for {@code msgid} is returned if it was reached.
     */
    public Optional<ForwardResult> sendNow(String msgid) {
        sendLock.lock();
        try {
            Optional<ForwardResult> direct = queue.claim(msgid).map(this::send);
            if (direct.isPresent() || queue.forwardingBlocked()) {
                return direct;
            }
            nextAttempt = Instant.MIN;
            return drainLocked().stream().filter(r -> r.msgid().equals(msgid)).findFirst();
        } finally {
            sendLock.unlock();
        }
    }

    private ForwardResult send(OutboxMessage m) {
        CenterAnswer answer;
        try {
            answer = link.send(m.message(), m.msgid());
        } catch (RuntimeException e) {
            answer = new CenterAnswer.NoAnswer("link failed: " + e);
        }
        ForwardResult result = record(m.msgid(), answer);
        if (result.state() == OutboxState.UNKNOWN) {
            failures++;
            nextAttempt = clock.instant().plus(backoff.delay(failures));
            LOG.info("{} {} not answered ({}), attempt {} failed; next attempt at {}", m.transaction(), m.msgid(),
                    result.detail(), failures, nextAttempt);
        } else {
            failures = 0;
            nextAttempt = Instant.MIN;
        }
        return result;
    }

    private ForwardResult record(String msgid, CenterAnswer answer) {
        if (answer instanceof CenterAnswer.Accepted a) {
            return queue.recordAccepted(msgid, a.output());
        }
        if (answer instanceof CenterAnswer.Refused r) {
            return queue.recordRefused(msgid, r.code(), r.message());
        }
        if (answer instanceof CenterAnswer.Retry r) {
            return queue.recordRetry(msgid, r.code(), r.message());
        }
        return queue.recordNoAnswer(msgid, ((CenterAnswer.NoAnswer) answer).reason());
    }

    /** The cashier's "forward now": end any backoff wait and send at once. */
    public void forwardNow() {
        nextAttempt = Instant.MIN;
        synchronized (signal) {
            wakeUp = true;
            signal.notifyAll();
        }
    }

    /** When the next attempt may happen (Instant.MIN when now). */
    public Instant nextAttemptAt() {
        return nextAttempt;
    }

    public int consecutiveFailures() {
        return failures;
    }

    /** Starts the background sender. */
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::loop, "queue-forwarder");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (running) {
            try {
                drainOnce();
            } catch (QueueStoreException e) {
                // e.g. writes stopped: wait like after a failed send instead of logging every poll
                sendLock.lock();
                try {
                    failures++;
                    nextAttempt = clock.instant().plus(backoff.delay(failures));
                } finally {
                    sendLock.unlock();
                }
                LOG.error("Forwarder paused until {}: {}", nextAttempt, e.getMessage());
            } catch (RuntimeException e) {
                LOG.error("Forwarder pass failed", e);
            }
            waitForWork();
        }
    }

    private void waitForWork() {
        long waitMs = idlePoll.toMillis();
        Instant next = nextAttemptAt();
        if (!next.equals(Instant.MIN)) {
            waitMs = Math.max(1, Math.min(waitMs, Duration.between(clock.instant(), next).toMillis()));
        }
        synchronized (signal) {
            long deadline = System.nanoTime() + waitMs * 1_000_000;
            while (running && !wakeUp) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    break;
                }
                try {
                    signal.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
            wakeUp = false;
        }
    }

    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            running = false;
            t = thread;
        }
        synchronized (signal) {
            signal.notifyAll();
        }
        if (t != null) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
