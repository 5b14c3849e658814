package org.medcard.transport;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * A Flight Recorder event per command/response pair, committed by {@link TracingTransport}: lets a bench (or a
 * technician with {@code jcmd <pid> JFR.start}) see where a sale's card time goes. Costs nothing while no
 * recording asks for it. No data bytes: only the header and the status word, so no secret is recorded.
 */
@Name(ApduEvent.NAME)
@Label("APDU")
@Category("MedCard")
@Description("One command/response pair with a card or PSAM")
@StackTrace(false)
final class ApduEvent extends jdk.jfr.Event {
    static final String NAME = "org.medcard.Apdu";

    @Label("Reader")
    String reader;
    @Label("CLA")
    int cla;
    @Label("INS")
    int ins;
    @Label("SW")
    int sw;
}
