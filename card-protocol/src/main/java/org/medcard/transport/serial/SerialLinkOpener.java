package org.medcard.transport.serial;

import java.io.IOException;

/** Opens the port of a serial reader; called again to reopen it after the port disappeared. */
@FunctionalInterface
public interface SerialLinkOpener {

    /** Opens the port, or throws when it is not there (yet). */
    SerialLink open() throws IOException;
}
