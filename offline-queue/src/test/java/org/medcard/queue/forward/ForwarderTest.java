package org.medcard.queue.forward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.medcard.queue.QueueFixtures.ITEMS;
import static org.medcard.queue.QueueFixtures.PATIENT;
import static org.medcard.queue.QueueFixtures.card;
import static org.medcard.queue.QueueFixtures.offlineDebit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medcard.queue.Fault;
import org.medcard.queue.ForwardResult;
import org.medcard.queue.JournalEntry;
import org.medcard.queue.MutableClock;
import org.medcard.queue.OfflineQueue;
import org.medcard.queue.OutboxMessage;
import org.medcard.queue.OutboxState;
import org.medcard.queue.QueueFixtures;
import org.medcard.queue.QueueListener;
import org.medcard.queue.ResettlementEntry;
import org.medcard.queue.ResettlementRequest;
import org.medcard.queue.ResettlementState;
import org.medcard.queue.SaleIntent;
import org.medcard.queue.SaleMode;
import org.medcard.queue.SaleTicket;

/**
 * The forwarder against a loopback center speaking the host-protocol envelope, through the tests' own
 * {@link EnvelopeLink}. How the terminal's link frames a message and reads an answer (HTTP status, unreadable bodies,
 * deadlines, TLS) is tested with it in terminal-app ({@code center.HostLinkTest}); here, what the queue does with
 * each meaning of an answer.
 */
class ForwarderTest {
    @TempDir
    Path dir;
    final MutableClock clock = MutableClock.shanghai("2026-11-23T02:15:02Z");
    FakeCenter center;
    OfflineQueue queue;

    @BeforeEach
    void start() throws IOException {
        center = new FakeCenter();
        queue = QueueFixtures.open(dir.resolve("q.db"), clock);
    }

    @AfterEach
    void stop() {
        queue.close();
        center.close();
    }

    CenterLink link(URI uri, Duration requestTimeout) {
        return new EnvelopeLink(uri, requestTimeout);
    }

    /** Backoff whose jitter always draws the top of the range, so waits are predictable. */
    Forwarder forwarder(URI uri, Duration requestTimeout, Clock c) {
        return new Forwarder(queue, link(uri, requestTimeout), new Backoff(Duration.ofSeconds(1),
                Duration.ofSeconds(60), () -> 0.999), c, Duration.ofMillis(20));
    }

    Forwarder forwarder() {
        return forwarder(center.uri(), Duration.ofSeconds(5), clock);
    }

    static URI deadPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + s.getLocalPort() + "/");
        }
    }

    @Test
    void centerDown_messageBecomesUnknownAndTheWaitGrowsExponentiallyWithJitter() throws IOException {
        String sale = offlineDebit(queue, 1, 1, 2500);
        Forwarder f = forwarder(deadPort(), Duration.ofSeconds(5), clock);
        List<ForwardResult> first = f.drainOnce();
        assertEquals(1, first.size());
        assertEquals(OutboxState.UNKNOWN, first.get(0).state());
        String msgid = first.get(0).msgid();
        assertEquals(clock.instant().plusMillis(999), f.nextAttemptAt()); // 0.999 * 1 s
        assertTrue(f.drainOnce().isEmpty(), "no send before the wait is over");
        clock.advance(Duration.ofSeconds(1));
        assertEquals(OutboxState.UNKNOWN, f.drainOnce().get(0).state());
        assertEquals(clock.instant().plusMillis(1998), f.nextAttemptAt()); // 0.999 * 2 s
        assertEquals(2, f.consecutiveFailures());
        OutboxMessage m = queue.message(msgid).orElseThrow();
        assertEquals(2, m.attempts());
        assertEquals("BATCHED", queue.offlineDebit(sale).orElseThrow().state());
        assertEquals(1, queue.messages(OutboxState.UNKNOWN).size(), "resent, not re-created");
    }

    @Test
    void forwardNowEndsTheWaitAndRecoveryDrainsTheQueue() throws IOException {
        String sale = offlineDebit(queue, 1, 1, 2500);
        center.fail500.set(1);
        Forwarder f = forwarder();
        assertEquals(OutboxState.UNKNOWN, f.drainOnce().get(0).state());
        assertTrue(f.drainOnce().isEmpty());
        f.forwardNow();
        List<ForwardResult> r = f.drainOnce();
        assertEquals(OutboxState.DONE, r.get(0).state());
        assertEquals(1, r.get(0).accepted());
        assertEquals("DONE", queue.offlineDebit(sale).orElseThrow().state());
        assertEquals(0, f.consecutiveFailures());
        assertEquals(0, queue.summary().queuedDebits());
    }

    @Test
    void answerLostAfterCommit_resendSameMsgid_noDuplicatePayment() {
        List<String> sales = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            sales.add(offlineDebit(queue, i, 10, 1000 + i));
        }
        center.loseAnswers.set(1);
        Forwarder f = forwarder();
        ForwardResult lost = f.drainOnce().get(0);
        assertEquals(OutboxState.UNKNOWN, lost.state());
        assertEquals(3, center.payments.size(), "the center committed the batch");
        clock.advance(Duration.ofSeconds(1));
        ForwardResult resent = f.drainOnce().get(0);
        assertEquals(lost.msgid(), resent.msgid());
        assertEquals(OutboxState.DONE, resent.state());
        assertEquals(List.of(lost.msgid(), lost.msgid()), center.arrivals);
        assertEquals(3, center.payments.size(), "paid once each");
        for (String sale : sales) {
            assertEquals("DONE", queue.offlineDebit(sale).orElseThrow().state());
            assertEquals(1, queue.journalOfSale(sale).stream().filter(e -> e.kind().equals("SETTLED")).count());
        }
    }

    @Test
    void recordWithAnInvalidTacIsRejectedWithTheCentersReason_othersAccepted() {
        String good1 = offlineDebit(queue, 1, 1, 100);
        String bad = offlineDebit(queue, 2, 1, 200);
        String good2 = offlineDebit(queue, 3, 1, 300);
        center.invalidTac.add(card(2) + ":1");
        ForwardResult r = forwarder().drainOnce().get(0);
        assertEquals(2, r.accepted());
        assertEquals(1, r.rejected());
        assertEquals("REJECTED", queue.offlineDebit(bad).orElseThrow().state());
        assertEquals("TAC_INVALID", queue.offlineDebit(bad).orElseThrow().reason());
        assertEquals("DONE", queue.offlineDebit(good1).orElseThrow().state());
        assertEquals("DONE", queue.offlineDebit(good2).orElseThrow().state());
    }

    @Test
    void rejectedRegistrationLeavesTheEntryRejectedWithTheReason() {
        ResettlementEntry e = queue.recordCashPayment(new ResettlementRequest(Fault.CENTER_UNREACHABLE, PATIENT,
                "cashier01", ITEMS, 900, 900));
        center.infcodeFor.put("8400", 2005);
        ForwardResult r = forwarder().drainOnce().get(0);
        assertEquals(OutboxState.REJECTED, r.state());
        assertEquals(2005, r.centerCode());
        ResettlementEntry after = queue.resettlement(e.entryNo()).orElseThrow();
        assertEquals(ResettlementState.REJECTED, after.state());
        assertEquals("infcode 2005: refused by the test center", after.reason());
        assertTrue(queue.messages(OutboxState.REJECTED).get(0).reason().contains("2005"));
    }

    @Test
    void slowCenterIsATimeout_theResendGetsTheStoredAnswer() {
        String sale = offlineDebit(queue, 1, 1, 100);
        center.delayMs = 1500;
        Forwarder f = forwarder(center.uri(), Duration.ofMillis(300), clock);
        ForwardResult r = f.drainOnce().get(0);
        assertEquals(OutboxState.UNKNOWN, r.state());
        center.delayMs = 0;
        f.forwardNow();
        long deadline = System.currentTimeMillis() + 5000;
        while (center.payments.isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.onSpinWait(); // the center finishes committing the slow request
        }
        assertEquals(OutboxState.DONE, f.drainOnce().get(0).state());
        assertEquals("DONE", queue.offlineDebit(sale).orElseThrow().state());
        assertEquals(1, center.payments.size());
    }

    @Test
    void aRetryIsResentWithTheSameMsgid() {
        offlineDebit(queue, 1, 1, 100);
        center.answer9999.set(1);
        Forwarder f = forwarder();
        ForwardResult first = f.drainOnce().get(0);
        assertEquals(OutboxState.UNKNOWN, first.state());
        assertEquals(9999, first.centerCode());
        f.forwardNow();
        ForwardResult second = f.drainOnce().get(0);
        assertEquals(first.msgid(), second.msgid());
        assertEquals(OutboxState.DONE, second.state());
    }

    @Test
    void aRefusalIsRecordedWithTheCentersCodeAndIsNotResent() {
        OutboxMessage m = queue.queueMessage("8502", card(1), "{\"load_id\":\"L1\"}");
        center.infcodeFor.put("8502", 2005);
        Forwarder f = forwarder();
        ForwardResult r = f.drainOnce().get(0);
        assertEquals(OutboxState.REJECTED, r.state());
        assertEquals(2005, r.centerCode());
        assertEquals(2005L, queue.message(m.msgid()).orElseThrow().centerCode());
        assertEquals("infcode 2005: refused by the test center", queue.message(m.msgid()).orElseThrow().reason());
        assertTrue(f.drainOnce().isEmpty());
        assertEquals(1, center.arrivals.size());
    }

    @Test
    void noAnswerIsResentWithTheSameMsgid() {
        OutboxMessage m = queue.queueMessage("8502", card(1), "{\"load_id\":\"L1\"}");
        center.garbage.set(1);
        Forwarder f = forwarder();
        ForwardResult r = f.drainOnce().get(0);
        assertEquals(OutboxState.UNKNOWN, r.state());
        assertEquals(null, r.centerCode());
        f.forwardNow();
        assertEquals(OutboxState.DONE, f.drainOnce().get(0).state());
        assertEquals(List.of(m.msgid(), m.msgid()), center.arrivals);
    }

    @Test
    void aLinkThatThrowsIsNoAnswer() {
        OutboxMessage m = queue.queueMessage("8502", card(1), "{\"load_id\":\"L1\"}");
        Forwarder f = new Forwarder(queue, (message, msgid) -> {
            throw new IllegalStateException("broken link");
        }, new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), () -> 0.999), clock, Duration.ofMillis(20));
        ForwardResult r = f.drainOnce().get(0);
        assertEquals(OutboxState.UNKNOWN, r.state());
        assertTrue(r.detail().contains("broken link"), r.detail());
        assertEquals(OutboxState.UNKNOWN, queue.message(m.msgid()).orElseThrow().state());
    }

    @Test
    void batchesHoldAtMost500RecordsAndEachCardsRecordsArriveInCounterOrder() {
        for (int counter = 1; counter <= 170; counter++) {
            for (int c = 1; c <= 3; c++) {
                offlineDebit(queue, c, counter, 10);
            }
        }
        List<ForwardResult> results = forwarder().drainOnce();
        assertEquals(List.of(500, 10), results.stream().map(ForwardResult::accepted).toList());
        for (int c = 1; c <= 3; c++) {
            String prefix = card(c) + ":";
            List<Integer> counters = center.recordArrivals.stream().filter(k -> k.startsWith(prefix))
                    .map(k -> Integer.parseInt(k.substring(prefix.length()))).toList();
            assertEquals(170, counters.size());
            for (int i = 1; i < counters.size(); i++) {
                assertTrue(counters.get(i - 1) < counters.get(i));
            }
        }
        assertEquals(0, queue.summary().queuedDebits());
    }

    @Test
    void neverMoreThanOneSenderAtATime() throws Exception {
        for (int i = 1; i <= 12; i++) {
            queue.queueMessage("8502", card(i), "{\"load_id\":\"L" + i + "\"}");
        }
        center.delayMs = 20;
        Forwarder f = forwarder();
        List<Thread> threads = new ArrayList<>();
        List<ForwardResult> all = new CopyOnWriteArrayList<>();
        for (int t = 0; t < 3; t++) {
            Thread th = new Thread(() -> all.addAll(f.drainOnce()));
            threads.add(th);
            th.start();
        }
        for (Thread th : threads) {
            th.join();
        }
        assertEquals(1, center.maxInFlight.get());
        assertEquals(12, all.size());
        assertEquals(12, queue.messages(OutboxState.DONE).size());
    }

    @Test
    void onlineSettleIsSentAtOnceAndItsAnswerJournalled() {
        SaleTicket t = queue.beginSale(new SaleIntent(SaleMode.ONLINE, card(5), PATIENT, 3, 1200, 300, ITEMS, "2102",
                "{\"presettle_id\":\"PS7\",\"acct_pay\":1200,\"cash_pay\":300}"));
        OutboxMessage m = queue.recordCardDebit(t.saleId(), "A1B2C3D4").orElseThrow();
        ForwardResult r = forwarder().sendNow(m.msgid()).orElseThrow();
        assertEquals(OutboxState.DONE, r.state());
        assertEquals(List.of("SALE_INTENT", "CARD_DEBITED", "MESSAGE_QUEUED", "MESSAGE_SENDING", "SETTLED"),
                queue.journalOfSale(t.saleId()).stream().map(JournalEntry::kind).toList());
        assertTrue(queue.message(m.msgid()).orElseThrow().resultJson().contains("setl_id"));
        assertEquals("A1B2C3D4", center.lastEnvelope.path("input").path("purse").path("tac").asText());
    }

    @Test
    void onlineSettleWaitsForTheSameCardsOlderOfflineDebit_perCardOrder() {
        String offline = offlineDebit(queue, 5, 1, 400);
        offlineDebit(queue, 6, 1, 400);
        SaleTicket t = queue.beginSale(new SaleIntent(SaleMode.ONLINE, card(5), PATIENT, 2, 1200, 0, ITEMS, "2102",
                "{\"presettle_id\":\"PS8\"}"));
        OutboxMessage settle = queue.recordCardDebit(t.saleId(), "A1B2C3D4").orElseThrow();
        ForwardResult r = forwarder().sendNow(settle.msgid()).orElseThrow();
        assertEquals(OutboxState.DONE, r.state());
        assertEquals(2, center.arrivals.size());
        assertEquals(settle.msgid(), center.arrivals.get(1), "the card's older debit went first");
        assertEquals("DONE", queue.offlineDebit(offline).orElseThrow().state());
        assertEquals(List.of(card(5) + ":1", card(6) + ":1"), center.recordArrivals);
    }

    @Test
    void otherCardsMessagesAreSentInQueueOrderAroundBatches() {
        OutboxMessage before = queue.queueMessage("8502", card(1), "{\"load_id\":\"L1\"}");
        offlineDebit(queue, 1, 7, 100);
        OutboxMessage after = queue.queueMessage("8502", card(1), "{\"load_id\":\"L2\"}");
        List<ForwardResult> r = forwarder().drainOnce();
        assertEquals(List.of("8502", "8301", "8502"), r.stream().map(ForwardResult::transaction).toList());
        assertEquals(before.msgid(), r.get(0).msgid());
        assertEquals(after.msgid(), r.get(2).msgid());
    }

    @Test
    void unknownSettlementCanBeReversedWith2601InsteadOfResent() {
        SaleTicket t = queue.beginSale(new SaleIntent(SaleMode.ONLINE, card(5), PATIENT, 3, 1200, 0, ITEMS, "2102",
                "{\"presettle_id\":\"PS7\"}"));
        OutboxMessage m = queue.recordCardDebit(t.saleId(), "A1B2C3D4").orElseThrow();
        center.loseAnswers.set(1);
        Forwarder f = forwarder();
        assertEquals(OutboxState.UNKNOWN, f.sendNow(m.msgid()).orElseThrow().state());
        OutboxMessage reversal = queue.requestReversal(m.msgid());
        f.forwardNow();
        List<ForwardResult> r = f.drainOnce();
        assertEquals(List.of(reversal.msgid()), r.stream().map(ForwardResult::msgid).toList(), "original not resent");
        OutboxMessage original = queue.message(m.msgid()).orElseThrow();
        assertEquals(OutboxState.REJECTED, original.state());
        assertEquals("reversed by 2601 " + reversal.msgid(), original.reason());
        assertEquals("2601", center.lastEnvelope.path("infno").asText());
        assertEquals(m.msgid(), center.lastEnvelope.path("input").path("omsgid").asText());
    }

    @Test
    void theLinkGetsTheMessageAsStoredWithItsMsgid() {
        OutboxMessage m = queue.queueMessage("8502", card(1), "{\"load_id\":\"L1\"}");
        List<String> seen = new ArrayList<>();
        Forwarder f = new Forwarder(queue, (message, msgid) -> {
            seen.add(message.transaction() + " " + msgid + " " + message.input());
            return new CenterAnswer.Accepted("{}");
        }, new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), () -> 0.999), clock, Duration.ofMillis(20));
        assertEquals(OutboxState.DONE, f.drainOnce().get(0).state());
        assertEquals(List.of("8502 " + m.msgid() + " {\"load_id\":\"L1\"}"), seen);
    }

    @Test
    void backgroundForwarderDrainsOnceTheCenterAnswersAndReportsEachResult() throws Exception {
        for (int i = 1; i <= 5; i++) {
            offlineDebit(queue, i, 1, 100);
        }
        queue.recordCashPayment(new ResettlementRequest(Fault.NO_READER, PATIENT, "c1", ITEMS, 500, 500));
        center.fail500.set(2);
        List<ForwardResult> heard = new CopyOnWriteArrayList<>();
        queue.addListener(new QueueListener() {
            @Override
            public void forwarded(ForwardResult result) {
                heard.add(result);
            }
        });
        Forwarder f = new Forwarder(queue, link(center.uri(), Duration.ofSeconds(5)),
                new Backoff(Duration.ofMillis(10), Duration.ofMillis(50), Math::random), Clock.systemUTC(),
                Duration.ofMillis(20));
        f.start();
        try {
            long deadline = System.currentTimeMillis() + 10_000;
            while (System.currentTimeMillis() < deadline
                    && (queue.summary().queuedDebits() > 0 || queue.summary().pendingMessages() > 0)) {
                Thread.sleep(20);
            }
        } finally {
            f.close();
        }
        assertEquals(0, queue.summary().queuedDebits());
        assertEquals(0, queue.summary().pendingMessages());
        assertEquals(2, heard.stream().filter(r -> r.state() == OutboxState.UNKNOWN).count());
        assertEquals(2, heard.stream().filter(r -> r.state() == OutboxState.DONE).count());
        assertEquals(5, center.payments.size());
        assertFalse(queue.forwardingBlocked());
    }
}
