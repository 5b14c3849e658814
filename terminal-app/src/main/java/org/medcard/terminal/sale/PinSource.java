package org.medcard.terminal.sale;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Where the cardholder's PIN comes from (a PIN pad, the CLI's stdin, a test). The sale wipes the returned
 * array after VERIFY PIN; the PIN is never logged or kept. Returns null when no PIN was given.
 */
@FunctionalInterface
public interface PinSource {

    /** A source that has no PIN (sales below the exemption only). */
    PinSource NONE = () -> null;

    char[] pin();

    /**
     * The PIN for a debit of {@code debitFen} (what the patient's dialog shows). {@code triesLeft} is -1 at the first
     * ask; after a wrong PIN it is the card's count of tries left, and the sale asks again (issue 15: a wrong PIN no
     * longer ends the sale). Null: no PIN (the cashier went back). The default asks {@link #pin()} once, no retry.
     */
    default char[] pin(long debitFen, int triesLeft) {
        return triesLeft < 0 ? pin() : null;
    }

    /** The question a {@link #retrying} source asks: the amount, and the tries left (-1 at the first ask). */
    @FunctionalInterface
    interface Question {
        char[] ask(long debitFen, int triesLeft);
    }

    /**
     * A PIN asked on another thread (the UI's), with the amount and, after a wrong PIN, the tries left; the sale's
     * worker thread waits for the answer.
     */
    static PinSource retrying(Executor onUi, Question question) {
        return new PinSource() {
            @Override
            public char[] pin() {
                return pin(-1, -1);
            }

            @Override
            public char[] pin(long debitFen, int triesLeft) {
                return askedThrough(onUi, () -> question.ask(debitFen, triesLeft)).pin();
            }
        };
    }

    /**
     * A PIN asked on another thread (the UI's) while the sale's worker thread waits: {@code ask} runs through
     * {@code onUi}, and what it returns (null: the cashier went back) is this source's answer.
     */
    static PinSource askedThrough(Executor onUi, Supplier<char[]> ask) {
        return () -> {
            CompletableFuture<char[]> answer = new CompletableFuture<>();
            onUi.execute(() -> {
                try {
                    answer.complete(ask.get());
                } catch (RuntimeException e) {
                    answer.completeExceptionally(e);
                }
            });
            return answer.join();
        };
    }
}
