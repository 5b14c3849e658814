package org.medcard.terminal.rejected;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.regex.Pattern;

import org.medcard.queue.RejectedMessage;
import org.medcard.queue.WireFormat;
import org.medcard.terminal.logging.SensitiveNumbers;

/**
 * One rejected message as a supervisor sees it: card numbers masked (the card and every number in the center's
 * reason or the note), and the actions still open.
 *
 * @param msgid        the rejected message's msgid
 * @param infno        its transaction code
 * @param at           when it was rejected, local time of the terminal ({@code yyyy-MM-dd HH:mm:ss})
 * @param card         the card it concerns, masked, or null
 * @param saleId       the sale it settled, or null
 * @param infcode      the center's infcode
 * @param reason       the center's reason (without the {@code infcode N:} prefix), numbers masked
 * @param resolution   what was done about it
 * @param resolvedBy   who acted last ({@code terminal}: the automatic reversal), or null
 * @param note         the supervisor's note, numbers masked, or null
 * @param cardDebitFen what the card had paid for it (0: nothing)
 * @param refundLoadId the load returning that debit, or null
 * @param resentAs     the new msgid it was resent as, or null
 */
public record RejectedItem(String msgid, String infno, String at, String card, String saleId, long infcode, String reason,
                           RejectedMessage.Resolution resolution, String resolvedBy, String note, long cardDebitFen,
                           String refundLoadId, String resentAs, boolean canResend, boolean canReverse, boolean canMarkHandled) {

    public RejectedItem {
        Objects.requireNonNull(msgid, "msgid");
        Objects.requireNonNull(resolution, "resolution");
    }

    /**
     * What cannot be resent: an upload batch, an entry's settlement, a reversal (their rows are final). What can be
     * reversed (2601) is {@link WireFormat.Role#reversible()}. The roles come from the host codec's wire format, as
     * the queue's own checks do: no transaction code is written here.
     */
    private static boolean resendable(WireFormat.Role role) {
        return role != WireFormat.Role.OFFLINE_UPLOAD && role != WireFormat.Role.ENTRY_SETTLEMENT && role != WireFormat.Role.REVERSAL;
    }

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    /** The queue records a refusal as {@code infcode N: text}; the infcode is shown on its own. */
    private static final Pattern INFCODE_PREFIX = Pattern.compile("^(infcode -?\\d+: )+");

    static RejectedItem of(RejectedMessage r, ZoneId zone, WireFormat wire) {
        var m = r.message();
        WireFormat.Role role = wire.roleOf(m.transaction());
        boolean open = r.resolution().needsSupervisor();
        String reason = INFCODE_PREFIX.matcher(m.reason() == null ? "" : m.reason()).replaceFirst("");
        return new RejectedItem(m.msgid(), m.transaction(), LOCAL.format(m.updatedAt().atZone(zone)),
                m.cardKey() == null ? null : SensitiveNumbers.mask(m.cardKey()), m.saleId(),
                m.centerCode() == null ? 0 : m.centerCode(), SensitiveNumbers.maskAll(reason),
                r.resolution(), r.resolvedBy(), r.note() == null ? null : SensitiveNumbers.maskAll(r.note()), r.cardDebitFen(),
                r.refundLoadId(), r.resentAs(), open && resendable(role), open && role.reversible(),
                r.resolution() != RejectedMessage.Resolution.HANDLED);
    }

    public boolean needsSupervisor() {
        return resolution.needsSupervisor();
    }
}
