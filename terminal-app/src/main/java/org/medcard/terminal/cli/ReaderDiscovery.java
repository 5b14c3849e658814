package org.medcard.terminal.cli;

import java.util.List;

import org.medcard.transport.CardFault;
import org.medcard.transport.pcsc.PcscReaders;

/** Finds the card readers this machine offers, for {@code medcard readers} and the start screen. */
final class ReaderDiscovery {

    /** The PC/SC readers, or why there are none. */
    record PcscListing(List<String> readers, String problem) {
    }

    private ReaderDiscovery() {
    }

    static PcscListing pcsc() {
        try {
            return new PcscListing(new PcscReaders().readerNames(), null);
        } catch (CardFault e) {
            return new PcscListing(List.of(), e.detail()); // one plain line: no kind's enum name before it
        } catch (RuntimeException e) {
            // The JDK's PC/SC provider throws plain runtime exceptions when libpcsclite is missing altogether.
            return new PcscListing(List.of(), "PC/SC is not available on this machine: " + e.getMessage());
        }
    }
}
