package org.medcard.terminal.resettle;

import java.util.Objects;
import java.util.Optional;

/**
 * One re-settlement entry as the cashier sees it in the list: this counter's own entries (from the queue)
 * and the entries other counters of the institution registered with the center ({@code 8402}).
 *
 * @param state     OPEN, SETTLED, REJECTED or EXPIRED
 * @param local     whether this counter recorded it (else only the center knows it)
 * @param psnCertNo the recorded ID number (mask it before logging or printing)
 * @param setlId    the center's settlement id once SETTLED; empty before
 * @param reason    the center's reason when REJECTED, or why EXPIRED (or re-settled elsewhere); empty otherwise
 */
public record EntryView(String entryNo, String state, String fault, String originalTime, String psnCertNo,
                        long cashPaidFen, Optional<String> setlId, Optional<String> reason, boolean local) {
    public EntryView {
        Objects.requireNonNull(setlId, "setlId");
        Objects.requireNonNull(reason, "reason");
    }
}
