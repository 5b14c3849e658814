package org.medcard.terminal.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medcard.card.MedicalCard;
import org.medcard.psam.Psam;
import org.medcard.simulator.profile.CardProfiles;
import org.medcard.terminal.TrainingTerminals;
import org.medcard.terminal.catalog.Downloads;
import org.medcard.terminal.center.CenterRefusal;
import org.medcard.terminal.center.CenterUnreachable;
import org.medcard.terminal.center.HostApi;
import org.medcard.terminal.config.DeviceChoice;
import org.medcard.terminal.device.Devices;
import org.medcard.terminal.device.TrainingReader;
import org.medcard.terminal.load.MonthlyLoads;
import org.medcard.terminal.status.CardStatusPolicy;
import org.medcard.terminal.status.PartListener;
import org.medcard.terminal.status.PartListener.Part;
import org.medcard.terminal.store.TerminalDb;
import org.medcard.terminal.training.SimulatorTrainingReader;
import org.medcard.transport.CardFault;
import org.medcard.transport.CardTransport;

/**
 * {@code medcard card load}'s contact ({@link CardSession#loadNow()}) on its own: the simulator's card and PSAM in
 * process (real APDUs, the card file in a temp folder), the session's two ports — tearing recovery and the R15 loads —
 * as small recording implementations, so the order of the steps and what each is handed can be seen. The real
 * recovery and loads over {@code queue.db} are the {@code card load} ITs' ({@code LoadAndDayCloseCommandsIT}, {@code MonthlyLoadsIT}).
 */
class CardSessionLoadNowTest {

    @TempDir
    Path dir;

    private SimulatorTrainingReader training;
    private Devices devices;
    private TerminalDb db;
    private final AtomicInteger connects = new AtomicInteger();
    private final List<String> steps = new ArrayList<>();
    private final List<String> parts = new ArrayList<>();
    /** Never asked by loadNow itself (the loads port is handed it); a sale's status check finds it away. */
    private final HostApi center = new HostApi((message, msgid) -> {
        throw new CenterUnreachable(message.transaction(), "the center is away in this test");
    }, () -> "P11010100001202611231000000100001");

    @BeforeEach
    void open() throws Exception {
        training = new SimulatorTrainingReader(CardProfiles.bundled(), dir, TrainingTerminals.CLOCK);
        devices = new Devices(DeviceChoice.simulator(), DeviceChoice.simulator(), Optional.of(training), dir);
        db = TerminalDb.open(dir.resolve("terminal.db"));
    }

    @AfterEach
    void close() {
        devices.close();
        db.close();
    }

    @Test
    void R15_withoutACenter_theCardIsNotTouched() throws Exception {
        training.present("normal-3des");
        CardSession session = session(Optional.empty(), recordingTornSales(List.of()), (card, terminalId, api) -> {
            steps.add("loads");
            return List.of();
        });

        CardSession.LoadRun run = session.loadNow();

        assertInstanceOf(CardSession.NoCenter.class, run);
        assertEquals(0, connects.get(), "loads need the center: without it the card is not even connected");
        assertEquals(List.of(), steps);
        assertEquals(List.of(), parts, "nothing was used, nothing is reported");
    }

    @Test
    void R10_R15_tornSalesFirst_thenTheLoads_onTheSameCardAndPsam() throws Exception {
        training.present("normal-3des");
        TornSale torn = new Torn("S-1", true, Optional.of("0A1B2C3D"));
        MonthlyLoads.Outcome credited = new MonthlyLoads.Outcome("L-202611", 10_000, MonthlyLoads.Result.CREDITED, 60_000L, "");
        List<MedicalCard> cards = new ArrayList<>();
        List<String> terminalIds = new ArrayList<>();
        CardSession session = session(Optional.of(center), (card, psam) -> {
            steps.add("torn");
            cards.add(card);
            return List.of(torn);
        }, (card, terminalId, api) -> {
            steps.add("loads");
            cards.add(card);
            terminalIds.add(terminalId.hex());
            assertSame(center, api, "the loads are asked of the session's center");
            return List.of(credited);
        });

        CardSession.Loaded loaded = assertInstanceOf(CardSession.Loaded.class, session.loadNow());

        assertEquals(List.of("torn", "loads"), steps, "R10: a torn sale is resolved before any money is put on the card");
        assertEquals(1, connects.get());
        assertSame(cards.get(0), cards.get(1), "one connection for both steps");
        assertSame(loaded.card(), cards.get(0));
        assertEquals(List.of(TrainingReader.TERMINAL_ID), terminalIds, "the loads are written with the PSAM's terminal id");
        assertEquals(TrainingReader.TERMINAL_ID, loaded.psam().terminalId().hex());
        assertEquals(List.of(torn), loaded.recovered());
        assertEquals(List.of(credited), loaded.loads());
        assertTrue(parts.containsAll(List.of("ok READER", "ok CARD", "ok PSAM")), parts.toString());
    }

    @Test
    void noCardInTheSlot_isNotOpened_andNothingIsAsked() {
        CardSession session = session(Optional.of(center), recordingTornSales(List.of()), (card, terminalId, api) -> {
            steps.add("loads");
            return List.of();
        });

        CardSession.NotOpened no = assertInstanceOf(CardSession.NotOpened.class, session.loadNow());

        assertEquals(CardSession.Failure.CARD_UNREADABLE, no.failure(), no.detail());
        assertEquals(List.of(), steps);
        assertTrue(parts.contains("fault CARD"), parts.toString());
    }

    @Test
    void R15_theCentersRefusalOfTheLoads_isTheRunsFailure_whereASalesContactGoesOn() throws Exception {
        training.present("normal-3des");
        PendingLoads refused = (card, terminalId, api) -> {
            steps.add("loads");
            throw new CenterRefusal("2301", 2001, "no such card", null);
        };

        CenterRefusal e = assertThrows(CenterRefusal.class, () -> session(Optional.of(center), recordingTornSales(List.of()), refused).loadNow());
        assertTrue(e.getMessage().contains("no such card"), e.getMessage());

        // The same refusal in a sale's contact: the loads wait for the next one, the card is opened all the same.
        CardSession.Opened opened = assertInstanceOf(CardSession.Opened.class,
                session(Optional.of(center), recordingTornSales(List.of()), refused).open(CardSession.Loads.APPLY));
        assertEquals(List.of(), opened.loads());
        assertEquals(0, opened.loadedFen());
        assertEquals(List.of("torn", "loads", "torn", "loads"), steps);
    }

    @Test
    void aCardPulledDuringTheLoads_isNotOpened_andTheCardsFault() throws Exception {
        training.present("normal-3des");
        CardSession session = session(Optional.of(center), recordingTornSales(List.of()), (card, terminalId, api) -> {
            training.remove();
            throw new CardFault(CardFault.Kind.CARD_REMOVED, "card pulled during the load");
        });

        CardSession.NotOpened no = assertInstanceOf(CardSession.NotOpened.class, session.loadNow());

        assertEquals(CardSession.Failure.CARD_UNREADABLE, no.failure());
        assertTrue(parts.contains("fault CARD"), parts.toString());
    }

    private TornSales recordingTornSales(List<TornSale> found) {
        return (card, psam) -> {
            steps.add("torn");
            return found;
        };
    }

    private CardSession session(Optional<HostApi> online, TornSales tornSales, PendingLoads loads) {
        CardSlot slot = new CardSlot() {
            @Override
            public CardTransport connectCard() {
                connects.incrementAndGet();
                return devices.connectCard();
            }

            @Override
            public Psam psam() {
                return devices.psam();
            }

            @Override
            public void psamFaulted() {
                devices.psamFaulted();
            }
        };
        PartListener listener = new PartListener() {
            @Override
            public void ok(Part part, String reason) {
                parts.add("ok " + part);
            }

            @Override
            public void fault(Part part, String reason) {
                parts.add("fault " + part);
            }

            @Override
            public void none(Part part, String reason) {
                parts.add("none " + part);
            }
        };
        return new CardSession(slot, () -> online, tornSales, loads,
                new CardCheck(new CardStatusPolicy(), new Downloads(db, TrainingTerminals.CLOCK), TrainingTerminals.CLOCK), listener);
    }

    /** A torn sale as recovery reports it. */
    private record Torn(String saleId, boolean debited, Optional<String> tac) implements TornSale {
        @Override
        public boolean unresolved() {
            return false;
        }

        @Override
        public String note() {
            return debited ? "debited, settled" : "not debited";
        }
    }
}
