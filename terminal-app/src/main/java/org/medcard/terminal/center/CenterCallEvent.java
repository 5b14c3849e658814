package org.medcard.terminal.center;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * A Flight Recorder event per HTTP round trip to the center ({@link HostLink}): where a sale's host time goes, for
 * the sale bench ({@code bench/SaleBench} reads {@code org.medcard.CenterCall} and its {@code infno}) or a
 * technician's {@code jcmd <pid> JFR.start}. Free while nothing records it.
 */
@Name(CenterCallEvent.NAME)
@Label("Center round trip")
@Category("MedCard")
@Description("One host-protocol request and its answer")
@StackTrace(false)
final class CenterCallEvent extends jdk.jfr.Event {
    static final String NAME = "org.medcard.CenterCall";

    @Label("infno")
    String infno;
    @Label("HTTP status")
    int status;

    static CenterCallEvent begin(String infno) {
        CenterCallEvent e = new CenterCallEvent();
        e.infno = infno;
        e.begin();
        return e;
    }

    void end(int httpStatus) {
        status = httpStatus;
        commit();
    }
}
