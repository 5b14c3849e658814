package org.medcard.terminal.bench;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.medcard.apdu.Bcd;
import org.medcard.apdu.Hex;
import org.medcard.crypto.Algorithm;
import org.medcard.crypto.PurseCrypto;
import org.medcard.queue.ForwardResult;
import org.medcard.queue.OfflineLimits;
import org.medcard.queue.OfflineQueue;
import org.medcard.queue.QueueSettings;
import org.medcard.queue.SaleIntent;
import org.medcard.queue.SaleTicket;
import org.medcard.queue.TerminalIdentity;
import org.medcard.queue.forward.Backoff;
import org.medcard.queue.EncodedMessage;
import org.medcard.queue.forward.CenterAnswer;
import org.medcard.terminal.center.HostLink;
import org.medcard.queue.forward.Forwarder;
import org.medcard.simulator.center.CenterConfig;
import org.medcard.simulator.center.SettlementCenter;
import org.medcard.simulator.profile.CardProfile;
import org.medcard.simulator.profile.CardProfiles;

/**
 * Benchmark (not a test): queue N offline debits with genuine TACs in a real queue file, then time the
 * forwarder draining them in 8301 batches to the simulator's settlement center over loopback HTTP, which
 * checks every TAC with the card's key.
 *
 * <pre>mvn -B -q -pl terminal-app -am test-compile exec:java -Dexec.skip=true -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.medcard.terminal.bench.DrainToCenterBench -Dexec.args=10000</pre>
 */
public final class DrainToCenterBench {

    private static final DateTimeFormatter TX_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        Path dir = Files.createTempDirectory("drain-bench");
        Clock clock = Clock.systemDefaultZone();
        CardProfiles profiles = CardProfiles.bundled();
        CardProfile card = profiles.get("normal-3des");
        String terminalId = profiles.terminalId();
        try (SettlementCenter center = new SettlementCenter(CenterConfig.of(dir.resolve("center.db").toString()), clock);
             OfflineQueue queue = OfflineQueue.open(dir.resolve("queue.db"),
                     QueueSettings.of(new TerminalIdentity("P11010100001", 1, terminalId))
                             .withLimits(new OfflineLimits(org.medcard.queue.OfflineMode.STORE_AND_FORWARD, records, records, records, Duration.ofDays(3))),
                     "TEST-ONLY bench key".getBytes(StandardCharsets.UTF_8), clock)) {
            center.start(0);
            String[] signNo = {""};
            HostLink link = new HostLink(HostLink.Settings.of(URI.create("http://127.0.0.1:" + center.port() + "/"),
                    "P11010100001", "01", "bench", () -> signNo[0]), clock);
            CenterAnswer.Accepted signIn = (CenterAnswer.Accepted) link.send(new EncodedMessage("9001",
                    "{\"opter\":\"bench\",\"dev_no\":\"01\",\"mac\":\"00:00:00:00:00:01\"}"), queue.reserveMsgid());
            signNo[0] = new ObjectMapper().readTree(signIn.output()).get("sign_no").asText();

            long queueStart = System.nanoTime();
            queueDebits(queue, profiles, card, terminalId, records, clock);
            double queueSeconds = (System.nanoTime() - queueStart) / 1e9;

            Forwarder forwarder = new Forwarder(queue, link, Backoff.standard(new Random(1)::nextDouble), clock, Duration.ofSeconds(1));
            long start = System.nanoTime();
            List<ForwardResult> results = forwarder.drainOnce();
            double seconds = (System.nanoTime() - start) / 1e9;
            int accepted = results.stream().mapToInt(ForwardResult::accepted).sum();
            int rejected = results.stream().mapToInt(ForwardResult::rejected).sum();
            System.out.printf(Locale.ROOT, "queued %d offline debits in %.2f s (%.0f/s)%n", records, queueSeconds, records / queueSeconds);
            System.out.printf(Locale.ROOT, "drained to the simulator's center in %.2f s: %d messages, %d accepted, %d rejected, %.0f records/s%n",
                    seconds, results.size(), accepted, rejected, records / seconds);
        }
    }

    private static void queueDebits(OfflineQueue queue, CardProfiles profiles, CardProfile card, String terminalId, int records, Clock clock) {
        Algorithm alg = "SM4".equals(card.algorithm()) ? Algorithm.SM4 : Algorithm.TRIPLE_DES;
        byte[] div = Hex.parse(card.cardNo().substring(4));
        byte[] dtk = profiles.keys().forCard(alg, div).dtk();
        byte[] tid = Hex.parse(terminalId);
        LocalDateTime when = LocalDateTime.now(clock).withNano(0);
        for (int i = 0; i < records; i++) {
            int counter = card.offlineCounter() + i;
            long seq = i + 1;
            byte[] tac = PurseCrypto.purchaseTac(alg, dtk, 1, tid, PurseCrypto.u32(seq), Bcd.date(when.toLocalDate()), Bcd.time(when.toLocalTime()));
            SaleTicket t = queue.beginSale(SaleIntent.offline(card.cardNo(), card.psnCertNo(), counter, 1, 0,
                    "[{\"code\":\"XJ01CAA001\",\"qty\":1,\"price\":1}]").withCardDebit(seq, TX_TIME.format(when)));
            queue.recordCardDebit(t.saleId(), Hex.of(tac));
        }
    }
}
