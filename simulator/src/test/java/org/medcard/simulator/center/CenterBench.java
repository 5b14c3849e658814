package org.medcard.simulator.center;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.medcard.simulator.profile.CardProfile;

/**
 * Throughput of the simulated center on this machine, over real HTTP on loopback, with the database on a
 * file (WAL, synchronous=FULL) — one sequential client, as one terminal would be.
 *
 * <ol>
 * <li>single settlements: N pre-settlements (2101) are made first, then N settle calls (2102), each with a
 *     card debit record whose TAC the center verifies, are timed;</li>
 * <li>offline batches: B uploads (8301) of 500 records each, every record with its own TAC, are timed.</li>
 * </ol>
 *
 * Not a test (nothing asserts a speed); run it by hand, see docs/performance.md:
 * {@code java -cp … org.medcard.simulator.center.CenterBench [settlements] [batches]}.
 */
public final class CenterBench {
    private CenterBench() {
    }

    public static void main(String[] args) throws Exception {
        int settlements = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int batches = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Path dir = Files.createTempDirectory("center-bench");
        SettlementCenter center = new SettlementCenter(CenterConfig.of(dir.resolve("bench.db").toString()), Clock.systemDefaultZone());
        center.start(0);
        try {
            CenterClient client = new CenterClient(center.apiUri());
            client.signIn();
            warmUp(client);
            single(client, settlements);
            batches(client, batches);
        } finally {
            center.stop();
        }
    }

    private static void warmUp(CenterClient client) throws Exception {
        CardProfile card = TestCards.profile("normal-sm4");
        for (int i = 0; i < 200; i++) {
            JsonNode pre = client.call("2101", CenterTestBase.presettleInput(card, CenterTestBase.item("XP01ABJ016", 1, 350)));
            client.call("2102", CenterTestBase.settleInput(pre.at("/output/presettle_id").asText(), 1, 349,
                    TestCards.purse(card, 1, 20_000 + i)));
        }
    }

    private static void single(CenterClient client, int n) throws Exception {
        CardProfile card = TestCards.profile("normal-3des");
        List<String> ids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ids.add(client.call("2101", CenterTestBase.presettleInput(card, CenterTestBase.item("XP01ABJ016", 1, 350)))
                    .at("/output/presettle_id").asText());
        }
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            JsonNode a = client.call("2102", CenterTestBase.settleInput(ids.get(i), 10, 340, TestCards.purse(card, 10, 1_000 + i)));
            require(a);
        }
        report("2102 single settlements", n, System.nanoTime() - start);
    }

    private static void batches(CenterClient client, int batches) throws Exception {
        CardProfile card = TestCards.profile("employee-family");
        LocalDateTime time = LocalDateTime.now().withNano(0).minusHours(1);
        List<ObjectNode> bodies = new ArrayList<>();
        for (int b = 0; b < batches; b++) {
            ObjectNode in = CenterClient.object();
            ArrayNode records = in.putArray("records");
            for (int r = 0; r < 500; r++) {
                int counter = 100 + b * 500 + r;
                ObjectNode rec = TestCards.purse(card, 1, counter, counter, time);
                rec.put("psn_cert_no", card.psnCertNo());
                rec.put("acct_pay", 1);
                rec.put("cash_pay", 349);
                rec.putArray("items").add(CenterTestBase.item("XP01ABJ016", 1, 350));
                records.add(rec);
            }
            bodies.add(in);
        }
        long start = System.nanoTime();
        for (ObjectNode in : bodies) {
            JsonNode a = client.call("8301", in);
            require(a);
            if (a.at("/output/accepted").asInt() != 500) {
                throw new IllegalStateException("batch not fully accepted: " + a.at("/output/accepted"));
            }
        }
        report("8301 batches of 500 (records)", batches * 500, System.nanoTime() - start);
        System.out.printf(Locale.ROOT, "  = %.1f batches/s%n", batches / ((System.nanoTime() - start) / 1e9));
    }

    private static void require(JsonNode a) {
        if (a.get("infcode").asInt() != 0) {
            throw new IllegalStateException("unexpected answer: " + a);
        }
    }

    private static void report(String what, int count, long nanos) {
        double seconds = nanos / 1e9;
        System.out.printf(Locale.ROOT, "%s: %d in %.2f s = %.0f settled transactions/s (%.2f ms each)%n",
                what, count, seconds, count / seconds, seconds * 1000 / count);
    }
}
