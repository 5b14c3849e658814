package org.medcard.terminal.sale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medcard.terminal.Terminal;
import org.medcard.terminal.TrainingTerminals;
import org.medcard.terminal.receipt.SaleReceipt;
import org.medcard.terminal.registration.DepartmentCatalog;
import org.medcard.terminal.registration.RegistrationDesk;
import org.medcard.terminal.registration.VisitOutcome;
import org.medcard.terminal.training.SimulatorTrainingReader;

/**
 * R3: the family-aid receipt names the beneficiary by name and by their masked ID number from 1101's family list
 * ({@code employee-family}'s spouse 林晓燕, psn_no 11000000000000000201, ID 110101197908126826), never by the
 * personnel number — at the pharmacy and at the hospital desk.
 */
class FamilyReceiptIT {

    private static final String SPOUSE = "11000000000000000201";
    private static final String SPOUSE_ID_MASKED = "110***********6826";
    private static final String SPOUSE_PSN_NO_MASKED = "110*************0201";
    private static final PinSource RIGHT_PIN = () -> "123456".toCharArray();

    @TempDir
    Path dir;

    private Terminal terminal;

    @AfterEach
    void close() {
        if (terminal != null) {
            terminal.close();
        }
    }

    private static void assertPrintsTheId(SaleReceipt slip) {
        assertEquals("林晓燕", slip.beneficiary().name());
        assertEquals(SPOUSE_ID_MASKED, slip.beneficiary().maskedCertNo());
        String text = slip.toSheet().plainText();
        assertTrue(text.contains(SPOUSE_ID_MASKED), text);
        assertFalse(text.contains(SPOUSE_PSN_NO_MASKED), "not the personnel number: " + text);
        assertFalse(text.contains("110101197908126826"), "masked: " + text);
    }

    @Test
    void R3_familyReceiptPrintsTheBeneficiarysMaskedIdNumber_atThePharmacy() throws Exception {
        terminal = TrainingTerminals.open(dir, Map.of());
        ((SimulatorTrainingReader) terminal.devices().training().orElseThrow()).presentCard("employee-family");

        SaleView o = SaleView.of(terminal, terminal.pharmacySale().withoutLoads().sell(
                SaleRequest.of(List.of(SaleItem.parse("XA10BAD003:1")), RIGHT_PIN, "cashier01").withBeneficiary(SPOUSE)));

        assertEquals(SaleOutcome.Kind.SETTLED, o.kind(), o.message());
        assertPrintsTheId(assertInstanceOf(SaleReceipt.class, o.receiptDocument().orElseThrow()));
    }

    @Test
    void R3_familyReceiptPrintsTheBeneficiarysMaskedIdNumber_atTheHospitalDesk() throws Exception {
        terminal = TrainingTerminals.open(dir, Map.of("institution.kind", "HOSPITAL"));
        ((SimulatorTrainingReader) terminal.devices().training().orElseThrow()).presentCard("employee-family");

        VisitOutcome o = terminal.registrationDesk(DepartmentCatalog.bundled())
                .register("D01", Optional.empty(), PaidFor.familyMember(SPOUSE), true, RIGHT_PIN, "clerk01", Optional.empty());

        VisitOutcome.Settled settled = assertInstanceOf(VisitOutcome.Settled.class, o, () -> terminal.visitTexts().line(o));
        assertPrintsTheId(assertInstanceOf(SaleReceipt.class, SaleView.ofVisit(terminal, settled.payment()).receipt()));
    }
}
