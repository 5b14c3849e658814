package org.medcard.simulator.center;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The center's request threads: a fixed number of them, and a deadline for <em>reading</em> each request.
 *
 * <p>Why: the JDK's {@code HttpServer} reads a request's line, headers (and, in our handlers, body) on the
 * executor's thread with a blocking read and no time-out of its own. Four clients that connect and send
 * nothing (or one byte a second) used to hold all four threads for as long as they liked, and the center
 * answered nobody. Here every exchange gets {@code readTimeout} from the moment a thread takes it until the
 * handler says the request is read ({@link #requestRead()}); past it, the thread is interrupted, which closes
 * the connection's channel (the server's channels are interruptible), and the thread is free again. The
 * handling itself (the ledger, an injected SLOW) is not timed: it is the center's own work.
 *
 * <p>Thread-safety: any thread may submit; {@link #requestRead()} is called on the request's own thread.
 */
final class ReadDeadlinePool implements Executor {
    private static final Logger LOG = LoggerFactory.getLogger(ReadDeadlinePool.class);

    private static final int READING = 0;
    private static final int HANDLING = 1;
    private static final int CUT = 2;

    private final ThreadPoolExecutor pool;
    private final ScheduledExecutorService watchdog;
    private final long readTimeoutNanos;
    private final Map<Thread, Task> running = new ConcurrentHashMap<>();
    private final ThreadLocal<Task> current = new ThreadLocal<>();

    ReadDeadlinePool(String name, int threads, Duration readTimeout) {
        if (threads < 1 || readTimeout.isNegative() || readTimeout.isZero()) {
            throw new IllegalArgumentException("threads " + threads + ", read time-out " + readTimeout);
        }
        this.readTimeoutNanos = readTimeout.toNanos();
        // Queued exchanges wait for a thread; their deadline starts when one takes them. The queue is not
        // bounded because a rejected task would be thrown at the server's dispatcher thread.
        this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                threads(name));
        this.watchdog = Executors.newSingleThreadScheduledExecutor(threads(name + "-deadline"));
        long period = Math.max(10, readTimeout.toMillis() / 4);
        watchdog.scheduleWithFixedDelay(this::cutOverdue, period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public void execute(Runnable exchange) {
        pool.execute(() -> run(exchange));
    }

    /** Called by a handler on its request's thread once the whole request (body included) is read. */
    void requestRead() {
        Task t = current.get();
        if (t != null) {
            synchronized (t) {
                if (t.state == READING) {
                    t.state = HANDLING;
                }
            }
        }
    }

    /** Stops taking exchanges, waits up to 5 s for those in progress, then interrupts them. */
    void shutdown() {
        watchdog.shutdownNow();
        pool.shutdown();
        try {
            if (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private void run(Runnable exchange) {
        Task t = new Task(Thread.currentThread(), System.nanoTime());
        current.set(t);
        running.put(t.thread, t);
        try {
            exchange.run();
        } finally {
            running.remove(t.thread);
            current.remove();
            synchronized (t) {
                t.state = HANDLING;
                Thread.interrupted(); // a cut that arrived as the exchange ended must not hit the next one
            }
        }
    }

    private void cutOverdue() {
        long now = System.nanoTime();
        for (Task t : running.values()) {
            synchronized (t) {
                if (t.state == READING && now - t.started > readTimeoutNanos) {
                    t.state = CUT;
                    LOG.info("A client took longer than {} ms to send its request; connection closed",
                            TimeUnit.NANOSECONDS.toMillis(readTimeoutNanos));
                    t.thread.interrupt();
                }
            }
        }
    }

    private static final class Task {
        final Thread thread;
        final long started;
        int state = READING;

        Task(Thread thread, long started) {
            this.thread = thread;
            this.started = started;
        }
    }

    private static ThreadFactory threads(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
