package org.medcard.terminal.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medcard.simulator.card.CardOptions;
import org.medcard.simulator.card.PurseState;
import org.medcard.simulator.card.VirtualMedicalCard;
import org.medcard.simulator.profile.CardProfile;
import org.medcard.simulator.profile.CardProfiles;
import org.medcard.simulator.psam.VirtualPsam;
import org.medcard.simulator.reader.SimulatedReader;
import org.medcard.simulator.reader.serial.PtyPair;
import org.medcard.simulator.reader.serial.SerialReaderSimulator;
import org.medcard.terminal.Terminal;
import org.medcard.terminal.TrainingTerminals;
import org.medcard.terminal.sale.PharmacySale;
import org.medcard.terminal.sale.SaleView;
import org.medcard.terminal.sale.SaleItem;
import org.medcard.terminal.sale.SaleOutcome;
import org.medcard.terminal.sale.SaleRequest;
import org.medcard.terminal.status.PartState;
import org.medcard.testsupport.SystemParts;

/**
 * The configuration's {@code reader = serial:PATH} and {@code psam = serial:PATH}: the serial counter reader
 * ({@code serial-reader.md}) on a real pty pair made by socat, the simulator's reader side on the other end with
 * the card in slot 0 and the PSAM in slot 1, jSerialComm on the terminal's end, the embedded center over HTTP.
 */
class SaleThroughSerialReaderIT {

    @TempDir
    Path dir;

    @Test
    void saleThroughTheSerialReader_settles_andCardAndCenterAgree() throws Exception {
        SystemParts.needCommand("socat", "socat");
        CardProfiles profiles = CardProfiles.bundled();
        CardProfile profile = profiles.get("normal-3des");
        VirtualMedicalCard card = new VirtualMedicalCard(profile, profiles.keys(), PurseState.initial(profile), TrainingTerminals.CLOCK,
                new Random(7), CardOptions.defaults(), null);
        SimulatedReader reader = new SimulatedReader("serial e2e");
        reader.cardSlot().insert(card);
        reader.psamSlot().insert(new VirtualPsam(profiles.keys(), profiles.terminalId()));
        try (PtyPair pair = PtyPair.start();
             SerialReaderSimulator side = SerialReaderSimulator.onPort(reader, pair.readerEnd()).start()) {
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (!side.isConnected() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            String port = "serial:" + pair.terminalEnd();
            try (Terminal t = TrainingTerminals.open(dir, Map.of("reader", port, "psam", port))) {
                assertTrue(t.devices().cardPresent(), "slot 0 reports the card (GET SLOT STATUS)");
                long before = card.state().balance();

                SaleView o = SaleView.of(t, t.pharmacySale().sell(SaleRequest.of(List.of(SaleItem.parse("XJ01CAA001:2")),
                        () -> "123456".toCharArray(), "cashier01")));

                assertEquals(SaleOutcome.Kind.SETTLED, o.kind(), o.message());
                assertTrue(o.tac().matches("[0-9A-F]{8}"), o.tac());
                assertEquals(before + 70_000 - 2_500, card.state().balance(), "two contributions loaded, then 25.00 paid");
                assertEquals(before + 70_000 - 2_500, TrainingTerminals.shadowBalance(t, profile.cardNo()), "card and center agree");
                assertEquals(org.medcard.terminal.status.PartState.Health.OK, t.state().reader().health(), t.state().reader().reason());
            }
        }
    }
}
