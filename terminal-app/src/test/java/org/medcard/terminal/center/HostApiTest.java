package org.medcard.terminal.center;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.medcard.card.CancelReason;
import org.medcard.queue.forward.CenterAnswer;
import org.medcard.queue.forward.CenterLink;
import org.medcard.terminal.status.CardStatus;

/** Parsing and error mapping of the query transactions; the wire itself is tested against the simulated center. */
class HostApiTest {

    private final List<String> sent = new ArrayList<>();
    private final AtomicInteger seq = new AtomicInteger();

    private HostApi api(CenterAnswer answer) {
        CenterLink link = (message, msgid) -> {
            sent.add(message.transaction() + " " + msgid + " " + message.input());
            return answer;
        };
        return new HostApi(link, () -> String.format("P1101010000120261123101500%02d%04d", 1, seq.incrementAndGet()));
    }

    private static CenterAnswer ok(String output) {
        return new CenterAnswer.Accepted(output);
    }

    @Test
    void personInfoIsReadWithFamily() {
        PersonInfo p = api(ok("{\"psn_no\":\"PSN001\",\"psn_name\":\"王建国\",\"psn_cert_no\":\"110105194912310017\","
                + "\"insutype\":\"EMPLOYEE\",\"insuplc_admdvs\":\"110101\",\"psn_status\":\"SUSPENDED\","
                + "\"suspended_since\":\"2026-10-15\",\"effective_from\":\"2010-01-01\",\"cross_region_filed\":false,"
                + "\"family\":[{\"psn_no\":\"PSN002\",\"psn_name\":\"李秀英\",\"relation\":\"SPOUSE\"}]}"))
                .personInfo("11010020261122000017");
        assertEquals(CardStatus.SUSPENDED, p.status(), "the codec reads psn_status into the status table's type");
        assertEquals(Optional.empty(), p.cancelReason(), "a reason only for CANCELLED");
        assertEquals(LocalDate.of(2026, 10, 15), p.suspendedSince());
        assertEquals(List.of(new PersonInfo.FamilyMember("PSN002", "李秀英", "SPOUSE")), p.family());
        assertTrue(sent.get(0).startsWith("1101 P110101000012026112310150001"), sent.get(0));
        assertTrue(sent.get(0).endsWith("{\"card_no\":\"11010020261122000017\"}"), sent.get(0));
    }

    @Test
    void catalogRatiosBecomeBasisPointsExactly() {
        Versioned<CatalogItem> v = api(ok("{\"version\":7,\"items\":[{\"code\":\"X1\",\"name\":\"头孢\",\"price\":2350,"
                + "\"category\":\"B\",\"self_pay_ratio\":0.15},{\"code\":\"X2\",\"name\":\"维生素\",\"price\":990,\"category\":\"SELF\"}]}"))
                .catalog(0);
        assertEquals(7, v.version());
        assertEquals(1500, v.changes().get(0).selfPayRatioBasisPoints());
        assertEquals(990, v.changes().get(1).priceFen());
    }

    @Test
    void refusalCarriesInfcodeMessageAndStatus() {
        CenterRefusal r = assertThrows(CenterRefusal.class, () -> api(new CenterAnswer.Refused(2002, "card frozen",
                "{\"psn_status\":\"FROZEN\"}")).personInfo("11010020261122000017"));
        assertEquals(2002, r.infcode());
        assertEquals("FROZEN", r.psnStatus());
        assertEquals(Optional.of(CardStatus.FROZEN), r.cardStatus());
    }

    @Test
    void theCodecReadsTheStatusWordsOf1101() {
        String person = "{\"psn_no\":\"PSN001\",\"psn_name\":\"王建国\",\"psn_cert_no\":\"110105194912310017\","
                + "\"insutype\":\"EMPLOYEE\",\"insuplc_admdvs\":\"110101\",\"cross_region_filed\":false,";
        PersonInfo cancelled = api(ok(person + "\"psn_status\":\"cancelled\",\"status_reason\":\"04\"}"))
                .personInfo("11010020261122000017");
        assertEquals(CardStatus.CANCELLED, cancelled.status());
        assertEquals(Optional.of(CancelReason.DEATH), cancelled.cancelReason(), "the card's code 04 reads as DEATH");
        assertEquals(Optional.of(CancelReason.TRANSFERRED_OUT), api(ok(person + "\"psn_status\":\"CANCELLED\",\"status_reason\":\"TRANSFER\"}"))
                .personInfo("11010020261122000017").cancelReason());
        MalformedAnswer unknown = assertThrows(MalformedAnswer.class, () -> api(ok(person + "\"psn_status\":\"ASLEEP\"}"))
                .personInfo("11010020261122000017"));
        assertTrue(unknown.getMessage().contains("psn_status"), unknown.getMessage());
        MalformedAnswer noReason = assertThrows(MalformedAnswer.class, () -> api(ok(person + "\"psn_status\":\"CANCELLED\"}"))
                .personInfo("11010020261122000017"));
        assertTrue(noReason.getMessage().contains("status_reason"), noReason.getMessage());
    }

    @Test
    void noAnswerIsAFaultNotARefusal() {
        CenterUnreachable u = assertThrows(CenterUnreachable.class, () -> api(new CenterAnswer.NoAnswer("connection refused"))
                .blacklist(3));
        assertTrue(u.getMessage().contains("connection refused"));
    }

    @Test
    void aMalformedAnswerNamesTheFieldAndIsAFault() {
        CenterUnreachable u = assertThrows(CenterUnreachable.class, () -> api(ok("{\"presettle_id\":\"PS1\",\"total\":\"lots\"}"))
                .preSettle("PSN001", "11010020261122000017", null, LocalDate.of(2026, 11, 23), List.of(new SaleLine("X1", 1, 100))));
        assertTrue(u.getMessage().contains("'total'"), u.getMessage());
        assertThrows(CenterUnreachable.class, () -> api(ok("not json")).blacklist(0));
        assertThrows(CenterUnreachable.class, () -> api(ok("{\"version\":1,\"items\":[{\"code\":\"X\",\"name\":\"n\",\"price\":-5,\"category\":\"A\"}]}")).catalog(0));
    }

    @Test
    void preSettlementMustAddUp() {
        PreSettlement p = api(ok("{\"presettle_id\":\"PS1\",\"total\":1000,\"fund_pay\":300,\"acct_pay_max\":500,\"cash_pay_min\":200}"))
                .preSettle("PSN001", "11010020261122000017", null, LocalDate.of(2026, 11, 23), List.of(new SaleLine("X1", 2, 500)));
        assertEquals(500, p.acctPayMaxFen());
        assertTrue(sent.get(0).contains("\"items\":[{\"code\":\"X1\",\"qty\":2,\"price\":500}]"), sent.get(0));
        assertThrows(IllegalArgumentException.class, () -> new PreSettlement("x", 1000, 300, 500, 100));
    }
}
