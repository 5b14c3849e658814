package org.medcard.terminal.present.supervisor;

/** The day-close screen. Called on the UI thread. */
public interface DayCloseView extends Work.Busy {

    void showDayClose(DayCloseAnswer answer);
}
