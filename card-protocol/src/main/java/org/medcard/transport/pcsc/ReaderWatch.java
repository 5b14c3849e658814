package org.medcard.transport.pcsc;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

import org.medcard.transport.CardFault;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches one reader on a daemon thread of its own and reports {@link ReaderEvent}s: reader OK or at fault, card
 * presented or removed. With the JNA backend these come from {@code SCardGetStatusChange}, so a change is reported
 * as soon as the service sees it (well within the counter's 300 ms).
 *
 * <p><b>Recovery:</b> when the smart-card service goes away, the watch reports {@code READER_FAULT} with the reason
 * {@value ReaderEvent#SERVICE_STOPPED}, drops its PC/SC context and establishes a new one with backoff
 * ({@link #FIRST_RETRY}, doubling to {@link #LAST_RETRY}); once the service answers again it reports
 * {@code READER_OK} and, if a card is in the slot, {@code CARD_PRESENTED} again: every session opened before the
 * restart is dead, so the card has to be read anew.
 *
 * <p>The listener is called on the watch's thread, one event at a time and in order; it must not block for long.
 * {@link #latest()} may be read from any thread.
 */
public final class ReaderWatch implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReaderWatch.class);
    static final Duration FIRST_RETRY = Duration.ofMillis(100);
    static final Duration LAST_RETRY = Duration.ofSeconds(2);
    /** How long one wait lasts before the thread looks at its stop flag (the wait is also cancelled on close). */
    private static final Duration STEP = Duration.ofSeconds(1);

    private final String reader;
    private final PcscBackend.SlotWatcher watcher;
    private final Consumer<ReaderEvent> listener;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean readerOk;
    private volatile boolean cardIn;
    private volatile ReaderEvent latestFault;
    private final java.util.concurrent.CountDownLatch firstLook = new java.util.concurrent.CountDownLatch(1);

    ReaderWatch(String reader, PcscBackend.SlotWatcher watcher, Consumer<ReaderEvent> listener) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.watcher = watcher;
        this.listener = listener;
        this.thread = new Thread(this::run, "reader-watch " + reader);
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Whether the reader answered at the last look. */
    public boolean readerOk() {
        return readerOk;
    }

    /** Whether a card was in the slot at the last look (false while the reader is at fault). */
    public boolean cardPresent() {
        return readerOk && cardIn;
    }

    /** The last fault reported, while the reader is at fault. */
    public java.util.Optional<ReaderEvent> fault() {
        return readerOk ? java.util.Optional.empty() : java.util.Optional.ofNullable(latestFault);
    }

    public String reader() {
        return reader;
    }

    /**
     * Waits (at most {@code timeout}) until the watch has looked at the reader once, so that {@link #cardPresent()}
     * answers for the slot rather than "not yet known"; returns this watch.
     */
    public ReaderWatch awaitFirstLook(Duration timeout) {
        try {
            firstLook.await(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return this;
    }

    private void run() {
        PcscBackend.SlotState known = null;
        Duration backoff = FIRST_RETRY;
        String faultReason = null;
        while (running) {
            try {
                PcscBackend.SlotState now = watcher.await(known, STEP);
                backoff = FIRST_RETRY;
                if (!running) {
                    break;
                }
                if (now.slot() == PcscBackend.Slot.NO_READER) {
                    cardLeft();
                    faultReason = fault(faultReason, ReaderEvent.READER_UNPLUGGED);
                } else {
                    if (faultReason != null || !readerOk) {
                        faultReason = null;
                        readerOk = true;
                        emit(ReaderEvent.Kind.READER_OK, "reader answers");
                    }
                    boolean swapped = known != null && known.slot() == PcscBackend.Slot.CARD && now.slot() == PcscBackend.Slot.CARD
                            && known.events() != now.events();
                    if (swapped) {
                        cardLeft();
                    }
                    if (now.slot() == PcscBackend.Slot.CARD && !cardIn) {
                        cardIn = true;
                        emit(ReaderEvent.Kind.CARD_PRESENTED, "card presented");
                    } else if (now.slot() == PcscBackend.Slot.EMPTY) {
                        cardLeft();
                    }
                }
                known = now;
                firstLook.countDown();
            } catch (CardFault e) {
                if (!running) {
                    break;
                }
                cardLeft();
                String reason = e.kind() == CardFault.Kind.NO_SERVICE || e.kind() == CardFault.Kind.IO
                        ? ReaderEvent.SERVICE_STOPPED
                        : e.kind() == CardFault.Kind.READER_UNAVAILABLE ? ReaderEvent.READER_UNPLUGGED : e.getMessage();
                if (faultReason == null) {
                    log.warn("Reader '{}': {} ({})", reader, reason, e.getMessage());
                }
                faultReason = fault(faultReason, reason);
                firstLook.countDown();
                known = null;
                watcher.close(); // a new context next time: the old one belongs to a service that is gone
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : backoff.multipliedBy(2);
            } catch (RuntimeException e) {
                log.error("Reader '{}': watch failed; retrying", reader, e);
                known = null;
                sleep(backoff);
            }
        }
        watcher.close();
    }

    private String fault(String current, String reason) {
        if (!reason.equals(current)) {
            readerOk = false;
            ReaderEvent event = new ReaderEvent(reader, ReaderEvent.Kind.READER_FAULT, reason);
            latestFault = event;
            emitEvent(event);
        }
        return reason;
    }

    private void cardLeft() {
        if (cardIn) {
            cardIn = false;
            emit(ReaderEvent.Kind.CARD_REMOVED, "card removed");
        }
    }

    private void emit(ReaderEvent.Kind kind, String reason) {
        emitEvent(new ReaderEvent(reader, kind, reason));
    }

    private void emitEvent(ReaderEvent event) {
        try {
            listener.accept(event);
        } catch (RuntimeException e) {
            log.warn("Reader '{}': a listener failed on {}", reader, event.kind(), e);
        }
    }

    private void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** Stops the thread (waits up to 2 s for it) and releases the context. */
    @Override
    public void close() {
        running = false;
        watcher.cancel();
        thread.interrupt();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
