package org.medcard.terminal.present.status;

/** Where long work shows: a progress line while it runs, then its result. Called on the UI thread. */
public interface SyncView {

    /** Long work is running ({@code text}), or ended ({@code null}): the window stays usable meanwhile. */
    void progress(String text);

    void done(String message, boolean problem);
}
