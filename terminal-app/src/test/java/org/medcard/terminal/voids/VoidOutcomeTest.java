package org.medcard.terminal.voids;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.medcard.terminal.text.Texts;

/**
 * Each kind of a void's and a reversal's outcome: its own figures only, its message key and arguments, and the words
 * {@link VoidTexts} makes of it in both bundles (the desks build no text). No database, no center.
 */
class VoidOutcomeTest {

    private static VoidTexts words(Locale locale) {
        Texts messages = Texts.messages(locale);
        return new VoidTexts(messages::text, messages::centerSays);
    }

    private static final VoidTexts EN = words(Locale.ENGLISH);
    private static final VoidTexts ZH = words(Locale.SIMPLIFIED_CHINESE);

    @Test
    void voided_cashAccountAndFundShares_theLoadCarryingTheAccountRefund() {
        VoidOutcome o = new VoidOutcome.Voided("SETL9", 457, 1_001, 3_402, Optional.of("LOAD7"));

        assertEquals(VoidOutcome.Kind.VOIDED, o.kind());
        assertEquals("void.done", o.messageKey());
        assertEquals(List.of("SETL9", 457L, 1_001L), o.messageArgs());
        assertEquals("Settlement SETL9 voided. Hand back 4.57 yuan cash; 10.01 yuan goes back to the personal account as a"
                + " pending load (R2).", EN.line(o));
        assertEquals("结算 SETL9 已撤销。退还现金 4.57 元；10.01 元以待圈存方式退回个人账户（R2）。", ZH.line(o));
    }

    @Test
    void voided_nothingToTheAccount_noLoad_notANull() {
        VoidOutcome.Voided o = new VoidOutcome.Voided("SETL9", 500, 0, 0, Optional.empty());

        assertEquals(Optional.empty(), o.loadId());
        assertThrows(NullPointerException.class, () -> new VoidOutcome.Voided("SETL9", 0, 0, 0, null));
        assertEquals("Settlement SETL9 voided. Hand back 5.00 yuan cash; 0.00 yuan goes back to the personal account as a"
                + " pending load (R2).", EN.line(o));
    }

    @Test
    void rejected_theCentersReasonFramedByOurSentence() {
        VoidOutcome o = new VoidOutcome.Rejected("SETL9", "infcode 2305: already cancelled");

        assertEquals(VoidOutcome.Kind.REJECTED, o.kind());
        assertEquals("void.rejected", o.messageKey());
        assertEquals(List.of("SETL9", "infcode 2305: already cancelled"), o.messageArgs());
        assertEquals("The center refused to void settlement SETL9: the center said \"already cancelled\" (code 2305)", EN.line(o));
        assertEquals("医保中心拒绝撤销结算 SETL9：中心答复“already cancelled”（代码 2305）", ZH.line(o));
    }

    @Test
    void pending_onlyTheSettlement() {
        VoidOutcome o = new VoidOutcome.Pending("SETL9");

        assertEquals(VoidOutcome.Kind.PENDING, o.kind());
        assertEquals(List.of("SETL9"), o.messageArgs());
        assertEquals("The void of settlement SETL9 was sent but not answered yet; it is resent until answered.", EN.line(o));
        assertEquals("结算 SETL9 的撤销已发送，尚未应答，将重发直至应答。", ZH.line(o));
    }

    @Test
    void refused_whyNamesTheSentence() {
        VoidOutcome supervisor = new VoidOutcome.Refused("SETL9", VoidOutcome.Refused.Why.SUPERVISOR_NEEDED);
        VoidOutcome center = new VoidOutcome.Refused("SETL9", VoidOutcome.Refused.Why.CENTER_NEEDED);

        assertEquals(VoidOutcome.Kind.REFUSED, supervisor.kind());
        assertEquals("void.supervisor_needed", supervisor.messageKey());
        assertEquals(List.of(), supervisor.messageArgs(), "no argument: the sentence's apostrophe is not a format quote");
        assertEquals(List.of("SETL9"), center.messageArgs());
        assertEquals("Voiding a settlement needs a supervisor's sign-in.", EN.line(supervisor));
        assertEquals("撤销结算需要主管登录。", ZH.line(supervisor));
        assertEquals("void.center_needed", center.messageKey());
        assertEquals("Voiding settlement SETL9 needs the center: it is not reachable now.", EN.line(center));
        assertEquals("撤销结算 SETL9 需要连接医保中心，目前无法连接。", ZH.line(center));
    }

    @Test
    void reversal_eachKindItsSentence() {
        ReversalOutcome reversed = new ReversalOutcome(ReversalOutcome.Kind.REVERSED, "M1", "R1");
        ReversalOutcome notReversed = new ReversalOutcome(ReversalOutcome.Kind.NOT_REVERSED, "M1", "R1");
        ReversalOutcome pending = new ReversalOutcome(ReversalOutcome.Kind.PENDING, "M1", "R1");

        assertEquals(List.of("reversal.reversed", "reversal.not_reversed", "reversal.pending"),
                List.of(reversed.messageKey(), notReversed.messageKey(), pending.messageKey()));
        assertEquals("Message M1 reversed: the center did not settle it.", EN.line(reversed));
        assertEquals("The center did not reverse message M1: it will be resent.", EN.line(notReversed));
        assertEquals("The reversal of message M1 is sent but not answered yet.", EN.line(pending));
        assertEquals("报文 M1 已冲正：中心未结算该笔。", ZH.line(reversed));
        assertEquals("中心未冲正报文 M1，将重新发送。", ZH.line(notReversed));
        assertEquals("报文 M1 的冲正已发送，尚未应答。", ZH.line(pending));
    }
}
