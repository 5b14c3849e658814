package org.medcard.terminal.center;

import java.util.List;

/** Host {@code 8501} authorizing a load: MAC2 (hex) for CREDIT FOR LOAD, and the card's pending loads. */
public record LoadAuthorization(String mac2Hex, List<PendingLoad> loads) {
    public LoadAuthorization {
        loads = List.copyOf(loads);
    }
}
