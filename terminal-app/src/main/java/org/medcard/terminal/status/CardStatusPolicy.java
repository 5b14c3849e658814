package org.medcard.terminal.status;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.medcard.card.CancelReason;

/**
 * The business rules' "Card status, one table": status comes from the card, the downloaded blacklist and
 * the center, strongest last. The strongest available source wins, and a refusal from any source refuses.
 *
 * <p>Pure logic, no devices: the card session gathers the reports and asks here.
 */
public final class CardStatusPolicy {

    /**
     * Decides from whatever reports are available (at least the card's).
     *
     * @param centerOnline whether the center answered in this session (a LOST or CANCELLED card is then blocked, R8)
     */
    public CardVerdict decide(List<StatusReport> reports, boolean centerOnline) {
        if (reports.isEmpty()) {
            throw new IllegalArgumentException("no status report: the card's own status is always read first");
        }
        Comparator<StatusReport> strength = Comparator.comparing(StatusReport::source);
        Optional<StatusReport> strongestRefusal = reports.stream().filter(r -> r.status().refuses()).max(strength);
        StatusReport decisive = strongestRefusal.orElseGet(() -> reports.stream().max(strength).orElseThrow());
        boolean block = centerOnline
                && (decisive.status() == CardStatus.LOST || decisive.status() == CardStatus.CANCELLED)
                && reports.stream().noneMatch(r -> r.source() == StatusReport.Source.CARD && r.status() == CardStatus.BLOCKED);
        return new CardVerdict(decisive, messageKey(decisive), block);
    }

    /** The suffix of {@code status.cancelled.<reason>} (R9). */
    static String reasonKey(CancelReason reason) {
        return switch (reason) {
            case SETTLED_ABROAD -> "abroad";
            case HOUSEHOLD_REGISTRATION_CANCELLED -> "household";
            case TRANSFERRED_OUT -> "transfer";
            case DEATH -> "death";
        };
    }

    /** The message key of the status table ({@code status.frozen}, {@code status.cancelled.death}, …); none for NORMAL. */
    static Optional<String> messageKey(StatusReport report) {
        return switch (report.status()) {
            case NORMAL -> Optional.empty();
            case CANCELLED -> Optional.of(report.reason() == null ? "status.cancelled" : "status.cancelled." + reasonKey(report.reason()));
            default -> Optional.of("status." + report.status().name().toLowerCase(java.util.Locale.ROOT));
        };
    }
}
