package org.medcard.terminal.center;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import javax.smartcardio.TerminalFactory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medcard.apdu.Hex;
import org.medcard.card.MedicalCard;
import org.medcard.card.PendingDebit;
import org.medcard.card.PurchaseIntent;
import org.medcard.card.PurchaseResult;
import org.medcard.psam.PsamClient;
import org.medcard.queue.PurseRecord;
import org.medcard.simulator.card.CardOptions;
import org.medcard.simulator.card.PurseState;
import org.medcard.simulator.card.VirtualMedicalCard;
import org.medcard.simulator.center.CenterConfig;
import org.medcard.simulator.center.SettlementCenter;
import org.medcard.simulator.profile.CardProfile;
import org.medcard.simulator.profile.CardProfiles;
import org.medcard.simulator.psam.VirtualPsam;
import org.medcard.simulator.reader.SimulatedReader;
import org.medcard.simulator.reader.inprocess.SimulatorProvider;
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
import org.medcard.transport.pcsc.PcscReaders;

/**
 * The codec against the simulated center over real HTTP on loopback: for every message kind, the center accepts
 * what the codec encodes (infcode 0, or a business refusal that proves it read every field, never -1 "malformed")
 * and the codec reads what the center answers. Card debits are real ones, from the virtual card and PSAM, so
 * the center checks their TAC.
 */
class HostCodecCenterTest {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TX_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final String INSTITUTION = "P11010100001";
    private static final String ITEM = "XJ01CAA001";

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-23T02:15:00Z"), ZONE);
    private final AtomicReference<String> signNo = new AtomicReference<>("");
    private final AtomicInteger seq = new AtomicInteger();
    private final HostCodec codec = new HostCodec();

    private SettlementCenter center;
    private HostApi api;
    private CardProfile profile;
    private MedicalCard card;
    private PsamClient psam;

    @BeforeEach
    void setUp() throws Exception {
        center = new SettlementCenter(CenterConfig.inMemory(), clock);
        center.start(0);
        URI base = URI.create("http://127.0.0.1:" + center.port() + "/");
        HostLink link = new HostLink(HostLink.Settings.of(base, INSTITUTION, "01", "cashier01", signNo::get), clock);
        api = new HostApi(link, () -> INSTITUTION + "20261123101500" + "01" + String.format("%04d", seq.incrementAndGet()), codec);
        CardProfiles profiles = CardProfiles.bundled();
        profile = profiles.get("normal-3des");
        SimulatedReader reader = new SimulatedReader("codec");
        reader.cardSlot().insert(new VirtualMedicalCard(profile, profiles.keys(), PurseState.initial(profile), clock, new Random(3),
                CardOptions.defaults(), null));
        reader.psamSlot().insert(new VirtualPsam(profiles.keys(), profiles.terminalId()));
        PcscReaders readers = new PcscReaders(TerminalFactory.getInstance(SimulatorProvider.TYPE, reader, new SimulatorProvider()));
        card = new MedicalCard(readers.open("codec card slot 0"));
        psam = PsamClient.open(readers.open("codec PSAM slot 1"));
        card.select();
        SignedIn signedIn = api.call(new SignIn9001("cashier01", "01", "00:00:00:00:00:01"));
        signNo.set(signedIn.signNo());
    }

    @AfterEach
    void tearDown() {
        center.stop();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    /** A real debit of the virtual card, proven by its TAC: what 2102, 2207, 8301 and 8401 carry. */
    private PurseRecord debit(long amount) {
        PurchaseIntent intent = card.initializePurchase(amount, psam.terminalId());
        AtomicReference<PendingDebit> pending = new AtomicReference<>();
        PurchaseResult result = card.debit(intent, psam, LocalDateTime.now(clock), pending::set);
        return new PurseRecord(profile.cardNo(), intent.offlineCounter(), amount, 6, psam.terminalId().hex(),
                pending.get().terminalSeq(), TX_TIME.format(pending.get().dateTime()), Hex.of(result.record().tac()));
    }

    private String psnNo() {
        return api.call(new PersonInfo1101(profile.cardNo(), null)).psnNo();
    }

    @Test
    void signInAndOut_9001_9002() {
        assertTrue(signNo.get().startsWith("S-"), signNo.get());
        assertEquals(new Acknowledged(), api.call(new SignOut9002(signNo.get())));
        CenterRefusal after = assertThrows(CenterRefusal.class, () -> api.call(new PersonInfo1101(profile.cardNo(), null)));
        assertEquals(1001, after.infcode(), "signed out: the center no longer takes this sign_no");
    }

    @Test
    void personInfo_1101_byCardAndById() {
        PersonInfo byCard = api.call(new PersonInfo1101(profile.cardNo(), null));
        assertEquals(profile.psnCertNo(), byCard.idNumber());
        assertEquals(org.medcard.terminal.status.CardStatus.NORMAL, byCard.status());
        assertEquals(byCard.psnNo(), api.call(new PersonInfo1101(null, profile.psnCertNo())).psnNo());
    }

    @Test
    void catalogAndBlacklist_1301_8101() {
        Versioned<CatalogItem> catalog = api.call(new Catalog1301(0));
        assertTrue(catalog.version() > 0);
        assertEquals(1250, catalog.changes().stream().filter(i -> i.code().equals(ITEM)).findFirst().orElseThrow().priceFen());
        assertEquals(List.of(), api.call(new Catalog1301(catalog.version())).changes(), "nothing changed since");
        Versioned<BlacklistEntry> blacklist = api.call(new Blacklist8101(0));
        assertTrue(blacklist.changes().stream().anyMatch(e -> e.psnStatus().equals("LOST")), blacklist.toString());
    }

    @Test
    void pharmacySale_2101_2102_withTheCardsDebit_thenVoided_2103() {
        PreSettlement pre = api.call(new PreSettle2101(psnNo(), profile.cardNo(), null, today(), List.of(new SaleLine(ITEM, 2, 1250))));
        assertEquals(2500, pre.totalFen());
        long account = Math.min(pre.acctPayMaxFen(), 1000);
        long cash = pre.totalFen() - pre.fundPayFen() - account;
        Settled settled = api.call(new Settle2102(pre.presettleId(), account, cash, debit(account)));
        assertEquals(account, settled.acctPayFen());
        assertEquals(cash, settled.cashPayFen());
        assertEquals(OptionalLong.of(profile.balance() - account), settled.acctBalanceShadowFen(), "the center checked the TAC and booked it");

        SettlementCancelled voided = api.call(new CancelSettlement2103(settled.setlId(), "wrong item"));
        assertEquals(account, voided.refundAcctFen(), "R2: the account share comes back as a load");
        assertTrue(voided.loadId() != null);
    }

    @Test
    void aForgedDebitIsRefusedByTheCenter_notMisread_2102() {
        PreSettlement pre = api.call(new PreSettle2101(psnNo(), profile.cardNo(), null, today(), List.of(new SaleLine(ITEM, 1, 1250))));
        PurseRecord real = debit(500);
        PurseRecord forged = new PurseRecord(real.cardNo(), real.offlineCounter(), real.amount(), 6, real.terminalId(), real.terminalSeq(),
                real.txTime(), "00000000");
        CenterRefusal r = assertThrows(CenterRefusal.class, () -> api.call(new Settle2102(pre.presettleId(), 500,
                pre.totalFen() - pre.fundPayFen() - 500, forged)));
        assertEquals(2005, r.infcode());
        assertTrue(r.centerMessage().startsWith("TAC_INVALID"), r.centerMessage());
    }

    @Test
    void outpatientVisit_2201_2206_2207_andACancelledOne_2202() {
        String psnNo = psnNo();
        Registration visit = api.call(new Register2201(psnNo, profile.cardNo(), null, "D01", "D01-001", 5000));
        assertEquals(5000, visit.regFeeFen());
        PreSettlement pre = api.call(new OutpatientPreSettle2206(visit.mdtrtId(), List.of(new SaleLine(ITEM, 1, 1250))));
        assertEquals(6250, pre.totalFen(), "the fee first, then the item");
        Settled settled = api.call(new OutpatientSettle2207(pre.presettleId(), 0, pre.totalFen() - pre.fundPayFen(), null));
        assertEquals(pre.fundPayFen(), settled.fundPayFen());

        Registration other = api.call(new Register2201(psnNo, profile.cardNo(), null, "D01", "D01-002", 5000));
        assertEquals(new Acknowledged(), api.call(new CancelRegistration2202(other.mdtrtId())));
        assertThrows(CenterRefusal.class, () -> api.call(new OutpatientPreSettle2206(other.mdtrtId(), List.of())),
                "a cancelled visit cannot be settled");
    }

    @Test
    void offlineUpload_8301_isAcceptedOnceThenDuplicate() {
        PurseRecord purse = debit(1250);
        OfflineRecord record = new OfflineRecord(purse, profile.psnCertNo(), List.of(new SaleLine(ITEM, 1, 1250)), 1250, 0);
        UploadResults first = api.call(new UploadOffline8301(List.of(record)));
        assertEquals(1, first.results().size());
        UploadResults.RecordResult r = first.results().get(0);
        assertEquals("ACCEPTED", r.result(), r.toString());
        assertEquals(profile.cardNo(), r.cardNo());
        assertEquals(purse.offlineCounter(), r.offlineCounter());
        UploadResults again = api.call(new UploadOffline8301(List.of(record)));
        assertEquals("DUPLICATE", again.results().get(0).result());
        assertEquals(r.setlId(), again.results().get(0).setlId(), "never paid twice");
    }

    @Test
    void resettlementEntry_8400_8401_8402() {
        String entryNo = psam.terminalId().hex() + "-000001";
        String time = TX_TIME.format(LocalDateTime.now(clock).minusHours(1));
        List<SaleLine> items = List.of(new SaleLine(ITEM, 2, 1250));
        EntryRegistered registered = api.call(new RegisterEntry8400(entryNo, "CARD_UNREADABLE", time, profile.psnCertNo(), items,
                2500, 0, null));
        assertEquals(entryNo, registered.entryNo());
        assertTrue(registered.registered());
        assertTrue(api.call(new RegisterEntry8400(entryNo, "CARD_UNREADABLE", time, profile.psnCertNo(), items, 2500, 0, null))
                .alreadyRegistered(), "a resend is idempotent");

        List<RegisteredEntry> open = api.call(new Entries8402(profile.psnCertNo()));
        assertEquals("OPEN", open.stream().filter(e -> e.entryNo().equals(entryNo)).findFirst().orElseThrow().status());

        Resettle8401 resettle = new Resettle8401(entryNo, "CARD_UNREADABLE", time, profile.psnCertNo(), profile.cardNo(), items, 2500,
                null);
        PreSettlement price = api.call(new PreSettle2101(psnNo(), profile.cardNo(), null, resettle.serviceDate(), items));
        long account = Math.min(price.acctPayMaxFen(), 800);
        Resettled done = api.call(resettle.withPurse(debit(account)));
        assertEquals(entryNo, done.entryNo());
        assertEquals(account, done.acctPayFen());
        assertEquals(done.fundPayFen() + done.acctPayFen(), done.refundFen(), "what the cashier hands back");
        assertEquals("SETTLED", api.call(new Entries8402(null)).stream().filter(e -> e.entryNo().equals(entryNo)).findFirst()
                .orElseThrow().status());
    }

    @Test
    void loads_8501_8502() {
        List<PendingLoad> loads = api.call(new PendingLoads8501(profile.cardNo()));
        assertFalse(loads.isEmpty(), "normal-3des has pending monthly loads (R15)");
        PendingLoad load = loads.get(0);
        assertTrue(load.amountFen() > 0);
        CenterRefusal badMac = assertThrows(CenterRefusal.class, () -> api.call(new AuthorizeLoad8501(profile.cardNo(), load.loadId(),
                profile.balance(), 0, "01020304", "00000000", psam.terminalId().hex(), LocalDateTime.now(clock))));
        assertEquals(2005, badMac.infcode(), "every field read; only the MAC1 is wrong");
        assertTrue(badMac.centerMessage().startsWith("MAC1_INVALID"), badMac.centerMessage());
        LoadConfirmed confirmed = api.call(new ConfirmLoad8502(load.loadId(), profile.cardNo(), 0, null));
        assertEquals(load.loadId(), confirmed.loadId());
        assertTrue(confirmed.confirmed());
        assertTrue(api.call(new PendingLoads8501(profile.cardNo())).stream().noneMatch(l -> l.loadId().equals(load.loadId())));
    }

    @Test
    void reversal_2601_ofASettlementTheCenterNeverGot() {
        Reversal r = api.call(new Reverse2601(INSTITUTION + "20261123101400019999", "2102"));
        assertFalse(r.reversed());
        assertEquals("NOT_RECEIVED", r.reason());
    }

    @Test
    void reconciliation_3201_3202() {
        PreSettlement pre = api.call(new PreSettle2101(psnNo(), profile.cardNo(), null, today(), List.of(new SaleLine(ITEM, 1, 1250))));
        Settled s = api.call(new Settle2102(pre.presettleId(), 0, pre.totalFen() - pre.fundPayFen(), null));
        Reconciliation match = api.call(new Reconcile3201(today(), 1, s.fundPayFen(), 0, s.cashPayFen(), "01"));
        assertTrue(match.match(), match.toString());
        assertEquals(1, match.count());
        Reconciliation mismatch = api.call(new Reconcile3201(today(), 2, 0, 0, 0, null));
        assertFalse(mismatch.match(), "3001 is read as an answer with the center's totals");
        assertEquals(1, mismatch.count());
        List<Reconciliation.CenterRecord> records = api.call(new ReconcileDetail3202(today(), null));
        assertEquals(List.of(s.setlId()), records.stream().map(Reconciliation.CenterRecord::setlId).toList());
        assertNotEquals(null, records.get(0).msgid());
    }
}
