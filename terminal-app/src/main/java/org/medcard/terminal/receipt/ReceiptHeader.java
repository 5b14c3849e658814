package org.medcard.terminal.receipt;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.medcard.terminal.text.Texts;

/**
 * What every document shows at its top.
 *
 * @param institutionCode {@code fixmedins_code}, e.g. P11010100001
 * @param institutionName the institution's name as configured
 * @param terminalId the terminal's {@code dev_no} (e.g. T01)
 * @param operator the cashier ({@code opter})
 * @param time when the act happened, in the institution's local time (as the host protocol writes times)
 * @param trainingMode anything simulated was in use: the document then says TRAINING MODE
 */
public record ReceiptHeader(String institutionCode, String institutionName, String terminalId, String operator,
                            LocalDateTime time, boolean trainingMode) {

    public ReceiptHeader {
        Texts.requireText(institutionCode, "institutionCode");
        Texts.requireText(institutionName, "institutionName");
        Texts.requireText(terminalId, "terminalId");
        Texts.requireText(operator, "operator");
        Objects.requireNonNull(time, "time");
        time = time.truncatedTo(ChronoUnit.SECONDS);
    }

    /** A header stamped with the clock's current local time. */
    public static ReceiptHeader now(String institutionCode, String institutionName, String terminalId, String operator,
                                    boolean trainingMode, Clock clock) {
        return new ReceiptHeader(institutionCode, institutionName, terminalId, operator, LocalDateTime.now(clock), trainingMode);
    }
}
