package org.medcard.simulator.center;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.medcard.simulator.center.fault.Fault;
import org.medcard.simulator.center.fault.FaultKind;
import org.medcard.simulator.profile.CardProfile;

/** Each injected fault, set through the HTTP control API, seen by a real HTTP client on loopback. */
class CenterFaultsIT extends CenterTestBase {
    private SettlementCenter center;
    private CenterClient client;
    private final HttpClient http = HttpClient.newHttpClient();
    private final CardProfile employee = TestCards.profile("normal-3des");

    @BeforeEach
    void startCenter() throws Exception {
        center = start(CenterConfig.inMemory());
        client = signedInClient(center);
    }

    @Test
    void down_refusesConnections_controlStaysUp_andClearingReopensTheSamePort() throws Exception {
        int port = center.port();
        JsonNode state = control("{\"fault\":\"DOWN\"}");
        assertFalse(state.get("api_up").asBoolean());
        assertThrows(ConnectException.class, () -> client.call("1301", CenterClient.object()));
        assertEquals(port, control(null).get("api_port").asInt(), "control still answers");
        control("{\"fault\":\"DOWN\",\"clear\":true}");
        assertEquals(port, center.port());
        ok(client.call("1301", CenterClient.object().put("since_version", 2)));
    }

    @Test
    void slow_delaysTheAnswerByAtLeastTheGivenMillis() throws Exception {
        control("{\"fault\":\"SLOW\",\"millis\":800}");
        long start = System.nanoTime();
        ok(client.call("1301", CenterClient.object().put("since_version", 2)));
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        assertTrue(elapsedMs >= 800, "took " + elapsedMs + " ms");
        control("{\"fault\":\"NONE\"}");
        assertEquals(0, control(null).get("faults").size());
    }

    @Test
    void http500_answersWithoutApplying_andTheResendIsHandledOnce() throws Exception {
        control("{\"fault\":\"HTTP_500\",\"count\":1}");
        String msgid = client.newMsgid();
        ObjectNode in = presettleInput(employee, item("XJ01CAA001", 1, 1250));
        HttpResponse<String> r = client.post(client.envelope(msgid, "2101", in).toString());
        assertEquals(500, r.statusCode());
        JsonNode again = ok(client.call(msgid, "2101", in));
        assertTrue(again.get("presettle_id").asText().endsWith("00000001"), "the 500 applied nothing: " + again);
    }

    @Test
    void answerLostAfterCommit_clientSeesIOException_resendGetsTheCommittedAnswer_noDoubleDebit() throws Exception {
        String id = ok(client.call("2101", presettleInput(employee, item("XJ01CAA001", 1, 1250)))).get("presettle_id").asText();
        ObjectNode settle = settleInput(id, 1250, 0, TestCards.purse(employee, 1250, employee.offlineCounter()));
        String msgid = client.newMsgid();
        center.inject(new Fault(FaultKind.ANSWER_LOST, 0, 1));
        assertThrows(IOException.class, () -> client.call(msgid, "2102", settle));
        JsonNode resent = ok(client.call(msgid, "2102", settle));
        assertTrue(resent.get("setl_id").asText().startsWith("SETL"));
        assertEquals(employee.balance() - 1250, resent.get("acct_balance_shadow").asLong());
        JsonNode info = ok(client.call("1101", CenterClient.object().put("card_no", employee.cardNo())));
        assertEquals(employee.balance() - 1250, info.get("acct_balance_shadow").asLong(), "debited once");
        JsonNode detail = ok(client.call("3202", CenterClient.object().put("date", TODAY)));
        assertEquals(1, detail.get("records").size());
    }

    @Test
    void badSignNo_answers1001ToTheNextNRequests_thenRecovers() throws Exception {
        control("{\"fault\":\"BAD_SIGN_NO\",\"count\":2}");
        assertInfcode(1001, client.call("1301", CenterClient.object()));
        assertInfcode(1001, client.call("1301", CenterClient.object()));
        ok(client.call("1301", CenterClient.object()));
    }

    @Test
    void reconciliationMismatch_makes3201Answer3001_evenWhenTotalsAgree() throws Exception {
        ObjectNode empty = CenterClient.object().put("date", TODAY).put("count", 0).put("fund_sum", 0).put("acct_sum", 0).put("cash_sum", 0);
        ok(client.call("3201", empty));
        control("{\"fault\":\"RECONCILIATION_MISMATCH\"}");
        JsonNode a = client.call("3201", empty);
        assertInfcode(3001, a);
        assertEquals("MISMATCH", a.at("/output/result").asText());
    }

    @Test
    void controlApi_rejectsUnknownFaultWith400() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(center.controlUri())
                .POST(HttpRequest.BodyPublishers.ofString("{\"fault\":\"FIRE\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("FIRE"), r.body());
    }

    private JsonNode control(String body) throws IOException, InterruptedException {
        URI uri = center.controlUri();
        HttpRequest.Builder b = HttpRequest.newBuilder(uri);
        if (body != null) {
            b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return CenterClient.JSON.readTree(r.body());
    }
}
