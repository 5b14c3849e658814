package org.medcard.simulator.center.store;

/** The center's database failed (disk, lock, SQL): an internal error, answered 9999 (retryable). */
public final class StoreFailure extends RuntimeException {
    public StoreFailure(String what, Throwable cause) {
        super(what + ": " + cause.getMessage(), cause);
    }
}
