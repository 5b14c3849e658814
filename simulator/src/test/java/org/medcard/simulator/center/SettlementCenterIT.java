package org.medcard.simulator.center;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.medcard.simulator.profile.CardProfile;

/** Every transaction code of host-protocol.md over real HTTP on loopback, against a fresh in-memory center. */
class SettlementCenterIT extends CenterTestBase {
    private SettlementCenter center;
    private CenterClient client;
    private final CardProfile employee = TestCards.profile("normal-3des");
    private final CardProfile resident = TestCards.profile("normal-sm4");

    @BeforeEach
    void startCenter() throws Exception {
        center = start(CenterConfig.inMemory());
        client = signedInClient(center);
    }

    @Test
    void signIn_givesSignNo_signOut_makesItInvalid() throws Exception {
        assertTrue(client.signNo().startsWith("S-20261122-"), client.signNo());
        ok(client.call("9002", CenterClient.object().put("sign_no", client.signNo())));
        JsonNode a = client.call("1301", CenterClient.object());
        assertInfcode(1001, a);
        assertTrue(a.get("err_msg").asText().contains("9001"), a.toString());
    }

    @Test
    void businessTransactionWithUnknownSignNo_isRefused1001() throws Exception {
        CenterClient stranger = new CenterClient(center.apiUri(), "02");
        assertInfcode(1001, stranger.call("1101", CenterClient.object().put("card_no", employee.cardNo())));
    }

    @Test
    void personInfo_byCard_byCertificate_withFamily_andUnknownIs2001() throws Exception {
        CardProfile family = TestCards.profile("employee-family");
        JsonNode out = ok(client.call("1101", CenterClient.object().put("card_no", family.cardNo())));
        assertEquals(family.psnNo(), out.get("psn_no").asText());
        assertEquals("EMPLOYEE", out.get("insutype").asText());
        assertEquals("NORMAL", out.get("psn_status").asText());
        assertEquals("110101", out.get("insuplc_admdvs").asText());
        assertEquals(3, out.get("family").size());
        assertEquals("SPOUSE", out.at("/family/0/relation").asText());

        JsonNode suspended = ok(client.call("1101", CenterClient.object().put("psn_cert_no", TestCards.profile("suspended").psnCertNo())));
        assertEquals("SUSPENDED", suspended.get("psn_status").asText());
        assertEquals("2026-10-15", suspended.get("suspended_since").asText());

        JsonNode lost = ok(client.call("1101", CenterClient.object().put("card_no", TestCards.profile("lost").cardNo())));
        assertEquals("LOST", lost.get("psn_status").asText());
        assertTrue(ok(client.call("1101", CenterClient.object().put("card_no", TestCards.profile("out-of-region").cardNo())))
                .get("cross_region_filed").asBoolean());

        assertInfcode(2001, client.call("1101", CenterClient.object().put("card_no", "11010199999999999999")));
    }

    @Test
    void catalog_hasAtLeast40Items_acrossCategories_andSinceVersionGivesOnlyChanges() throws Exception {
        JsonNode all = ok(client.call("1301", CenterClient.object().put("since_version", 0)));
        assertEquals(2, all.get("version").asInt());
        assertTrue(all.get("items").size() >= 40, "items: " + all.get("items").size());
        java.util.Set<String> categories = new java.util.HashSet<>();
        all.get("items").forEach(i -> categories.add(i.get("category").asText()));
        assertEquals(java.util.Set.of("A", "B", "SELF"), categories);
        JsonNode changes = ok(client.call("1301", CenterClient.object().put("since_version", 1)));
        assertEquals(3, changes.get("items").size());
        changes.get("items").forEach(i -> assertEquals(2, i.get("version").asInt()));
        assertEquals(0, ok(client.call("1301", CenterClient.object().put("since_version", 2))).get("items").size());
    }

    @Test
    void blacklist_startsWithLostAndFrozenCards_andSinceVersionIsIncremental() throws Exception {
        JsonNode all = ok(client.call("8101", CenterClient.object().put("since_version", 0)));
        assertEquals(2, all.get("entries").size());
        java.util.Map<String, String> byCard = new java.util.HashMap<>();
        all.get("entries").forEach(e -> byCard.put(e.get("card_no").asText(), e.get("psn_status").asText()));
        assertEquals("LOST", byCard.get(TestCards.profile("lost").cardNo()));
        assertEquals("FROZEN", byCard.get(TestCards.profile("frozen").cardNo()));
        long version = all.get("version").asLong();
        assertEquals(0, ok(client.call("8101", CenterClient.object().put("since_version", version))).get("entries").size());
    }

    @Test
    void pharmacyChronicSale_poolsChronicItemsOnly_settles_andDebitsShadowOnce() throws Exception {
        JsonNode pre = ok(client.call("2101", presettleInput(employee,
                item("XA10BAD003", 2, 1620), item("XC10AAA017", 1, 3360), item("ZS01VCP029", 1, 2800), item("XJ01CAA001", 1, 1250))));
        assertEquals(10650, pre.get("total").asLong());
        assertEquals(6264, pre.get("pooling_base").asLong(), "3240 (A chronic) + 3360 less 10 % (B chronic)");
        assertEquals(4385, pre.get("fund_pay").asLong(), "6264 × 0.70 = 4384.8, rounded half up");
        assertEquals(6265, pre.get("acct_pay_max").asLong());
        assertEquals(0, pre.get("cash_pay_min").asLong());
        assertEquals(3024, pre.at("/items/1/eligible").asLong());
        assertEquals(0, pre.at("/items/2/eligible").asLong(), "SELF is never eligible (R13)");
        assertFalse(pre.at("/items/3/pooled").asBoolean(), "ordinary A item at a pharmacy is not pooled");

        JsonNode setl = ok(client.call("2102", settleInput(pre.get("presettle_id").asText(), 6265, 0,
                TestCards.purse(employee, 6265, employee.offlineCounter()))));
        assertTrue(setl.get("setl_id").asText().startsWith("SETL20261122"));
        assertEquals(4385, setl.get("fund_pay").asLong());
        assertEquals(employee.balance() - 6265, setl.get("acct_balance_shadow").asLong());
        assertInfcode(2005, client.call("2102", settleInput(pre.get("presettle_id").asText(), 6265, 0,
                TestCards.purse(employee, 6265, employee.offlineCounter() + 1))));
    }

    @Test
    void pharmacyOrdinarySale_hasNoPoolingShare() throws Exception {
        JsonNode pre = ok(client.call("2101", presettleInput(employee, item("XJ01CAA001", 2, 1250))));
        assertEquals(2500, pre.get("total").asLong());
        assertEquals(0, pre.get("fund_pay").asLong());
        assertEquals(2500, pre.get("acct_pay_max").asLong());
    }

    @Test
    void residentScheme_poolsHalf_roundedHalfUpToTheFen() throws Exception {
        // B item 2950 with 10 % self-pay: eligible 2655; × 0.50 = 1327.5 → 1328.
        JsonNode pre = ok(client.call("2101", presettleInput(resident, item("XH03AAL027", 1, 2950))));
        assertEquals(1328, pre.get("fund_pay").asLong());
        assertEquals(1622, pre.get("acct_pay_max").asLong());
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"suspended, R4", "recently-insured, R6", "out-of-region-unfiled, R12"})
    void poolingRules_setTheFundShareToZero_butTheAccountStillPays(String profile, String rule) throws Exception {
        CardProfile card = TestCards.profile(profile);
        JsonNode pre = ok(client.call("2101", presettleInput(card, item("XA10BAD003", 1, 1620))));
        assertEquals(0, pre.get("fund_pay").asLong());
        assertEquals(rule, pre.get("no_pooling_rule").asText());
        assertEquals(Math.min(card.balance(), 1620), pre.get("acct_pay_max").asLong());
    }

    @Test
    void R12_crossRegionFiled_isPooled() throws Exception {
        JsonNode pre = ok(client.call("2101", presettleInput(TestCards.profile("out-of-region"), item("XA10BAD003", 1, 1620))));
        assertEquals(1134, pre.get("fund_pay").asLong());
    }

    @Test
    void R3_familyMember_paidFromHolderAccount_withoutPooling_strangerRefused() throws Exception {
        CardProfile holder = TestCards.profile("employee-family");
        ObjectNode in = presettleInput(holder, item("XA10BAD003", 1, 1620));
        in.put("beneficiary_psn_no", holder.family().get(0).psnNo());
        JsonNode pre = ok(client.call("2101", in));
        assertEquals(0, pre.get("fund_pay").asLong());
        assertEquals("R3", pre.get("no_pooling_rule").asText());
        assertEquals(1620, pre.get("acct_pay_max").asLong());

        ObjectNode stranger = presettleInput(holder, item("XA10BAD003", 1, 1620));
        stranger.put("beneficiary_psn_no", employee.psnNo());
        assertInfcode(2005, client.call("2101", stranger));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"frozen, FROZEN", "lost, LOST", "cancelled-abroad, CANCELLED", "not-activated, NOT_ACTIVATED", "expired, EXPIRED", "blocked, BLOCKED",
            "center-frozen, FROZEN", "center-lost, LOST", "center-cancelled, CANCELLED"})
    void cardStatusForbiddingPayment_isRefused2002_withPsnStatus(String profile, String status) throws Exception {
        JsonNode a = client.call("2101", presettleInput(TestCards.profile(profile), item("XJ01CAA001", 1, 1250)));
        assertInfcode(2002, a);
        assertEquals(status, a.at("/output/psn_status").asText());
    }

    @Test
    void settle_refusesTooMuchAccount_wrongSum_wrongPurseAmount() throws Exception {
        CardProfile low = TestCards.profile("low-balance");
        String id = ok(client.call("2101", presettleInput(low, item("XJ01CAA001", 1, 1250)))).get("presettle_id").asText();
        JsonNode tooMuch = client.call("2102", settleInput(id, 1250, 0, TestCards.purse(low, 1250, low.offlineCounter())));
        assertInfcode(2003, tooMuch);
        assertEquals(350, tooMuch.at("/output/acct_pay_max").asLong());
        assertInfcode(2005, client.call("2102", settleInput(id, 350, 800, TestCards.purse(low, 350, low.offlineCounter()))));
        assertInfcode(2005, client.call("2102", settleInput(id, 350, 900, TestCards.purse(low, 300, low.offlineCounter()))));
        ok(client.call("2102", settleInput(id, 350, 900, TestCards.purse(low, 350, low.offlineCounter()))));
    }

    @Test
    void cancel_refundsTheAccountShareAsAPendingLoad_neverCash() throws Exception {
        String setlId = sale(employee, employee.offlineCounter());
        JsonNode cancel = ok(client.call("2103", CenterClient.object().put("setl_id", setlId).put("reason", "patient returned goods")));
        assertEquals(6265, cancel.get("refund_acct").asLong());
        assertEquals(4385, cancel.get("refund_fund").asLong());
        JsonNode loads = ok(client.call("8501", CenterClient.object().put("card_no", employee.cardNo()))).get("loads");
        assertEquals(3, loads.size(), "two monthly contributions and the refund");
        assertTrue(loads.toString().contains(cancel.get("load_id").asText()));
        assertInfcode(2005, client.call("2103", CenterClient.object().put("setl_id", setlId).put("reason", "again")));
    }

    @Test
    void outpatient_registration_presettle_settle_andCancelRegistration() throws Exception {
        ObjectNode reg = CenterClient.object().put("psn_no", employee.psnNo()).put("card_no", employee.cardNo())
                .put("dept_code", "D01").put("doctor_code", "D01-001").put("reg_fee", 5000);
        JsonNode visit = ok(client.call("2201", reg));
        assertEquals(3500, visit.get("fund_pay").asLong());
        assertEquals(1500, visit.get("acct_pay_max").asLong());
        String mdtrtId = visit.get("mdtrt_id").asText();

        ObjectNode items = CenterClient.object().put("mdtrt_id", mdtrtId);
        items.putArray("items").add(item("F25010000002", 1, 2000));
        JsonNode pre = ok(client.call("2206", items));
        assertEquals(7000, pre.get("total").asLong());
        assertEquals(4900, pre.get("fund_pay").asLong());
        assertEquals(2100, pre.get("acct_pay_max").asLong());
        assertInfcode(2005, client.call("2102", settleInput(pre.get("presettle_id").asText(), 2100, 0,
                TestCards.purse(employee, 2100, employee.offlineCounter()))));
        JsonNode setl = ok(client.call("2207", settleInput(pre.get("presettle_id").asText(), 2100, 0,
                TestCards.purse(employee, 2100, employee.offlineCounter()))));
        assertEquals(4900, setl.get("fund_pay").asLong());
        assertInfcode(2005, client.call("2202", CenterClient.object().put("mdtrt_id", mdtrtId)));

        String second = ok(client.call("2201", reg)).get("mdtrt_id").asText();
        assertEquals("CANCELLED", ok(client.call("2202", CenterClient.object().put("mdtrt_id", second))).get("status").asText());
        ObjectNode late = CenterClient.object().put("mdtrt_id", second);
        late.putArray("items").add(item("F25010000002", 1, 2000));
        assertInfcode(2005, client.call("2206", late));
        ObjectNode wrongDoctor = reg.deepCopy().put("doctor_code", "D02-001");
        JsonNode bad = client.call("2201", wrongDoctor);
        assertInfcode(-1, bad);
        assertTrue(bad.get("err_msg").asText().startsWith("input.doctor_code"), bad.toString());
    }

    @Test
    void outpatient_feeOnlyVisit_presettlesWithoutItems_theFeeIsTheOnlyLine() throws Exception {
        ObjectNode reg = CenterClient.object().put("psn_no", employee.psnNo()).put("card_no", employee.cardNo())
                .put("dept_code", "D01").put("doctor_code", "D01-001").put("reg_fee", 5000);
        String mdtrtId = ok(client.call("2201", reg)).get("mdtrt_id").asText();
        JsonNode noItems = ok(client.call("2206", CenterClient.object().put("mdtrt_id", mdtrtId)));
        assertEquals(5000, noItems.get("total").asLong());
        assertEquals(3500, noItems.get("fund_pay").asLong());
        assertEquals(1, noItems.get("items").size());
        ObjectNode empty = CenterClient.object().put("mdtrt_id", mdtrtId);
        empty.putArray("items");
        assertEquals(5000, ok(client.call("2206", empty)).get("total").asLong(), "an empty list is the same fee-only visit");
    }

    @Test
    void offlineBatch_acceptsValid_rejectsForgedTac_flagsDuplicates() throws Exception {
        ObjectNode good = offlineRecord(resident, 1000, 250, resident.offlineCounter());
        ObjectNode forged = offlineRecord(employee, 500, 0, employee.offlineCounter());
        forged.setAll(TestCards.forged(TestCards.purse(employee, 500, employee.offlineCounter())));
        ObjectNode again = good.deepCopy();
        ObjectNode unknown = offlineRecord(resident, 100, 0, 99);
        unknown.put("card_no", "11010199999999999999");
        ObjectNode in = CenterClient.object();
        in.putArray("records").add(good).add(forged).add(again).add(unknown);
        JsonNode out = ok(client.call("8301", in));
        JsonNode r = out.get("results");
        assertEquals("ACCEPTED", r.at("/0/result").asText());
        assertEquals("REJECTED", r.at("/1/result").asText());
        assertEquals("TAC_INVALID", r.at("/1/reason").asText());
        assertEquals("DUPLICATE", r.at("/2/result").asText());
        assertEquals(r.at("/0/setl_id").asText(), r.at("/2/setl_id").asText());
        assertEquals("UNKNOWN_CARD", r.at("/3/reason").asText());

        ObjectNode later = CenterClient.object();
        later.putArray("records").add(good);
        JsonNode second = ok(client.call("8301", later));
        assertEquals("DUPLICATE", second.at("/results/0/result").asText());
        assertEquals(r.at("/0/setl_id").asText(), second.at("/results/0/setl_id").asText());
        JsonNode info = ok(client.call("1101", CenterClient.object().put("card_no", resident.cardNo())));
        assertEquals(resident.balance() - 1000, info.get("acct_balance_shadow").asLong(), "paid once");
    }

    @Test
    void offlineBatchLargerThan500_isMalformed_namingRecords_andNothingApplied() throws Exception {
        ObjectNode in = CenterClient.object();
        var records = in.putArray("records");
        for (int i = 0; i < 501; i++) {
            records.add(offlineRecord(resident, 10, 0, i));
        }
        JsonNode a = client.call("8301", in);
        assertInfcode(-1, a);
        assertTrue(a.get("err_msg").asText().startsWith("input.records"), a.toString());
        JsonNode info = ok(client.call("1101", CenterClient.object().put("card_no", resident.cardNo())));
        assertEquals(resident.balance(), info.get("acct_balance_shadow").asLong());
    }

    @Test
    void resettlement_registerListSettle_refundsInsuredShares() throws Exception {
        ObjectNode entry = CenterClient.object().put("entry_no", "T01-000123").put("fault", "CARD_UNREADABLE")
                .put("original_time", "2026-11-20 09:30:00").put("psn_cert_no", employee.psnCertNo()).put("cash_paid", 1620);
        entry.putArray("items").add(item("XA10BAD003", 1, 1620));
        JsonNode reg = ok(client.call("8400", entry));
        assertTrue(reg.get("registered").asBoolean());
        assertTrue(ok(client.call("8400", entry)).get("already_registered").asBoolean(), "a resend is idempotent");
        JsonNode open = ok(client.call("8402", CenterClient.object().put("psn_cert_no", employee.psnCertNo())));
        assertEquals("OPEN", open.at("/entries/0/status").asText());

        ObjectNode resettle = entry.deepCopy().put("card_no", employee.cardNo());
        resettle.set("purse", TestCards.purse(employee, 486, employee.offlineCounter()));
        JsonNode done = ok(client.call("8401", resettle));
        assertEquals(1134, done.get("fund_pay").asLong());
        assertEquals(486, done.get("acct_pay").asLong());
        assertEquals(1620, done.get("refund_to_patient").asLong());
        assertEquals("SETTLED", ok(client.call("8402", CenterClient.object())).at("/entries/0/status").asText());
        assertInfcode(2005, client.call("8401", resettle));
    }

    @Test
    void loads_listAuthorizeWithMac1_confirmWithVerifiedTac_forgedTacRefused() throws Exception {
        JsonNode pending = ok(client.call("8501", CenterClient.object().put("card_no", employee.cardNo())));
        assertEquals(2, pending.get("loads").size());
        String loadId = pending.at("/loads/0/load_id").asText();
        long amount = pending.at("/loads/0/amount").asLong();
        LoadCrypto load = new LoadCrypto(employee, employee.balance(), employee.onlineCounter(), amount);

        ObjectNode auth = CenterClient.object().put("card_no", employee.cardNo()).put("load_id", loadId)
                .put("old_balance", employee.balance()).put("online_counter", employee.onlineCounter()).put("card_random", LoadCrypto.RANDOM)
                .put("terminal_id", TestCards.TERMINAL_ID).put("mac1", load.mac1()).put("load_time", LoadCrypto.TIME);
        JsonNode authorized = ok(client.call("8501", auth));
        assertEquals(load.mac2(), authorized.get("mac2").asText());

        ObjectNode forged = CenterClient.object().put("load_id", loadId).put("card_no", employee.cardNo())
                .put("online_counter", employee.onlineCounter() + 1).put("tac", "00000000");
        assertInfcode(2005, client.call("8502", forged));
        JsonNode confirmed = ok(client.call("8502", forged.deepCopy().put("tac", load.tac())));
        assertTrue(confirmed.get("tac_verified").asBoolean());
        assertEquals(employee.balance() + amount, confirmed.get("acct_balance_shadow").asLong());
        assertEquals(1, ok(client.call("8501", CenterClient.object().put("card_no", employee.cardNo()))).get("loads").size());

        ObjectNode badMac = auth.deepCopy().put("load_id", pending.at("/loads/1/load_id").asText()).put("mac1", "00000000");
        assertInfcode(2005, client.call("8501", badMac));
    }

    @Test
    void reversal_undoesAnUnansweredSettlement_andAnUnseenMsgidIsNeverApplied() throws Exception {
        String id = ok(client.call("2101", presettleInput(employee, item("XA10BAD003", 1, 1620)))).get("presettle_id").asText();
        String msgid = client.newMsgid();
        ok(client.call(msgid, "2102", settleInput(id, 486, 0, TestCards.purse(employee, 486, employee.offlineCounter()))));
        JsonNode rev = ok(client.call("2601", CenterClient.object().put("omsgid", msgid).put("oinfno", "2102")));
        assertTrue(rev.get("reversed").asBoolean());
        assertEquals(486, rev.get("refund_acct").asLong());
        assertEquals(0, ok(client.call("3201", CenterClient.object().put("date", TODAY).put("count", 0).put("fund_sum", 0)
                .put("acct_sum", 0).put("cash_sum", 0))).get("count").asLong(), "a reversed settlement is not counted");

        String unseen = client.newMsgid();
        JsonNode none = ok(client.call("2601", CenterClient.object().put("omsgid", unseen).put("oinfno", "2102")));
        assertFalse(none.get("reversed").asBoolean());
        JsonNode late = client.call(unseen, "2102", settleInput(id, 486, 0, TestCards.purse(employee, 486, employee.offlineCounter() + 1)));
        assertInfcode(2005, late);
    }

    @Test
    void reversal_ofASettlementRejectedAfterTheDebit_returnsTheDebitAsOneRefundLoad() throws Exception {
        String id = ok(client.call("2101", presettleInput(employee, item("XA10BAD003", 1, 1620)))).get("presettle_id").asText();
        long shadowBefore = ok(client.call("1101", CenterClient.object().put("card_no", employee.cardNo()))).get("acct_balance_shadow").asLong();
        String msgid = client.newMsgid();
        ObjectNode purse = TestCards.purse(employee, 486, employee.offlineCounter());
        assertInfcode(2005, client.call(msgid, "2102", settleInput(id, 486, 1, purse)));

        JsonNode rev = ok(client.call("2601", CenterClient.object().put("omsgid", msgid).put("oinfno", "2102")));
        assertTrue(rev.get("reversed").asBoolean());
        assertEquals("REJECTED_DEBIT_RETURNED", rev.get("reason").asText());
        assertEquals(486, rev.get("refund_acct").asLong());
        String loadId = rev.get("load_id").asText();
        JsonNode loads = ok(client.call("8501", CenterClient.object().put("card_no", employee.cardNo()))).get("loads");
        long listed = 0;
        for (JsonNode l : loads) {
            if (l.get("load_id").asText().equals(loadId)) {
                listed = l.get("amount").asLong();
            }
        }
        assertEquals(486, listed, "the debit comes back through 8501");
        assertEquals(shadowBefore - 486, ok(client.call("1101", CenterClient.object().put("card_no", employee.cardNo())))
                .get("acct_balance_shadow").asLong(), "the shadow follows the card until the load is confirmed");

        JsonNode again = ok(client.call("2601", CenterClient.object().put("omsgid", msgid).put("oinfno", "2102")));
        assertEquals(loadId, again.get("load_id").asText(), "a second reversal returns the same load, not a second one");
        JsonNode reuse = client.call("2102", settleInput(id, 486, 0, purse));
        assertInfcode(2005, reuse);
        assertTrue(reuse.get("err_msg").asText().startsWith("DUPLICATE"), reuse.toString());
    }

    @Test
    void reversal_ofARejectedSettlementWithoutACardDebit_isNotApplied() throws Exception {
        String id = ok(client.call("2101", presettleInput(employee, item("XA10BAD003", 1, 1620)))).get("presettle_id").asText();
        String msgid = client.newMsgid();
        assertInfcode(2005, client.call(msgid, "2102", settleInput(id, 0, 1, null)));
        JsonNode rev = ok(client.call("2601", CenterClient.object().put("omsgid", msgid).put("oinfno", "2102")));
        assertFalse(rev.get("reversed").asBoolean());
        assertEquals("NOT_APPLIED", rev.get("reason").asText());
    }

    @Test
    void reconciliation_matchMismatchAndDetail() throws Exception {
        String setlId = sale(employee, employee.offlineCounter());
        ObjectNode totals = CenterClient.object().put("date", TODAY).put("count", 1).put("fund_sum", 4385).put("acct_sum", 6265).put("cash_sum", 0);
        assertEquals("MATCH", ok(client.call("3201", totals)).get("result").asText());
        JsonNode mismatch = client.call("3201", totals.deepCopy().put("count", 2));
        assertInfcode(3001, mismatch);
        assertEquals("MISMATCH", mismatch.at("/output/result").asText());
        assertEquals(1, mismatch.at("/output/count").asLong());
        JsonNode detail = ok(client.call("3202", CenterClient.object().put("date", TODAY)));
        assertEquals(setlId, detail.at("/records/0/setl_id").asText());
        assertEquals(6265, detail.at("/records/0/acct_pay").asLong());
    }

    @Test
    void resentMsgid_getsTheByteIdenticalAnswer_differentContentGets2004() throws Exception {
        String id = ok(client.call("2101", presettleInput(employee, item("XA10BAD003", 1, 1620)))).get("presettle_id").asText();
        String msgid = client.newMsgid();
        ObjectNode settle = settleInput(id, 486, 0, TestCards.purse(employee, 486, employee.offlineCounter()));
        String first = client.callRaw(msgid, "2102", settle);
        String again = client.callRaw(msgid, "2102", settle);
        assertEquals(first, again);
        JsonNode info = ok(client.call("1101", CenterClient.object().put("card_no", employee.cardNo())));
        assertEquals(employee.balance() - 486, info.get("acct_balance_shadow").asLong(), "debited once");

        JsonNode other = client.call(msgid, "2102", settleInput(id, 400, 86, TestCards.purse(employee, 400, employee.offlineCounter())));
        assertInfcode(2004, other);
        assertEquals(msgid, other.get("inf_refmsgid").asText());
    }

    @Test
    void malformedRequests_areAnsweredMinusOne_namingTheField_withoutStackTraces() throws Exception {
        assertMalformed(client.post("{not json").body(), "malformed JSON");
        ObjectNode noCard = presettleInput(employee, item("XA10BAD003", 1, 1620));
        noCard.remove("card_no");
        assertMalformed(client.callRaw(client.newMsgid(), "2101", noCard), "input.card_no: missing");
        ObjectNode stringQty = presettleInput(employee, CenterClient.object().put("code", "XA10BAD003").put("qty", "2").put("price", 1620));
        assertMalformed(client.callRaw(client.newMsgid(), "2101", stringQty), "input.items[0].qty: must be an integer");
        assertMalformed(client.callRaw(client.newMsgid(), "2102", settleInput("PRE1", -5, 0, null)), "input.acct_pay: must not be negative");
        assertMalformed(client.callRaw(client.newMsgid(), "1234", CenterClient.object()), "infno: unknown transaction code 1234");
        assertMalformed(client.callRaw("SHORT", "1301", CenterClient.object()), "msgid: must be 32 characters");
        assertMalformed(client.callRaw(client.newMsgid(), "2101", presettleInput(employee, item("NOSUCH", 1, 100))),
                "input.items[0].code: \"NOSUCH\" is not in the catalog");
        assertMalformed(client.callRaw(client.newMsgid(), "2101", presettleInput(employee, item("XA10BAD003", 1, 1600))),
                "input.items[0].price: 1600 differs from the catalog price 1620");
        ObjectNode env = client.envelope(client.newMsgid(), "1301", CenterClient.object());
        env.remove("sign_no");
        assertMalformed(client.post(env.toString()).body(), "sign_no: missing");
        HttpResponse<String> get = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(center.apiUri()).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, get.statusCode());
    }

    @Test
    void malformedRequest_isNotStored_soTheCorrectedResendIsHandled() throws Exception {
        String msgid = client.newMsgid();
        ObjectNode bad = presettleInput(employee, item("XA10BAD003", 1, 1620));
        bad.remove("service_date");
        assertInfcode(-1, client.call(msgid, "2101", bad));
        ok(client.call(msgid, "2101", presettleInput(employee, item("XA10BAD003", 1, 1620))));
    }

    private static void assertMalformed(String body, String messageStart) throws Exception {
        JsonNode a = CenterClient.JSON.readTree(body);
        assertInfcode(-1, a);
        assertTrue(a.get("err_msg").asText().startsWith(messageStart), () -> "err_msg: " + a.get("err_msg"));
        assertFalse(body.contains("Exception") || body.contains("\tat ") || body.contains("at org."), body);
    }

    private String sale(CardProfile card, int counter) throws Exception {
        JsonNode pre = ok(client.call("2101", presettleInput(card,
                item("XA10BAD003", 2, 1620), item("XC10AAA017", 1, 3360), item("ZS01VCP029", 1, 2800), item("XJ01CAA001", 1, 1250))));
        long acct = pre.get("acct_pay_max").asLong();
        long cash = pre.get("total").asLong() - pre.get("fund_pay").asLong() - acct;
        return ok(client.call("2102", settleInput(pre.get("presettle_id").asText(), acct, cash, TestCards.purse(card, acct, counter))))
                .get("setl_id").asText();
    }

    static ObjectNode offlineRecord(CardProfile card, long acct, long cash, int counter) {
        ObjectNode r = TestCards.purse(card, acct, counter);
        r.put("psn_cert_no", card.psnCertNo());
        r.put("acct_pay", acct);
        r.put("cash_pay", cash);
        r.putArray("items").add(item("XJ01CAA001", 1, acct + cash));
        return r;
    }

    @Test
    void sm4Card_settlesWithItsOwnTac() throws Exception {
        String id = ok(client.call("2101", presettleInput(resident, item("XJ01CAA001", 1, 1250)))).get("presettle_id").asText();
        ok(client.call("2102", settleInput(id, 1250, 0, TestCards.purse(resident, 1250, resident.offlineCounter()))));
        String id2 = ok(client.call("2101", presettleInput(resident, item("XJ01CAA001", 1, 1250)))).get("presettle_id").asText();
        JsonNode forged = client.call("2102", settleInput(id2, 1250, 0,
                TestCards.forged(TestCards.purse(resident, 1250, resident.offlineCounter() + 1))));
        assertInfcode(2005, forged);
        assertTrue(forged.get("err_msg").asText().startsWith("TAC_INVALID"), forged.toString());
        assertNotEquals(0, forged.get("infcode").asInt());
    }
}
