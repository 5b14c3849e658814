package org.medcard.terminal.present.supervisor;

/** The tamper-findings tab. Called on the UI thread. */
public interface TamperView extends Work.Busy {

    void showTamper(TamperAnswer answer);
}
