package org.medcard.simulator.center;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.AfterEach;

import org.medcard.simulator.profile.CardProfile;

/** Starts centers on loopback for a test and stops them afterwards; helpers to build requests. */
abstract class CenterTestBase {
    /** 2026-11-22 10:15 in Beijing: after the suspended profile's stop month, inside the recent profile's R6 wait. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T02:15:00Z"), ZoneId.of("Asia/Shanghai"));
    static final String TODAY = "2026-11-22";

    private final java.util.List<SettlementCenter> started = new java.util.ArrayList<>();

    SettlementCenter start(CenterConfig config) {
        return start(config, CLOCK);
    }

    SettlementCenter start(CenterConfig config, Clock clock) {
        SettlementCenter c = new SettlementCenter(config, clock);
        started.add(c);
        c.start(0);
        return c;
    }

    CenterClient signedInClient(SettlementCenter c) throws IOException, InterruptedException {
        CenterClient client = new CenterClient(c.apiUri());
        client.signIn();
        return client;
    }

    @AfterEach
    void stopCenters() {
        started.forEach(SettlementCenter::stop);
    }

    static ObjectNode item(String code, long qty, long price) {
        return CenterClient.object().put("code", code).put("qty", qty).put("price", price);
    }

    static ObjectNode presettleInput(CardProfile card, ObjectNode... items) {
        ObjectNode in = CenterClient.object();
        in.put("psn_no", card.psnNo());
        in.put("card_no", card.cardNo());
        in.put("service_date", TODAY);
        ArrayNode list = in.putArray("items");
        for (ObjectNode i : items) {
            list.add(i);
        }
        return in;
    }

    static ObjectNode settleInput(String presettleId, long acct, long cash, ObjectNode purse) {
        ObjectNode in = CenterClient.object().put("presettle_id", presettleId).put("acct_pay", acct).put("cash_pay", cash);
        if (purse != null) {
            in.set("purse", purse);
        }
        return in;
    }

    static void assertInfcode(int expected, JsonNode answer) {
        assertEquals(expected, answer.get("infcode").asInt(), () -> "answer: " + answer);
    }

    static JsonNode ok(JsonNode answer) {
        assertInfcode(0, answer);
        return answer.get("output");
    }
}
