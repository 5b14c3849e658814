package org.medcard.terminal.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.medcard.queue.OutboxState;
import org.medcard.queue.forward.CenterAnswer;
import org.medcard.simulator.card.VirtualMedicalCard;
import org.medcard.simulator.center.fault.Fault;
import org.medcard.simulator.center.fault.FaultKind;
import org.medcard.terminal.status.PartState;
import org.medcard.terminal.Terminal;
import org.medcard.terminal.TrainingTerminals;
import org.medcard.terminal.center.HostApi;
import org.medcard.terminal.registration.DepartmentCatalog;
import org.medcard.terminal.registration.RegistrationDesk;
import org.medcard.terminal.registration.VisitOutcome;
import org.medcard.terminal.sale.PharmacySale;
import org.medcard.terminal.sale.SaleView;
import org.medcard.terminal.sale.PinSource;
import org.medcard.terminal.sale.SaleItem;
import org.medcard.terminal.sale.SaleOutcome;
import org.medcard.terminal.sale.SaleRequest;
import org.medcard.terminal.status.CardStatus;
import org.medcard.terminal.status.StatusReport;
import org.medcard.terminal.training.SimulatedCenter;
import org.medcard.terminal.training.SimulatorTrainingReader;

/**
 * Issue 14: a refusal of the person by the center (1101 with a status, or 2002 with one) or by the blacklist is a
 * refusal — where the card's own file says NORMAL — at the pharmacy sale and at the hospital desk: no debit online or
 * offline, the rule's message, and the center is not marked faulted. Real parts: the training reader with a virtual
 * card, the embedded center over loopback HTTP, SQLite files, the fixed clock.
 */
class PersonRefusedByTheCenterIT {

    private static final String AMOXICILLIN = "XJ01CAA001"; // 12.50
    private static final PinSource RIGHT_PIN = () -> "123456".toCharArray();

    @org.junit.jupiter.api.io.TempDir
    Path dir;

    private Terminal terminal;

    @AfterEach
    void close() {
        if (terminal != null) {
            terminal.close();
        }
    }

    private VirtualMedicalCard present(String profile) throws Exception {
        return ((SimulatorTrainingReader) terminal.devices().training().orElseThrow()).presentCard(profile);
    }

    private SaleView sell() {
        return SaleView.of(terminal, terminal.pharmacySale().withoutLoads()
                .sell(SaleRequest.of(List.of(SaleItem.parse(AMOXICILLIN + ":1")), RIGHT_PIN, "cashier01")));
    }

    private void assertNothingDebitedOrQueued(VirtualMedicalCard card) {
        assertEquals(card.profile().balance(), card.state().balance(), "nothing debited");
        assertEquals(0, terminal.queue().summary().queuedDebits(), "no offline debit");
        assertEquals(0, terminal.queue().summary().unfinishedSales());
        assertEquals(0, terminal.queue().messages(OutboxState.DONE).size(), "nothing settled");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"center-frozen, status.frozen, R5", "center-lost, status.lost, R8", "center-cancelled, status.cancelled.transfer, R9"})
    void R5_R8_R9_cardSaysNormalCenterRefuses_pharmacySaleRefused_nothingDebited(String profile, String key, String rule) throws Exception {
        terminal = TrainingTerminals.open(dir, Map.of());
        VirtualMedicalCard card = present(profile);

        SaleView o = sell();

        assertEquals(SaleOutcome.Kind.REFUSED, o.kind(), o.message());
        assertEquals(key, o.messageKey());
        assertTrue(o.message().contains(rule), o.message());
        assertNothingDebitedOrQueued(card);
        assertNotEquals(PartState.Health.FAULT, terminal.state().center().health(), "the center answered: not a fault");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"center-frozen, status.frozen", "center-lost, status.lost", "center-cancelled, status.cancelled.transfer"})
    void R5_R8_R9_cardSaysNormalCenterRefuses_registrationRefused_nothingDebited(String profile, String key) throws Exception {
        terminal = TrainingTerminals.open(dir, Map.of("institution.kind", "HOSPITAL"));
        RegistrationDesk desk = terminal.registrationDesk(DepartmentCatalog.bundled());
        VirtualMedicalCard card = present(profile);

        VisitOutcome o = desk.register("D01", Optional.empty(), true, RIGHT_PIN, "clerk01");

        assertEquals(VisitOutcome.Kind.REFUSED, o.kind(), terminal.visitTexts().line(o));
        assertEquals(key, o.messageKey());
        assertEquals(card.profile().balance(), card.state().balance(), "nothing debited");
        assertEquals(0, terminal.queue().messages(OutboxState.DONE).size(), "nothing registered or settled");
    }

    @Test
    void R8_blacklistHitWithANormalCard_isRefused_nothingDebited() throws Exception {
        terminal = TrainingTerminals.open(dir, Map.of());
        VirtualMedicalCard card = present("normal-3des");
        HostApi listing = new HostApi((message, msgid) -> new CenterAnswer.Accepted(
                "{\"version\":900,\"entries\":[{\"card_no\":\"" + card.profile().cardNo()
                        + "\",\"psn_status\":\"LOST\",\"since\":\"2026-11-20\"}]}"),
                () -> "P11010100001202611231000000100001");
        assertEquals(1, terminal.downloads().syncBlacklist(listing));

        SaleView o = sell();

        assertEquals(SaleOutcome.Kind.REFUSED, o.kind(), o.message());
        assertEquals("status.lost", o.messageKey(), "the center says NORMAL, the blacklist LOST: a refusal from any source refuses");
        assertNothingDebitedOrQueued(card);
    }

    @Test
    void R8_blacklistHitWithANormalCard_isRefusedOfflineToo_noOfflineDebit() throws Exception {
        terminal = TrainingTerminals.open(dir, Map.of());
        VirtualMedicalCard card = present("normal-3des");
        HostApi listing = new HostApi((message, msgid) -> new CenterAnswer.Accepted(
                "{\"version\":900,\"entries\":[{\"card_no\":\"" + card.profile().cardNo()
                        + "\",\"psn_status\":\"LOST\",\"since\":\"2026-11-20\"}]}"),
                () -> "P11010100001202611231000000100001");
        terminal.downloads().syncBlacklist(listing);
        SimulatedCenter.of(terminal.embeddedCenter().orElseThrow()).inject(Fault.always(FaultKind.DOWN));

        SaleView o = sell();

        assertEquals(SaleOutcome.Kind.REFUSED, o.kind(), o.message());
        assertEquals("status.lost", o.messageKey());
        assertNothingDebitedOrQueued(card);
    }

    @Test
    void R5_centerRefuses1101With2002AndAStatus_isTheCentersWord_notAFault() throws Exception {
        terminal = TrainingTerminals.open(dir, Map.of());
        present("normal-3des");
        HostApi refusing = new HostApi((message, msgid) -> new CenterAnswer.Refused(2002, "card status forbids it",
                "{\"psn_status\":\"FROZEN\"}"), () -> "P11010100001202611231000000100001");

        CardView view = terminal.cardCheck().check(terminal.openCard(), terminal.psam(), Optional.of(refusing));

        assertEquals(CardStatus.FROZEN, view.verdict().status(), "the card says NORMAL; the center's 2002 says FROZEN");
        assertEquals(StatusReport.Source.CENTER, view.verdict().decisive().source());
        assertEquals(Optional.of("status.frozen"), view.verdict().messageKey());
        assertTrue(view.verdict().refused());
        assertTrue(view.person().isEmpty(), "no person record came with the refusal");
    }
}
