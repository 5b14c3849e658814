package org.medcard.terminal.present.queue;

import java.util.List;
import java.util.function.Consumer;

import org.medcard.queue.ForwardResult;

/** Forwarding what waits in the queue to the center, when the cashier asks for it now. */
public interface CenterLink {

    /**
     * Whether the center may be talked to now (signing in if it must) and the terminal forwards at all (it does
     * not when run {@code --offline}).
     */
    boolean reachable();

    /**
     * Ends any backoff wait and sends what waits once, telling {@code eachAnswer} of every answer as it comes (on
     * the calling thread).
     *
     * @return every send's result, in order; the last one UNKNOWN when the center stopped answering
     */
    List<ForwardResult> forwardNow(Consumer<ForwardResult> eachAnswer);
}
