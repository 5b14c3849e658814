package org.medcard.terminal.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.medcard.simulator.card.BlockState;
import org.medcard.simulator.card.VirtualMedicalCard;
import org.medcard.terminal.Terminal;
import org.medcard.terminal.TrainingTerminals;
import org.medcard.terminal.sale.PharmacySale;
import org.medcard.terminal.sale.SaleView;
import org.medcard.terminal.sale.SaleItem;
import org.medcard.terminal.sale.SaleOutcome;
import org.medcard.terminal.sale.SaleRequest;
import org.medcard.terminal.session.CardView;
import org.medcard.terminal.status.CardStatus;

/**
 * Each status of the business rules' status table through the real stack: the virtual card behind pcscd + vpcd
 * ("Virtual PCD 00 00"), the PSAM in the second slot ("Virtual PCD 00 01"), the simulated center over loopback
 * HTTP. A refused card is refused with its rule's message and nothing is debited; a LOST or CANCELLED card found
 * online has its application blocked on the card (R8, R9); the downloaded blacklist refuses offline.
 */
class RefusedStatusesThroughPcscdIT {
    private static final String AMOXICILLIN = "XJ01CAA001"; // 12.50
    private static final String METFORMIN = "XA10BAD003"; // 16.20, chronic: pooled for an employee at pharmacies

    /** One pcscd (and one PC/SC context) for the whole class: restarting pcscd under a running JVM breaks its context. */
    @TempDir
    static Path shared;
    private static PcscdRig rig;

    @TempDir
    Path dir;

    @BeforeAll
    static void startRig() throws Exception {
        rig = PcscdRig.start(shared.resolve("cards"), TrainingTerminals.CLOCK);
    }

    @AfterAll
    static void stopRig() throws Exception {
        if (rig != null) {
            rig.close();
        }
    }

    /** A fresh card of {@code profile} behind pcscd, after the previous one was taken out. */
    private static VirtualMedicalCard present(String profile) throws Exception {
        rig.remove();
        return rig.present(profile);
    }

    private Map<String, String> pcscReaders() {
        return Map.of("reader", "pcsc:" + PcscdRig.CARD_READER, "psam", "pcsc:" + PcscdRig.PSAM_READER);
    }

    private Terminal open() {
        return TrainingTerminals.open(dir.resolve("terminal"), pcscReaders());
    }

    private static SaleView sell(Terminal t, String items) {
        return SaleView.of(t, t.pharmacySale().sell(SaleRequest.of(List.of(SaleItem.parse(items)), () -> "123456".toCharArray(), "cashier01")));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "frozen,             status.frozen,             R5, NONE",
            "not-activated,      status.not_activated,      R7, NONE",
            "lost,               status.lost,               R8, TEMPORARY",
            "cancelled-abroad,   status.cancelled.abroad,   R9, PERMANENT",
            "cancelled-household,status.cancelled.household,R9, PERMANENT",
            "cancelled-transfer, status.cancelled.transfer, R9, PERMANENT",
            "cancelled-death,    status.cancelled.death,    R9, PERMANENT",
            "expired,            status.expired,            '', NONE",
            "blocked,            status.blocked,            '', PERMANENT_OR_TEMPORARY",
    })
    void refusedStatusThroughPcscd_refusedWithTheRulesMessage_nothingDebited(String profile, String key, String rule, String blockAfter)
            throws Exception {
        VirtualMedicalCard card = present(profile);
        long before = card.state().balance();
        try (Terminal t = open()) {
            SaleView o = sell(t, AMOXICILLIN + ":1");

            assertEquals(SaleOutcome.Kind.REFUSED, o.kind(), o.message());
            assertEquals(key, o.messageKey());
            assertEquals(t.messages().text(key), o.message(), "the status table's message, in the configured language");
            if (!rule.isEmpty()) {
                assertTrue(o.message().contains(rule), "names the rule: " + o.message());
            }
            assertEquals(before, card.state().balance(), "nothing debited");
            assertEquals(0, t.queue().summary().unfinishedSales(), "no debit was even begun");
            switch (blockAfter) {
                case "NONE" -> assertEquals(BlockState.NONE, card.state().block(), "not blocked");
                case "PERMANENT_OR_TEMPORARY" -> assertTrue(card.state().block() != BlockState.NONE, "stays blocked");
                default -> assertEquals(BlockState.valueOf(blockAfter), card.state().block(),
                        "found online: APPLICATION BLOCK on the card (R8/R9)");
            }
        }
    }

    @Test
    void R8_blockedLostCardIsStillRefusedOffline_byTheDownloadedBlacklist() throws Exception {
        VirtualMedicalCard card = present("lost");
        try (Terminal t = open()) {
            assertEquals("status.lost", sell(t, AMOXICILLIN + ":1").messageKey());
            assertEquals(BlockState.TEMPORARY, card.state().block());
        }
        card = present("lost");
        try (Terminal off = new Terminal(TrainingTerminals.config(dir.resolve("terminal"), pcscReaders()),
                TrainingTerminals.CLOCK, new Terminal.Options(true, false, "cashier01"))) {
            CardView view = off.cardCheck().check(off.openCard(), off.psam(), Optional.empty());
            assertFalse(view.online());
            assertEquals(CardStatus.LOST, view.verdict().status(), "the blacklist's LOST outranks the card's own BLOCKED");
            SaleView o = sell(off, AMOXICILLIN + ":1");
            assertEquals(SaleOutcome.Kind.REFUSED, o.kind(), o.message());
            assertEquals("status.lost", o.messageKey(), "refused offline with the rule's message");
            assertEquals(card.profile().balance(), card.state().balance());
        }
    }

    @Test
    void R4_suspendedCardThroughPcscd_accountPays_noPoolingAfterTheMonthOfTheInterruption() throws Exception {
        VirtualMedicalCard card = present("suspended");
        try (Terminal t = open()) {
            CardView view = t.cardCheck().check(t.openCard(), t.psam(), t.onlineCenter());
            assertEquals(CardStatus.SUSPENDED, view.verdict().status());
            assertEquals(Optional.of("status.suspended"), view.verdict().messageKey(), "the cashier is told why");
            long before = card.state().balance();

            SaleView o = SaleView.of(t, t.pharmacySale().withoutLoads().sell(SaleRequest.of(List.of(SaleItem.parse(METFORMIN + ":3")),
                    () -> "123456".toCharArray(), "cashier01")));

            assertEquals(SaleOutcome.Kind.SETTLED, o.kind(), o.message());
            assertEquals(0, o.plan().fundFen(), "suspended since 2026-10-15: no pooling from 2026-11-01 (R4)");
            assertEquals(4_860, o.plan().accountFen(), "the personal account still pays");
            assertEquals(before - 4_860, card.state().balance());
        }
    }
}
