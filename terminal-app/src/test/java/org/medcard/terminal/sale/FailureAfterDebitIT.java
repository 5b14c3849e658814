package org.medcard.terminal.sale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.medcard.terminal.training.SimulatorTrainingReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medcard.simulator.card.CardOptions;
import org.medcard.simulator.card.PurseState;
import org.medcard.simulator.card.VirtualMedicalCard;
import org.medcard.simulator.reader.SimulatedCard;
import org.medcard.terminal.Terminal;
import org.medcard.terminal.TrainingTerminals;

/**
 * Issue 18 case 5: a failure after the card debit (the red team filled the disk) used to end the sale with a stack
 * trace and exit 1, as if nothing had been paid — a cashier would charge again. Now a disk without room stops the
 * sale before the card pays, and a journal that cannot record the TAC after the card paid says the card WAS
 * debited; the next contact with the card completes the sale from its proof, debited once.
 */
class FailureAfterDebitIT {
    private static final String AMOXICILLIN = "XJ01CAA001"; // 12.50
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

    @Test
    void aDiskWithoutTheMargin_stopsTheSaleBeforeTheCardPays() throws Exception {
        terminal = TrainingTerminals.open(dir, Map.of("data.min_free_mb", "2000000000", "language", "en")); // about 2 PB: no disk has it
        VirtualMedicalCard card = ((SimulatorTrainingReader) terminal.devices().training().orElseThrow()).presentCard("normal-3des");
        long before = card.state().balance();

        SaleView o = sell();

        assertEquals(SaleOutcome.Kind.REFUSED, o.kind());
        assertEquals("sale.disk_full", o.messageKey());
        assertTrue(o.message().contains("nothing was debited"), o.message());
        assertEquals(before, card.state().balance());
        assertEquals(0, terminal.queue().summary().unfinishedSales(), "no sale was begun");
    }

    @Test
    void journalFailingAfterTheDebit_saysTheCardWasDebited_andTheNextContactCompletesItOnce() throws Exception {
        terminal = TrainingTerminals.open(dir, Map.of("language", "en"));
        var training = (SimulatorTrainingReader) terminal.devices().training().orElseThrow();
        var profiles = training.profiles();
        VirtualMedicalCard genuine = new VirtualMedicalCard(profiles.get("normal-3des"), profiles.keys(),
                PurseState.initial(profiles.get("normal-3des")), TrainingTerminals.CLOCK, new java.util.Random(1),
                CardOptions.defaults(), null);
        long before = genuine.state().balance();
        StorageFailsOnDebit card = new StorageFailsOnDebit(genuine, dir.resolve("queue.db"));
        training.reader().cardSlot().insert(card);

        SaleView o;
        try {
            o = sell();
        } finally {
            card.release();
        }

        assertEquals(SaleOutcome.Kind.INTERRUPTED, o.kind(), o.message());
        assertEquals("sale.debited_not_recorded", o.messageKey());
        assertTrue(o.message().startsWith("The card WAS debited") && o.message().contains("Do not charge again"), o.message());
        assertNotNull(o.tac());
        assertEquals(before - 1_250, genuine.state().balance(), "the card paid");
        assertEquals(1, terminal.queue().summary().unfinishedSales(), "the journal holds the sale until the card is back");

        training.reader().cardSlot().insert(new StorageFailsOnDebit(genuine, null));
        List<TearRecovery.Recovered> found = terminal.tearRecovery().recover(terminal.openCard(), terminal.psam());
        assertEquals(1, found.size());
        assertTrue(found.get(0).debited());
        assertEquals(Optional.of(o.tac()), found.get(0).tac());
        assertEquals(0, terminal.queue().summary().unfinishedSales());
        assertEquals(before - 1_250, genuine.state().balance(), "debited once");
        assertEquals(before - 1_250, TrainingTerminals.shadowBalance(terminal, genuine.profile().cardNo()), "the center agrees");
    }

    private SaleView sell() {
        return SaleView.of(terminal, terminal.pharmacySale().withoutLoads().sell(SaleRequest.of(List.of(SaleItem.parse(AMOXICILLIN + ":1")), RIGHT_PIN,
                "cashier01")));
    }

    /**
     * The genuine card, and when DEBIT FOR PURCHASE has been applied, the queue's file is locked by another writer
     * (a stand-in for the full disk: the same failure of the journal's write of the TAC, made deterministic).
     */
    private static final class StorageFailsOnDebit implements SimulatedCard {
        private final VirtualMedicalCard card;
        private final Path queueDb;
        private Connection locker;

        StorageFailsOnDebit(VirtualMedicalCard card, Path queueDb) {
            this.card = card;
            this.queueDb = queueDb;
        }

        @Override
        public byte[] atr() {
            return card.atr();
        }

        @Override
        public byte[] process(byte[] command) {
            byte[] r = card.process(command);
            if (queueDb != null && (command[1] & 0xFF) == 0x54 && locker == null) {
                try {
                    locker = DriverManager.getConnection("jdbc:sqlite:" + queueDb);
                    try (Statement s = locker.createStatement()) {
                        s.execute("BEGIN IMMEDIATE");
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }
            return r;
        }

        void release() throws SQLException {
            if (locker != null) {
                try (Statement s = locker.createStatement()) {
                    s.execute("ROLLBACK");
                }
                locker.close();
            }
        }

        @Override
        public void reset() {
            card.reset();
        }

        @Override
        public String describe() {
            return card.describe();
        }
    }
}
