package org.medcard.terminal.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;

import javax.smartcardio.TerminalFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medcard.apdu.Hex;
import org.medcard.card.MedicalCard;
import org.medcard.card.PendingDebit;
import org.medcard.card.PurchaseResult;
import org.medcard.psam.PsamClient;
import org.medcard.queue.ForwardResult;
import org.medcard.queue.OfflineQueue;
import org.medcard.queue.OutboxState;
import org.medcard.queue.QueueSettings;
import org.medcard.queue.SaleIntent;
import org.medcard.queue.SaleTicket;
import org.medcard.queue.TerminalIdentity;
import org.medcard.queue.forward.Backoff;
import org.medcard.queue.EncodedMessage;
import org.medcard.queue.forward.CenterAnswer;
import org.medcard.terminal.center.HostLink;
import org.medcard.queue.forward.Forwarder;
import org.medcard.simulator.card.CardOptions;
import org.medcard.simulator.card.PurseState;
import org.medcard.simulator.card.VirtualMedicalCard;
import org.medcard.simulator.center.CenterConfig;
import org.medcard.simulator.center.SettlementCenter;
import org.medcard.simulator.center.fault.Fault;
import org.medcard.simulator.center.fault.FaultKind;
import org.medcard.simulator.profile.CardProfile;
import org.medcard.simulator.profile.CardProfiles;
import org.medcard.simulator.psam.VirtualPsam;
import org.medcard.simulator.reader.SimulatedReader;
import org.medcard.simulator.reader.inprocess.SimulatorProvider;
import org.medcard.transport.pcsc.PcscReaders;

/**
 * The offline queue's end-to-end test (issue 5): real debits from the virtual card, proven by the virtual
 * PSAM, journalled in a real SQLite queue, forwarded in an {@code 8301} batch over real HTTP to the simulated
 * center, which checks every TAC with the card's key. The answer to the first upload is lost after the
 * center committed it; the resend with the same msgid must not settle anything twice.
 */
class OfflineDebitsReachTheCenterIT {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TX_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-23T02:15:00Z"), ZONE);
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path dir;

    private SettlementCenter center;
    private OfflineQueue queue;
    private HostLink link;
    private MedicalCard card;
    private PsamClient psam;
    private CardProfile profile;
    private final AtomicReference<String> signNo = new AtomicReference<>("");

    @BeforeEach
    void setUp() throws Exception {
        center = new SettlementCenter(CenterConfig.inMemory(), clock);
        center.start(0);
        CardProfiles profiles = CardProfiles.bundled();
        profile = profiles.get("normal-3des");
        SimulatedReader reader = new SimulatedReader("e2e");
        reader.cardSlot().insert(new VirtualMedicalCard(profile, profiles.keys(), PurseState.initial(profile), clock, new Random(3),
                CardOptions.defaults(), null));
        reader.psamSlot().insert(new VirtualPsam(profiles.keys(), profiles.terminalId()));
        PcscReaders readers = new PcscReaders(TerminalFactory.getInstance(SimulatorProvider.TYPE, reader, new SimulatorProvider()));
        card = new MedicalCard(readers.open("e2e card slot 0"));
        psam = PsamClient.open(readers.open("e2e PSAM slot 1"));
        queue = OfflineQueue.open(dir.resolve("queue.db"),
                QueueSettings.of(new TerminalIdentity("P11010100001", 1, psam.terminalId().hex())),
                "TEST-ONLY terminal HMAC key".getBytes(StandardCharsets.UTF_8), clock);
        URI base = URI.create("http://127.0.0.1:" + center.port() + "/");
        link = new HostLink(HostLink.Settings.of(base, "P11010100001", "01", "cashier01", signNo::get), clock);
        signIn();
    }

    @AfterEach
    void tearDown() {
        queue.close();
        center.stop();
    }

    @Test
    void R11_offlineDebitsAreForwardedOnce_evenWhenTheFirstAnswerIsLostAfterCommit() throws Exception {
        card.select();
        List<Long> amounts = List.of(1_000L, 2_500L, 4_200L);
        for (long amount : amounts) {
            offlinePurchase(amount);
        }
        assertEquals(3, queue.summary().queuedDebits());
        assertEquals(7_700, queue.summary().queuedDebitFen());

        center.inject(new Fault(FaultKind.ANSWER_LOST, 0, 1));
        Forwarder forwarder = new Forwarder(queue, link, Backoff.standard(new Random(1)::nextDouble), clock, Duration.ofMillis(50));
        List<ForwardResult> first = forwarder.drainOnce();
        assertEquals(OutboxState.UNKNOWN, first.get(0).state(), "the center committed but its answer was lost");

        assertEquals(List.of(), forwarder.drainOnce(), "backing off: nothing is sent before the wait is over");
        ForwardResult second = forwarder.sendNow(first.get(0).msgid()).orElseThrow(); // the cashier's "forward now"
        assertEquals(OutboxState.DONE, second.state());
        assertEquals(first.get(0).msgid(), second.msgid(), "resent with the same msgid");
        assertEquals(3, second.accepted());
        assertEquals(0, queue.summary().queuedDebits());

        assertEquals(profile.balance() - 7_700, card.getBalance(), "the card paid once");
        assertEquals(profile.balance() - 7_700, shadowBalance(), "the center's shadow account agrees to the fen");
    }

    private void offlinePurchase(long amount) {
        var intent = card.initializePurchase(amount, psam.terminalId());
        AtomicReference<SaleTicket> ticket = new AtomicReference<>();
        PurchaseResult result = card.debit(intent, psam, LocalDateTime.now(clock), (PendingDebit pending) ->
                ticket.set(queue.beginSale(SaleIntent.offline(profile.cardNo(), profile.psnCertNo(), intent.offlineCounter(), amount, 0,
                        "[{\"code\":\"XJ01CAA001\",\"qty\":1,\"price\":" + amount + "}]")
                        .withCardDebit(pending.terminalSeq(), TX_TIME.format(pending.dateTime())))));
        queue.recordCardDebit(ticket.get().saleId(), Hex.of(result.record().tac()));
    }

    private void signIn() throws Exception {
        CenterAnswer a = link.send(new EncodedMessage("9001", "{\"opter\":\"cashier01\",\"dev_no\":\"01\",\"mac\":\"00:00:00:00:00:01\"}"),
                queue.reserveMsgid());
        CenterAnswer.Accepted answered = assertInstanceOf(CenterAnswer.Accepted.class, a, () -> "sign-in refused: " + a);
        JsonNode out = json.readTree(answered.output());
        signNo.set(out.get("sign_no").asText());
        assertTrue(!signNo.get().isEmpty());
    }

    private long shadowBalance() throws Exception {
        CenterAnswer a = link.send(new EncodedMessage("1101", "{\"card_no\":\"" + profile.cardNo() + "\"}"), queue.reserveMsgid());
        return json.readTree(((CenterAnswer.Accepted) a).output()).get("acct_balance_shadow").asLong();
    }
}
