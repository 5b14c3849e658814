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
