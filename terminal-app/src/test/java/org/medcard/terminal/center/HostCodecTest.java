package org.medcard.terminal.center;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.OptionalLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.medcard.queue.EncodedMessage;
import org.medcard.queue.EntryKind;
import org.medcard.queue.PurseRecord;
import org.medcard.queue.forward.CenterAnswer;
import org.medcard.terminal.center.HostRequest.AuthorizeLoad8501;
import org.medcard.terminal.center.HostRequest.Blacklist8101;
import org.medcard.terminal.center.HostRequest.CancelRegistration2202;
import org.medcard.terminal.center.HostRequest.CancelSettlement2103;
import org.medcard.terminal.center.HostRequest.Catalog1301;
import org.medcard.terminal.center.HostRequest.ConfirmLoad8502;
import org.medcard.terminal.center.HostRequest.Entries8402;
import org.medcard.terminal.center.HostRequest.OfflineRecord;
import org.medcard.terminal.center.HostRequest.OutpatientPreSettle2206;
import org.medcard.terminal.center.HostRequest.OutpatientSettle2207;
import org.medcard.terminal.center.HostRequest.PendingLoads8501;
import org.medcard.terminal.center.HostRequest.PersonInfo1101;
import org.medcard.terminal.center.HostRequest.PreSettle2101;
import org.medcard.terminal.center.HostRequest.Reconcile3201;
import org.medcard.terminal.center.HostRequest.ReconcileDetail3202;
import org.medcard.terminal.center.HostRequest.Register2201;
import org.medcard.terminal.center.HostRequest.RegisterEntry8400;
import org.medcard.terminal.center.HostRequest.Resettle8401;
import org.medcard.terminal.center.HostRequest.Reverse2601;
import org.medcard.terminal.center.HostRequest.Settle2102;
import org.medcard.terminal.center.HostRequest.SignIn9001;
import org.medcard.terminal.center.HostRequest.SignOut9002;
import org.medcard.terminal.center.HostRequest.UploadOffline8301;

/** The codec on its own: every request encodes and decodes back to itself, every answer reads into its typed value. */
class HostCodecTest {

    private static final String CARD = "11010120190315000001";
    private static final String CERT = "110101197805211235";
    private static final PurseRecord PURSE = new PurseRecord(CARD, 7, 1200, 6, "0000000000A1", 42, "2026-11-23 10:15:02", "1A2B3C4D");
    private static final List<SaleLine> ITEMS = List.of(new SaleLine("XJ01CAA001", 2, 1250), new SaleLine("XJ02BBB002", 1, 990));

    private final HostCodec codec = new HostCodec();
    private final ObjectMapper json = new ObjectMapper();

    /** One of every request kind, with every optional field both set and unset somewhere. */
    static List<HostRequest<?>> everyRequest() {
        return List.of(
                new SignIn9001("cashier01", "01", "00:00:00:00:00:01"),
                new SignIn9001("cashier01", "01", null),
                new SignOut9002("S-20261123-0001"),
                new PersonInfo1101(CARD, null),
                new PersonInfo1101(null, CERT),
                new Catalog1301(7),
                new Blacklist8101(0),
                new PreSettle2101("11000000000000000101", CARD, null, LocalDate.of(2026, 11, 23), ITEMS),
                new PreSettle2101("11000000000000000101", CARD, "11000000000000000102", LocalDate.of(2026, 11, 23), ITEMS),
                new Settle2102("PS-1", 1200, 2340, PURSE),
                new Settle2102("PS-1", 0, 3540, null),
                new CancelSettlement2103("SETL-1", "wrong item"),
                new Register2201("11000000000000000101", CARD, null, "D01", "D01-001", 5000),
                new CancelRegistration2202("MDTRT-1"),
                new OutpatientPreSettle2206("MDTRT-1", ITEMS),
                new OutpatientPreSettle2206("MDTRT-1", List.of()),
                new OutpatientSettle2207("PS-2", 1200, 0, PURSE),
                new OutpatientSettle2207("PS-2", 0, 5000, null),
                new UploadOffline8301(List.of(new OfflineRecord(PURSE, CERT, ITEMS, 1200, 2290))),
                new RegisterEntry8400("0000000000A1-000001", "CARD_UNREADABLE", "2026-11-23 10:15:02", CERT, ITEMS, 3490, 0, null),
                new RegisterEntry8400("0000000000A1-000002", "CENTER_UNREACHABLE", "2026-11-23 10:15:02", CERT, ITEMS, 2290, 1200,
                        "P11010100001202611231015020100017"),
                new Resettle8401("0000000000A1-000001", "CARD_UNREADABLE", "2026-11-23 10:15:02", CERT, CARD, ITEMS, 3490, null),
                new Resettle8401("0000000000A1-000001", "CARD_UNREADABLE", "2026-11-23 10:15:02", CERT, CARD, ITEMS, 1200 + 2290,
                        PURSE),
                new Resettle8401("0000000000A1-000002", "OFFLINE_LIMIT", "2026-11-23 10:15:02", CERT, CARD, ITEMS, 2290, null, 1200,
                        "P11010100001202611231015020100017"),
                new PreSettle2101("11000000000000000101", CARD, null, LocalDate.of(2026, 11, 23), ITEMS, EntryKind.OUTPATIENT),
                new RegisterEntry8400("0000000000A1-000003", "NO_READER", "2026-11-23 10:15:02", CERT, ITEMS, 3490, 0, null,
                        EntryKind.OUTPATIENT),
                new Resettle8401("0000000000A1-000003", "NO_READER", "2026-11-23 10:15:02", CERT, CARD, ITEMS, 3490, PURSE, 0, null,
                        EntryKind.OUTPATIENT),
                new Entries8402(null),
                new Entries8402(CERT),
                new PendingLoads8501(CARD),
                new AuthorizeLoad8501(CARD, "L-1", 5000, 3, "0102A3B4", "11223344", "0000000000A1", LocalDateTime.of(2026, 11, 23, 10, 15, 2)),
                new ConfirmLoad8502("L-1", CARD, 3, "AABBCCDD"),
                new ConfirmLoad8502("L-1", CARD, 3, null),
                new Reverse2601("P11010100001202611231015020100017", "2102"),
                new Reconcile3201(LocalDate.of(2026, 11, 23), 3, 100, 2000, 500, "01"),
                new Reconcile3201(LocalDate.of(2026, 11, 23), 0, 0, 0, 0, null),
                new ReconcileDetail3202(LocalDate.of(2026, 11, 23), null));
    }

    @Test
    void kindIsSentOnlyWhenNamed_andAnEntryWithoutItIsAPharmacyEntry() {
        String outpatient = codec.encode(new RegisterEntry8400("E1", "NO_READER", "2026-11-23 10:15:02", CERT, ITEMS, 3490, 0, null,
                EntryKind.OUTPATIENT)).input();
        assertTrue(outpatient.contains("\"kind\":\"OUTPATIENT\""), outpatient);
        String plain = codec.encode(new Resettle8401("E1", "NO_READER", "2026-11-23 10:15:02", CERT, CARD, ITEMS, 3490, null)).input();
        assertFalse(plain.contains("\"kind\""), plain);
        assertEquals(EntryKind.PHARMACY, ((Resettle8401) codec.decode(new EncodedMessage("8401", plain))).kindOrPharmacy());
    }

    @Test
    void everyRequestRoundTrips() {
        for (HostRequest<?> r : everyRequest()) {
            EncodedMessage m = codec.encode(r);
            assertEquals(r, codec.decode(m), () -> "round trip of " + m);
            assertEquals(codec.infno(r), m.transaction());
        }
        assertEquals(22, everyRequest().stream().map(r -> r.getClass()).distinct().count(), "every request kind is covered");
    }

    @Test
    void settle2102IsTheSpecsBody() throws Exception {
        EncodedMessage m = codec.encode(new Settle2102("PS-1", 1200, 2340, PURSE));
        assertEquals("2102", m.transaction());
        JsonNode in = json.readTree(m.input());
        assertEquals("PS-1", in.get("presettle_id").asText());
        assertEquals(1200, in.get("acct_pay").asLong());
        assertEquals(2340, in.get("cash_pay").asLong());
        JsonNode purse = in.get("purse");
        assertEquals(CARD, purse.get("card_no").asText());
        assertEquals(7, purse.get("offline_counter").asInt());
        assertEquals(1200, purse.get("amount").asLong());
        assertEquals(6, purse.get("tx_type").asInt());
        assertEquals("0000000000A1", purse.get("terminal_id").asText());
        assertEquals(42, purse.get("terminal_seq").asLong());
        assertEquals("2026-11-23 10:15:02", purse.get("tx_time").asText());
        assertEquals("1A2B3C4D", purse.get("tac").asText());
        assertFalse(json.readTree(codec.encode(new Settle2102("PS-1", 0, 3540, null)).input()).has("purse"),
                "no purse when the account pays nothing");
    }

    @Test
    void aCardDebitMustBeTheAccountShare() {
        assertThrows(IllegalArgumentException.class, () -> new Settle2102("PS-1", 1000, 0, PURSE));
        assertThrows(IllegalArgumentException.class, () -> new Settle2102("PS-1", -1, 0, null));
    }

    @Test
    void aLoadConfirmedWithoutTacSaysTheCardLogProvesIt() throws Exception {
        JsonNode in = json.readTree(codec.encode(new ConfirmLoad8502("L-1", CARD, 3, null)).input());
        assertEquals("CARD_LOG", in.get("proof").asText());
        assertFalse(in.has("tac"));
    }

    @Test
    void storedMessagesThatAreNotRequestsAreRefusedClearly() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> codec.decode(new EncodedMessage("7777", "{}")));
        assertTrue(unknown.getMessage().contains("7777"), unknown.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> codec.decode(new EncodedMessage("2102", "{\"presettle_id\":\"PS\",\"cash_pay\":1}")));
        assertTrue(missing.getMessage().contains("'acct_pay'"), missing.getMessage());
        assertThrows(IllegalArgumentException.class, () -> codec.decode(new EncodedMessage("2103", "not json")));
        assertTrue(codec.tryDecode(new EncodedMessage("2103", "not json")).isEmpty());
    }

    @Test
    void itemsAndPurseAsTheQueueStoresThem() {
        assertEquals(ITEMS, codec.items(codec.items(ITEMS)));
        assertEquals("[{\"code\":\"XJ01CAA001\",\"qty\":2,\"price\":1250},{\"code\":\"XJ02BBB002\",\"qty\":1,\"price\":990}]",
                codec.items(ITEMS));
        assertEquals(PURSE, codec.purse(codec.purse(PURSE)));
    }

    // ---------------------------------------------------------------- answers

    @Test
    void everyAnswerReadsIntoItsType() {
        assertEquals(new SignedIn("S-20261123-0001", "2026-11-23 10:15:02"),
                codec.answer(new SignIn9001("c", "01", null), "{\"sign_no\":\"S-20261123-0001\",\"sign_time\":\"2026-11-23 10:15:02\"}"));
        assertEquals(new Acknowledged(), codec.answer(new SignOut9002("S"), null));
        assertEquals(new Acknowledged(), codec.answer(new CancelRegistration2202("M"), "{\"mdtrt_id\":\"M\",\"status\":\"CANCELLED\"}"));
        PersonInfo p = codec.answer(new PersonInfo1101(CARD, null), "{\"psn_no\":\"P1\",\"psn_name\":\"张伟\",\"psn_cert_no\":\"" + CERT
                + "\",\"insutype\":\"EMPLOYEE\",\"insuplc_admdvs\":\"110101\",\"psn_status\":\"NORMAL\",\"cross_region_filed\":true,"
                + "\"family\":[{\"psn_no\":\"P2\",\"psn_name\":\"李\",\"relation\":\"CHILD\"}]}");
        assertEquals(List.of(new PersonInfo.FamilyMember("P2", "李", "CHILD")), p.family());
        assertTrue(p.crossRegionFiled());
        Versioned<CatalogItem> cat = codec.answer(new Catalog1301(0), "{\"version\":3,\"items\":[{\"code\":\"X\",\"name\":\"n\","
                + "\"price\":990,\"category\":\"B\",\"self_pay_ratio\":\"0.1\"}]}");
        assertEquals(3, cat.version());
        assertEquals(1000, cat.changes().get(0).selfPayRatioBasisPoints());
        Versioned<BlacklistEntry> bl = codec.answer(new Blacklist8101(0), "{\"version\":2,\"entries\":[{\"card_no\":\"" + CARD
                + "\",\"psn_status\":\"LOST\",\"since\":\"2026-10-01\"}]}");
        assertEquals(new BlacklistEntry(CARD, "LOST", LocalDate.of(2026, 10, 1)), bl.changes().get(0));
        String split = "{\"presettle_id\":\"PS-1\",\"total\":3490,\"fund_pay\":0,\"acct_pay_max\":3000,\"cash_pay_min\":490}";
        assertEquals(new PreSettlement("PS-1", 3490, 0, 3000, 490), codec.answer(new PreSettle2101("P", CARD, null, LocalDate.of(2026, 11, 23), ITEMS), split));
        assertEquals(new PreSettlement("PS-1", 3490, 0, 3000, 490), codec.answer(new OutpatientPreSettle2206("M", ITEMS), split));
        String settled = "{\"setl_id\":\"S1\",\"total\":3490,\"fund_pay\":0,\"acct_pay\":1200,\"cash_pay\":2290,\"acct_balance_shadow\":8800}";
        assertEquals(new Settled("S1", 3490, 0, 1200, 2290, OptionalLong.of(8800)), codec.answer(new Settle2102("PS", 1200, 2290, null), settled));
        assertEquals(new Settled("S1", 0, 0, 0, 0, OptionalLong.empty()), codec.answer(new OutpatientSettle2207("PS", 0, 0, null),
                "{\"setl_id\":\"S1\",\"fund_pay\":0}"), "the spec's fields only");
        assertEquals(new SettlementCancelled(1200, 0, "L9"), codec.answer(new CancelSettlement2103("S1", "r"),
                "{\"refund_acct\":1200,\"refund_fund\":0,\"load_id\":\"L9\"}"));
        assertEquals(new Registration("M1", 5000, 3500, 1500, 0, null), codec.answer(new Register2201("P", CARD, null, "D01", "D01-001", 5000),
                "{\"mdtrt_id\":\"M1\",\"reg_fee\":5000,\"fund_pay\":3500,\"acct_pay_max\":1500,\"cash_pay_min\":0}"));
        UploadResults up = codec.answer(new UploadOffline8301(List.of()), "{\"results\":[{\"card_no\":\"" + CARD
                + "\",\"offline_counter\":7,\"result\":\"ACCEPTED\",\"setl_id\":\"S2\"},{\"card_no\":\"" + CARD
                + "\",\"offline_counter\":8,\"result\":\"REJECTED\",\"reason\":\"TAC_INVALID\"}],\"accepted\":1,\"rejected\":1}");
        assertEquals(List.of(new UploadResults.RecordResult(CARD, 7, "ACCEPTED", "S2", null),
                new UploadResults.RecordResult(CARD, 8, "REJECTED", null, "TAC_INVALID")), up.results());
        assertEquals(new EntryRegistered("E1", true, false), codec.answer(new RegisterEntry8400("E1", "F", "2026-11-23 10:15:02", CERT,
                ITEMS, 3490, 0, null), "{\"entry_no\":\"E1\",\"registered\":true,\"already_registered\":false,\"status\":\"OPEN\"}"));
        assertEquals(new Resettled("E1", "S3", 3490, 0, 1200, 1200, OptionalLong.of(7600)), codec.answer(new Resettle8401("E1", "F", "2026-11-23 10:15:02",
                CERT, CARD, ITEMS, 3490, null), "{\"entry_no\":\"E1\",\"setl_id\":\"S3\",\"total\":3490,\"fund_pay\":0,\"acct_pay\":1200,"
                + "\"refund_to_patient\":1200,\"acct_balance_shadow\":7600}"));
        assertEquals(OptionalLong.empty(), codec.answer(new Resettle8401("E1", "F", "2026-11-23 10:15:02", CERT, CARD, ITEMS, 3490, null),
                "{\"setl_id\":\"S3\",\"fund_pay\":0}").acctBalanceShadowFen(), "no shadow balance given: none, not -1");
        List<RegisteredEntry> entries = codec.answer(new Entries8402(null), "{\"entries\":[{\"entry_no\":\"E1\",\"fault\":\"F\","
                + "\"original_time\":\"2026-11-23 10:15:02\",\"psn_cert_no\":\"" + CERT + "\",\"items\":[],\"cash_paid\":0,\"status\":\"OPEN\"}]}");
        assertEquals("OPEN", entries.get(0).status());
        assertNull(entries.get(0).setlId());
        assertEquals(List.of(new PendingLoad("L1", 5000, "2026-11", "CONTRIBUTION")), codec.answer(new PendingLoads8501(CARD),
                "{\"loads\":[{\"load_id\":\"L1\",\"amount\":5000,\"month\":\"2026-11\",\"origin\":\"CONTRIBUTION\"}]}"));
        assertEquals("A1B2C3D4", codec.answer(new AuthorizeLoad8501(CARD, "L1", 0, 1, "00", "00", "00", LocalDateTime.of(2026, 11, 23, 10, 0)),
                "{\"mac2\":\"A1B2C3D4\",\"loads\":[]}").mac2Hex());
        assertEquals(new LoadConfirmed("L1", true), codec.answer(new ConfirmLoad8502("L1", CARD, 1, null), "{\"load_id\":\"L1\",\"confirmed\":true}"));
        assertEquals(new Reversal(false, "NOT_RECEIVED", null, 0, null), codec.answer(new Reverse2601("M", "2102"),
                "{\"reversed\":false,\"reason\":\"NOT_RECEIVED\"}"));
        assertEquals(new Reconciliation(true, 3, 0, 3600, 2290), codec.answer(new Reconcile3201(LocalDate.of(2026, 11, 23), 3, 0, 3600, 2290, null),
                "{\"result\":\"MATCH\",\"date\":\"2026-11-23\",\"count\":3,\"fund_sum\":0,\"acct_sum\":3600,\"cash_sum\":2290}"));
        assertEquals(List.of(new Reconciliation.CenterRecord("S1", "M", "2102", CARD, 3490, 0, 1200, 2290, "SETTLED")),
                codec.answer(new ReconcileDetail3202(LocalDate.of(2026, 11, 23), null), "{\"records\":[{\"setl_id\":\"S1\",\"msgid\":\"M\","
                        + "\"infno\":\"2102\",\"card_no\":\"" + CARD + "\",\"total\":3490,\"fund_pay\":0,\"acct_pay\":1200,\"cash_pay\":2290,"
                        + "\"status\":\"SETTLED\"}]}"));
    }

    @Test
    void corruptJsonFromTheCenterIsATypedFaultNamingWhatIsWrong() {
        Settle2102 settle = new Settle2102("PS", 0, 100, null);
        MalformedAnswer notJson = assertThrows(MalformedAnswer.class, () -> codec.answer(settle, "{\"setl_id\":"));
        assertEquals("2102", notJson.infno());
        assertTrue(notJson.getMessage().contains("not JSON"), notJson.getMessage());
        MalformedAnswer field = assertThrows(MalformedAnswer.class, () -> codec.answer(settle, "{\"setl_id\":\"S1\",\"fund_pay\":\"12.5\"}"));
        assertEquals("fund_pay", field.field());
        assertThrows(MalformedAnswer.class, () -> codec.answer(settle, "[1,2]"));
        MalformedAnswer split = assertThrows(MalformedAnswer.class, () -> codec.answer(new PreSettle2101("P", CARD, null,
                LocalDate.of(2026, 11, 23), ITEMS), "{\"presettle_id\":\"PS\",\"total\":100,\"fund_pay\":0,\"acct_pay_max\":50,\"cash_pay_min\":0}"));
        assertTrue(split.getMessage().contains("does not add up"), split.getMessage());
        assertTrue(CenterUnreachable.class.isInstance(split), "a fault (R11), handled like no answer");
    }

    @Test
    void readSortsAnswersIntoFaultRefusalOrValue() {
        Settle2102 settle = new Settle2102("PS", 0, 100, null);
        assertThrows(CenterUnreachable.class, () -> codec.read(settle, new CenterAnswer.NoAnswer("timeout")));
        CenterRefusal r = assertThrows(CenterRefusal.class, () -> codec.read(settle,
                new CenterAnswer.Refused(2002, "card frozen", "{\"psn_status\":\"FROZEN\"}")));
        assertEquals("FROZEN", r.psnStatus());
        CenterRefusal unreadable = assertThrows(CenterRefusal.class, () -> codec.read(settle,
                new CenterAnswer.Refused(2005, "TAC_INVALID", "garbage")));
        assertNull(unreadable.psnStatus(), "a refusal stands even when its output cannot be read");
        Reconciliation mismatch = codec.read(new Reconcile3201(LocalDate.of(2026, 11, 23), 1, 0, 0, 0, null),
                new CenterAnswer.Refused(HostCodec.RECONCILIATION_MISMATCH, "mismatch",
                        "{\"result\":\"MISMATCH\",\"count\":2,\"fund_sum\":0,\"acct_sum\":0,\"cash_sum\":0}"));
        assertFalse(mismatch.match());
        assertEquals(2, mismatch.count());
    }
}
