package org.medcard.terminal.center;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medcard.queue.OfflineQueue;
import org.medcard.queue.OutboxMessage;
import org.medcard.queue.OutboxState;
import org.medcard.queue.QueueSettings;
import org.medcard.queue.TerminalIdentity;
import org.medcard.queue.forward.Backoff;
import org.medcard.queue.forward.Forwarder;
import org.medcard.simulator.center.CenterConfig;
import org.medcard.simulator.center.SettlementCenter;
import org.medcard.simulator.center.fault.Fault;
import org.medcard.simulator.center.fault.FaultKind;
import org.medcard.terminal.status.PartListener.Part;
import org.medcard.terminal.status.PartState;
import org.medcard.terminal.status.PartStates;

/**
 * The center session against the simulated center over real HTTP on loopback, with a real queue file and forwarder:
 * sign-in and sign-out (9001/9002) and the center's part state, a sign-in again once the center is back, and the
 * outbox sent at once (not after its back-off) when the center answers again.
 */
class CenterSessionTest {
    private static final String INSTITUTION = "P11010100001";
    /** Far beyond the test's waits: a message sent within them was sent because the center came back. */
    private static final Duration LONG_BACKOFF = Duration.ofMinutes(10);

    @TempDir
    Path dir;

    private final Clock clock = Clock.system(ZoneId.of("Asia/Shanghai"));
    private final AtomicReference<String> signNo = new AtomicReference<>("");
    private final PartStates parts = new PartStates(() -> !signNo.get().isEmpty());
    private final CountingSync sync = new CountingSync();
    private SettlementCenter center;
    private OfflineQueue queue;
    private Forwarder forwarder;
    private HostApi api;
    private CenterSession session;

    @BeforeEach
    void setUp() {
        center = new SettlementCenter(CenterConfig.inMemory(), clock);
        center.start(0);
        URI base = URI.create("http://127.0.0.1:" + center.port() + "/");
        HostLink link = new HostLink(HostLink.Settings.of(base, INSTITUTION, "01", "cashier01", signNo::get), clock);
        queue = OfflineQueue.open(dir.resolve("queue.db"), QueueSettings.of(new TerminalIdentity(INSTITUTION, 1, "112233445566")),
                new byte[32], clock, new QueueWireFormat(new HostCodec()));
        forwarder = new Forwarder(queue, link, new Backoff(LONG_BACKOFF, LONG_BACKOFF, () -> 0.5), clock, Duration.ofMillis(100));
        api = new HostApi(link, queue::reserveMsgid);
        session = new CenterSession(api, signNo, forwarder, sync, parts, new CenterSession.Counter("cashier01", "01", true), true);
    }

    @AfterEach
    void tearDown() {
        forwarder.close();
        queue.close();
        center.stop();
    }

    @Test
    void start_signsIn_downloads_andTheCenterIsOk() {
        session.start();

        assertTrue(session.signedIn());
        assertFalse(signNo.get().isEmpty());
        assertEquals(PartState.ok("signed in (embedded center, TRAINING MODE)"), parts.of(Part.CENTER));
        assertEquals(1, sync.all, "catalog and blacklist once after the sign-in");
        assertEquals(0, sync.blacklist);
        assertTrue(session.online().isPresent());
    }

    @Test
    void signOut_endsTheSignNo_theCenterRefusesItAfterwards() {
        session.start();
        String used = signNo.get();

        assertTrue(session.signOut());

        assertEquals("", signNo.get());
        assertFalse(session.signedIn());
        assertEquals(PartState.none("signed out"), parts.of(Part.CENTER));
        assertFalse(session.signOut(), "nothing to sign out twice");
        signNo.set(used); // the old sign_no, sent again by hand
        CenterRefusal refused = assertThrows(CenterRefusal.class, () -> api.call(new HostRequest.Catalog1301(0)));
        assertEquals(1001, refused.infcode(), refused.centerMessage());
    }

    @Test
    void centerDownAtStart_isAFault_andTheCenterBack_signsInAgain() {
        center.inject(Fault.always(FaultKind.DOWN));

        session.start();

        assertFalse(session.signedIn());
        assertEquals(PartState.Health.FAULT, parts.of(Part.CENTER).health());
        assertTrue(parts.of(Part.CENTER).reason().startsWith("center unreachable"), parts.of(Part.CENTER).reason());
        assertTrue(session.online().isEmpty(), "a query while it is down finds no center");
        assertEquals(0, sync.all);

        center.faults().clearAll();
        session.watchListener().reachableAgain();

        assertTrue(session.signedIn(), "signed in again");
        assertEquals(PartState.ok("signed in (embedded center, TRAINING MODE)"), parts.of(Part.CENTER));
        assertEquals(0, sync.blacklist, "a fresh sign-in is the real request; no blacklist sync needed for it");
        assertTrue(session.online().isPresent());
    }

    @Test
    void theOutboxWaitingForItsBackoff_isSentAtOnce_whenTheCenterIsBack() throws Exception {
        session.start();
        center.inject(Fault.always(FaultKind.DOWN));
        // Any message the center answers will do; the queue gives a catalog query no meaning of its own.
        OutboxMessage waiting = queue.queue(new HostCodec().encode(new HostRequest.Catalog1301(0)), null);
        forwarder.forwardNow();
        assertTrue(within(Duration.ofSeconds(5), () -> state(waiting) != OutboxState.PENDING || attempts(waiting) > 0),
                "the forwarder tried while the center was down");
        Thread.sleep(500);
        assertFalse(state(waiting).isFinal(), "still waiting for its back-off: " + state(waiting));

        center.faults().clearAll();
        session.watchListener().reachableAgain();

        assertTrue(within(Duration.ofSeconds(3), () -> state(waiting).isFinal()), "sent at once: " + state(waiting));
        assertEquals(OutboxState.DONE, state(waiting));
        assertEquals(1, sync.blacklist, "still signed in: the blacklist was the real request");
        assertEquals(PartState.Health.OK, parts.of(Part.CENTER).health());
    }

    @Test
    void theWatch_reportsSilenceAsAFault_andAnAnswerAsOnline_onlyWhileSignedIn() {
        CenterWatch.Listener watch = session.watchListener();
        watch.answered();
        assertEquals(PartState.Health.NONE, parts.of(Part.CENTER).health(), "not signed in: an answer is not OK yet");

        session.start();
        watch.noAnswer("center unreachable: refused");
        assertEquals(PartState.fault("center unreachable: refused"), parts.of(Part.CENTER));
        watch.answered();
        assertEquals(PartState.ok("online"), parts.of(Part.CENTER));
    }

    private OutboxState state(OutboxMessage m) {
        return queue.message(m.msgid()).orElseThrow().state();
    }

    private long attempts(OutboxMessage m) {
        return queue.message(m.msgid()).orElseThrow().attempts();
    }

    private static boolean within(Duration limit, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    /** The downloads as the session asks for them, counted. */
    private static final class CountingSync implements CenterSession.Sync {
        int all;
        int blacklist;

        @Override
        public void all(HostApi api) {
            all++;
            api.call(new HostRequest.Catalog1301(0));
        }

        @Override
        public void blacklist(HostApi api) {
            blacklist++;
            api.call(new HostRequest.Blacklist8101(0));
        }
    }
}
