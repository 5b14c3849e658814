package org.medcard.terminal.present.status;

/** The status bar. Called on the UI thread. */
public interface StatusView {
    void show(StatusSnapshot snapshot);
}
