package org.medcard.simulator.center;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.medcard.simulator.profile.CardProfile;

/**
 * The center process is killed (SIGKILL) while it handles a batch of 500 offline debits. Whenever the kill
 * lands, the reopened file holds all 500 settlements and the stored answer, or none of them; the resend with
 * the same msgid then ends with exactly 500.
 */
class CenterCrashIT extends CenterTestBase {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "kill after {0} ms")
    // Observed on this machine: 300 and 900 ms land before the commit (nothing stored), 4000 ms after it.
    @ValueSource(ints = {300, 900, 4000})
    void killDuringABatch_leavesAllOrNothing_andTheResendCompletesIt(int killAfterMs) throws Exception {
        Path db = dir.resolve("crash.db");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CenterCommand.class.getName(), "--port", "0", "--db", db.toString())
                .redirectErrorStream(true).start();
        URI api;
        try {
            api = awaitApi(child);
            CenterClient client = new CenterClient(api);
            client.signIn();
            ObjectNode batch = batch(TestCards.profile("employee-family"));
            String msgid = client.newMsgid();
            CompletableFuture<Void> upload = CompletableFuture.runAsync(() -> {
                try {
                    client.call(msgid, "8301", batch);
                } catch (Exception expectedWhenKilled) {
                    // the answer may never come
                }
            });
            Thread.sleep(killAfterMs);
            child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            upload.get(15, TimeUnit.SECONDS);

            // The child settled with the system clock; the reopened center must agree on the date.
            SettlementCenter reopened = start(CenterConfig.of(db.toString()), java.time.Clock.systemDefaultZone());
            CenterClient after = new CenterClient(reopened.apiUri(), "02");
            after.signInAs(client.signNo());
            int before = ok(after.call("3202", CenterClient.object().put("date", java.time.LocalDate.now().toString())))
                    .get("records").size();
            assertTrue(before == 0 || before == 500, "settlements after the kill: " + before);

            JsonNode resent = ok(after.call(msgid, "8301", batch));
            assertEquals(500, resent.get("accepted").asInt(), "the stored answer, or the batch handled now: " + resent.get("accepted"));
            assertEquals(500, ok(after.call("3202", CenterClient.object().put("date", java.time.LocalDate.now().toString())))
                    .get("records").size());
        } finally {
            child.destroyForcibly();
        }
    }

    private static ObjectNode batch(CardProfile card) {
        LocalDateTime time = LocalDateTime.of(2026, 11, 22, 9, 0);
        ObjectNode in = CenterClient.object();
        ArrayNode records = in.putArray("records");
        for (int r = 0; r < 500; r++) {
            ObjectNode rec = TestCards.purse(card, 1, 100 + r, 100 + r, time);
            rec.put("psn_cert_no", card.psnCertNo());
            rec.put("acct_pay", 1);
            rec.put("cash_pay", 349);
            rec.putArray("items").add(item("XP01ABJ016", 1, 350));
            records.add(rec);
        }
        return in;
    }

    private static URI awaitApi(Process child) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        Pattern p = Pattern.compile("listening on (\\S+)");
        CompletableFuture<URI> found = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    Matcher m = p.matcher(line);
                    if (m.find()) {
                        // keep draining so the child never blocks on a full pipe
                        Thread drain = new Thread(() -> {
                            try {
                                while (out.readLine() != null) {
                                    // discard
                                }
                            } catch (java.io.IOException ignored) {
                                // child gone
                            }
                        });
                        drain.setDaemon(true);
                        drain.start();
                        return URI.create(m.group(1));
                    }
                }
                throw new IllegalStateException("center process ended without printing its port");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        return found.get(30, TimeUnit.SECONDS);
    }
}
