package org.medcard.psam;

/**
 * Where a software PSAM keeps its terminal sequence number. {@link #reserveNext()} must make the new
 * number durable before returning it, so that a crash or restart can skip numbers but never repeat one
 * (a repeated terminal sequence would repeat a session key and make two sales indistinguishable).
 */
public interface SequenceStore {

    /** The next terminal sequence number, already persisted as used. */
    long reserveNext();
}
