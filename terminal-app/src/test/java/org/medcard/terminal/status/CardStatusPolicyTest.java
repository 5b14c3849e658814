package org.medcard.terminal.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;

import org.junit.jupiter.api.Test;
import org.medcard.card.CancelReason;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.medcard.terminal.status.StatusReport.Source;

class CardStatusPolicyTest {

    private final CardStatusPolicy policy = new CardStatusPolicy();

    private static StatusReport card(CardStatus s) {
        return StatusReport.of(Source.CARD, s);
    }

    @Test
    void normalCardOnItsOwnIsUsableForEverything() {
        CardVerdict v = policy.decide(List.of(card(CardStatus.NORMAL)), false);
        assertFalse(v.refused());
        assertTrue(v.poolingAllowedOn(LocalDate.of(2026, 11, 23)));
        assertEquals(Optional.empty(), v.messageKey());
    }

    @Test
    void R4_suspendedCardKeepsPersonalAccountButLosesPoolingFromFirstOfNextMonth() {
        StatusReport suspended = new StatusReport(Source.CENTER, CardStatus.SUSPENDED, null, LocalDate.of(2026, 10, 15));
        CardVerdict v = policy.decide(List.of(card(CardStatus.NORMAL), suspended), true);
        assertFalse(v.refused());
        assertTrue(v.personalAccountUsable());
        assertTrue(v.poolingAllowedOn(LocalDate.of(2026, 10, 31)));
        assertFalse(v.poolingAllowedOn(LocalDate.of(2026, 11, 1)));
        assertEquals(Optional.of("status.suspended"), v.messageKey());
    }

    @Test
    void R5_frozenCardIsRefused() {
        CardVerdict v = policy.decide(List.of(card(CardStatus.FROZEN)), false);
        assertTrue(v.refused());
        assertFalse(v.personalAccountUsable());
        assertFalse(v.poolingAllowedOn(LocalDate.of(2026, 11, 23)));
        assertEquals(Optional.of("status.frozen"), v.messageKey());
    }

    @Test
    void R7_notActivatedCardIsRefusedWithTheBankOutletMessage() {
        CardVerdict v = policy.decide(List.of(card(CardStatus.NOT_ACTIVATED)), true);
        assertTrue(v.refused());
        assertEquals(Optional.of("status.not_activated"), v.messageKey());
        assertTrue(message(v, Locale.ENGLISH).contains("designated bank outlet"));
    }

    @Test
    void R8_lostOnTheBlacklistRefusesACardThatSaysNormal_andBlocksItWhenOnline() {
        List<StatusReport> reports = List.of(card(CardStatus.NORMAL), StatusReport.of(Source.BLACKLIST, CardStatus.LOST));
        CardVerdict offline = policy.decide(reports, false);
        assertEquals(CardStatus.LOST, offline.status());
        assertFalse(offline.blockApplication(), "no block without the center");
        CardVerdict online = policy.decide(reports, true);
        assertTrue(online.blockApplication());
    }

    @Test
    void R8_aCardAlreadyBlockedIsNotBlockedAgain() {
        List<StatusReport> reports = List.of(card(CardStatus.BLOCKED), StatusReport.of(Source.CENTER, CardStatus.LOST));
        CardVerdict v = policy.decide(reports, true);
        assertTrue(v.refused());
        assertFalse(v.blockApplication());
    }

    @ParameterizedTest
    @EnumSource(CancelReason.class)
    void R9_cancelledCardIsRefusedAndSentToTheCenter_neverPaidOutAtTheCounter(CancelReason reason) {
        StatusReport cancelled = new StatusReport(Source.CENTER, CardStatus.CANCELLED, reason, LocalDate.of(2026, 1, 5));
        CardVerdict v = policy.decide(List.of(card(CardStatus.NORMAL), cancelled), true);
        assertTrue(v.refused());
        assertTrue(v.blockApplication());
        assertEquals(Optional.of("status.cancelled." + CardStatusPolicy.reasonKey(reason)), v.messageKey());
        assertTrue(message(v, Locale.ENGLISH).contains("medical-insurance center"));
        assertTrue(message(v, Locale.SIMPLIFIED_CHINESE).contains("医保中心"));
    }

    /** Seed 001: on a transfer out of the city the balance is "transferred to the medical insurance card" of the new place. */
    @Test
    void R9_transferredOut_theBalanceMovesToTheCardOfTheNewRegion_notPaidOut() {
        StatusReport cancelled = new StatusReport(Source.CENTER, CardStatus.CANCELLED, CancelReason.TRANSFERRED_OUT,
                LocalDate.of(2026, 1, 5));
        CardVerdict v = policy.decide(List.of(card(CardStatus.NORMAL), cancelled), true);
        assertEquals(Optional.of("status.cancelled.transfer"), v.messageKey());

        String en = message(v, Locale.ENGLISH);
        assertTrue(en.contains("moves the remaining balance to the insured person's card of the new region"), en);
        assertFalse(en.contains("balance is paid out"), "the balance is not paid out on a transfer: " + en);
        assertTrue(en.contains("nothing is paid out at the counter") && en.contains("R9"), en);
        String zh = message(v, Locale.SIMPLIFIED_CHINESE);
        assertTrue(zh.contains("转入参保人在新参保地的医保卡"), zh);
        assertFalse(zh.contains("余额在医保中心支取"), "not withdrawn at the center: " + zh);
        assertTrue(zh.contains("柜台不支付任何现金") && zh.contains("R9"), zh);
    }

    @Test
    void aRefusalFromAWeakerSourceStillRefuses() {
        List<StatusReport> reports = List.of(card(CardStatus.EXPIRED), StatusReport.of(Source.CENTER, CardStatus.NORMAL));
        CardVerdict v = policy.decide(reports, true);
        assertEquals(CardStatus.EXPIRED, v.status());
        assertEquals(Source.CARD, v.decisive().source());
    }

    @Test
    void theStrongestSourceWinsAmongNonRefusals() {
        StatusReport suspended = new StatusReport(Source.CARD, CardStatus.SUSPENDED, null, LocalDate.of(2026, 1, 1));
        CardVerdict v = policy.decide(List.of(suspended, StatusReport.of(Source.CENTER, CardStatus.NORMAL)), true);
        assertEquals(CardStatus.NORMAL, v.status(), "the center lifted the suspension");
    }

    @ParameterizedTest
    @EnumSource(CardStatus.class)
    void everyRefusalHasAMessageInBothLanguages(CardStatus status) {
        StatusReport r = status == CardStatus.CANCELLED
                ? new StatusReport(Source.CARD, status, CancelReason.DEATH, null) : card(status);
        CardVerdict v = policy.decide(List.of(r), false);
        if (status == CardStatus.NORMAL) {
            assertTrue(v.messageKey().isEmpty());
            return;
        }
        assertFalse(message(v, Locale.ENGLISH).isBlank());
        assertFalse(message(v, Locale.SIMPLIFIED_CHINESE).isBlank());
        assertFalse(message(v, Locale.ENGLISH).equals(message(v, Locale.SIMPLIFIED_CHINESE)), "Chinese text is translated");
    }

    private static String message(CardVerdict v, Locale locale) {
        ResourceBundle bundle = ResourceBundle.getBundle("org.medcard.terminal.messages", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return bundle.getString(v.messageKey().orElseThrow());
    }
}
