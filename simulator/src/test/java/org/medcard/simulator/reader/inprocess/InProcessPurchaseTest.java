package org.medcard.simulator.reader.inprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CardTerminals;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;
import javax.smartcardio.TerminalFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.medcard.apdu.Hex;
import org.medcard.crypto.Algorithm;
import org.medcard.crypto.PurseCrypto;
import org.medcard.simulator.card.BlockState;
import org.medcard.simulator.card.CardFile;
import org.medcard.simulator.card.CardOptions;
import org.medcard.simulator.card.PurseState;
import org.medcard.simulator.card.VirtualMedicalCard;
import org.medcard.simulator.profile.CardProfile;
import org.medcard.simulator.profile.CardProfiles;
import org.medcard.simulator.profile.SimulatorKeys;
import org.medcard.simulator.psam.VirtualPsam;
import org.medcard.simulator.reader.SimulatedReader;

/**
 * The virtual card and PSAM through plain {@code javax.smartcardio} calls on the in-process provider. MAC1 is
 * computed here with {@link PurseCrypto} as well as by the PSAM; card-protocol's client is not used.
 */
class InProcessPurchaseTest {

    static final byte[] TERMINAL_ID = Hex.parse("000000123456");
    static final byte[] DATE = Hex.parse("20261123");
    static final byte[] TIME = Hex.parse("110203");
    static final String SELECT_CARD = "00A4040009F04D4544434152440100";
    static final String SELECT_PSAM = "00A4040009F04D4544434152445000";

    final CardProfiles profiles = CardProfiles.bundled();
    final SimulatorKeys keys = profiles.keys();
    final Clock clock = Clock.fixed(Instant.parse("2026-11-23T03:02:03Z"), ZoneOffset.UTC);
    SimulatedReader reader;
    VirtualPsam psam;
    CardTerminals terminals;

    @BeforeEach
    void setUp() throws Exception {
        reader = new SimulatedReader("Counter 1");
        psam = new VirtualPsam(keys, "000000123456");
        reader.psamSlot().insert(psam);
        terminals = TerminalFactory.getInstance(SimulatorProvider.TYPE, reader, new SimulatorProvider()).terminals();
    }

    VirtualMedicalCard insert(String profileName) {
        return insert(profiles.get(profileName), null);
    }

    VirtualMedicalCard insert(CardProfile p, Path file) {
        VirtualMedicalCard card = new VirtualMedicalCard(p, keys, PurseState.initial(p), clock, new Random(7), CardOptions.defaults(), file);
        reader.cardSlot().insert(card);
        return card;
    }

    CardChannel cardChannel() throws CardException {
        return terminal("Counter 1 card slot 0").connect("*").getBasicChannel();
    }

    CardChannel psamChannel() throws CardException {
        CardChannel ch = terminal("Counter 1 PSAM slot 1").connect("T=1").getBasicChannel();
        assertEquals(0x9000, send(ch, SELECT_PSAM).getSW());
        return ch;
    }

    CardTerminal terminal(String name) throws CardException {
        return terminals.list().stream().filter(t -> t.getName().equals(name)).findFirst().orElseThrow();
    }

    static ResponseAPDU send(CardChannel ch, String hex) throws CardException {
        return ch.transmit(new CommandAPDU(Hex.parse(hex)));
    }

    static ResponseAPDU send(CardChannel ch, byte[] apdu) throws CardException {
        return ch.transmit(new CommandAPDU(apdu));
    }

    static byte[] apdu(String header, byte[] data, int le) {
        byte[] h = Hex.parse(header);
        byte[] out = Arrays.copyOf(h, 5 + data.length + (le >= 0 ? 1 : 0));
        out[4] = (byte) data.length;
        System.arraycopy(data, 0, out, 5, data.length);
        if (le >= 0) {
            out[out.length - 1] = (byte) le;
        }
        return out;
    }

    static byte[] cat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static ResponseAPDU initializeForPurchase(CardChannel card, long amount) throws CardException {
        return send(card, apdu("80500102", cat(new byte[] {0x01}, PurseCrypto.u32(amount), TERMINAL_ID), 0x0F));
    }

    /** What the terminal keeps between INITIALIZE and DEBIT. */
    record Init(long oldBalance, int counter, int keyVersion, Algorithm algorithm, byte[] random) {
        static Init of(ResponseAPDU r) {
            byte[] d = r.getData();
            assertEquals(15, d.length);
            return new Init(Long.parseLong(Hex.of(d, 0, 4), 16), Integer.parseInt(Hex.of(d, 4, 6), 16), d[9] & 0xFF,
                    Algorithm.fromCode(d[10] & 0xFF), Arrays.copyOfRange(d, 11, 15));
        }
    }

    /** INIT SAM FOR PURCHASE: returns terminal seq (4) + MAC1 (4). */
    static byte[] initSam(CardChannel psam, Init init, long amount, CardProfile p) throws CardException {
        byte[] data = cat(init.random(), PurseCrypto.u16(init.counter()), PurseCrypto.u32(amount), new byte[] {0x06}, DATE, TIME,
                new byte[] {(byte) init.keyVersion(), (byte) init.algorithm().code()}, p.diversification());
        ResponseAPDU r = send(psam, apdu("80700000", data, 0x08));
        assertEquals(0x9000, r.getSW());
        return r.getData();
    }

    static ResponseAPDU debit(CardChannel card, byte[] seq, byte[] mac1) throws CardException {
        return send(card, apdu("80540100", cat(seq, DATE, TIME, mac1), 0x08));
    }

    byte[] dpk(CardProfile p) {
        return PurseCrypto.diversify(p.purseAlgorithm(), keys.mpkBytes(), p.diversification());
    }

    byte[] dtk(CardProfile p) {
        return PurseCrypto.diversify(p.purseAlgorithm(), keys.mtkBytes(), p.diversification());
    }

    @Test
    void terminals_eachReaderShowsCardAndPsamSlot() throws Exception {
        List<String> names = terminals.list().stream().map(CardTerminal::getName).toList();
        assertEquals(List.of("Counter 1 card slot 0", "Counter 1 PSAM slot 1"), names);
        assertEquals(List.of("Counter 1 PSAM slot 1"), terminals.list(CardTerminals.State.CARD_PRESENT).stream().map(CardTerminal::getName).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"normal-3des", "normal-sm4"})
    void fullPurchase_debitsOnce_andTacVerifies(String profileName) throws Exception {
        VirtualMedicalCard card = insert(profileName);
        CardProfile p = card.profile();
        CardChannel ch = cardChannel();
        Card c = ch.getCard();
        assertEquals("T=1", c.getProtocol());
        assertEquals(0x3B, c.getATR().getBytes()[0] & 0xFF);

        ResponseAPDU fci = send(ch, SELECT_CARD);
        assertEquals(0x9000, fci.getSW());
        assertEquals("6F158409F04D4544434152440" + "1A5089F08020100C001" + String.format("%02X", p.purseAlgorithm().code()), Hex.of(fci.getData()));

        ResponseAPDU sfi1 = send(ch, "00B0810020");
        assertEquals(0x9000, sfi1.getSW());
        assertEquals(p.cardNo(), Hex.of(sfi1.getData(), 0, 10));
        assertEquals(p.cardRegion(), Hex.of(sfi1.getData(), 10, 13));
        assertEquals(0x01, sfi1.getData()[14], "activated");
        assertEquals(0x01, sfi1.getData()[23], "DPK key version");

        assertEquals(0x9000, send(ch, "0020000003123456").getSW());

        long amount = 1234;
        Init init = Init.of(initializeForPurchase(ch, amount));
        assertEquals(p.balance(), init.oldBalance());
        assertEquals(p.offlineCounter(), init.counter());
        assertEquals(p.purseAlgorithm(), init.algorithm());

        CardChannel sam = psamChannel();
        assertEquals("000000123456", Hex.of(send(sam, "00B0960006").getData()));
        byte[] seqMac1 = initSam(sam, init, amount, p);
        byte[] seq = Arrays.copyOfRange(seqMac1, 0, 4);
        byte[] sk = PurseCrypto.purchaseSessionKey(init.algorithm(), dpk(p), init.random(), init.counter(), seq);
        byte[] mac1 = PurseCrypto.purchaseMac1(init.algorithm(), sk, amount, TERMINAL_ID, DATE, TIME);
        assertArrayEquals(mac1, Arrays.copyOfRange(seqMac1, 4, 8), "PSAM's MAC1 equals the one computed from the spec");
        assertEquals(1, psam.terminalSeq());

        ResponseAPDU debit = debit(ch, seq, mac1);
        assertEquals(0x9000, debit.getSW());
        byte[] tac = Arrays.copyOfRange(debit.getData(), 0, 4);
        byte[] mac2 = Arrays.copyOfRange(debit.getData(), 4, 8);
        assertArrayEquals(PurseCrypto.purchaseMac2(init.algorithm(), sk, amount), mac2);
        assertArrayEquals(PurseCrypto.purchaseTac(init.algorithm(), dtk(p), amount, TERMINAL_ID, seq, DATE, TIME), tac);
        assertEquals(0x9000, send(sam, apdu("80720000", mac2, -1)).getSW(), "PSAM accepts MAC2");
        byte[] tacCheck = cat(p.diversification(), PurseCrypto.u32(amount), new byte[] {0x06}, TERMINAL_ID, seq, DATE, TIME, tac);
        assertEquals(0x9000, send(sam, apdu("807A" + String.format("%02X", p.purseAlgorithm().code()) + "00", tacCheck, -1)).getSW());

        assertEquals(p.balance() - amount, Long.parseLong(Hex.of(send(ch, "805C000204").getData()), 16));
        assertEquals(p.offlineCounter() + 1, card.state().offlineCounter());
        ResponseAPDU log = send(ch, "00B2012417");
        assertEquals(0x9000, log.getSW());
        assertEquals(String.format("%04X", p.offlineCounter()) + "000000" + "000004D2" + "06" + "000000123456" + "20261123" + "110203",
                Hex.of(log.getData()));
        assertEquals(0x6A83, send(ch, "00B2022417").getSW(), "only one record in the log");
    }

    @Test
    void cardholderFile_holdsIdAndGb18030Name_forRareName() throws Exception {
        CardProfile p = insert("rare-name").profile();
        CardChannel ch = cardChannel();
        send(ch, SELECT_CARD);
        byte[] f = send(ch, "00B0820000").getData();
        assertEquals(128, f.length);
        assertEquals(0xC1, f[0] & 0xFF);
        assertEquals(18, f[1]);
        assertEquals(p.psnCertNo(), new String(f, 2, 18, java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(0xC2, f[20] & 0xFF);
        int nameLength = f[21];
        assertEquals(p.psnName(), new String(f, 22, nameLength, Charset.forName("GB18030")));
        assertEquals(8, nameLength, "𠮷 takes 4 bytes, 祥 and 云 two each");
        int afterName = 22 + nameLength;
        assertEquals("C30101" + "C404" + "19900919" + "C50101" + "C603110101", Hex.of(f, afterName, afterName + 17));
        for (int i = afterName + 17; i < 128; i++) {
            assertEquals(0, f[i], "padding");
        }
    }

    @Test
    void blockedProfile_selectAnswers6283WithFci_andRefusesPurchase() throws Exception {
        insert("blocked");
        CardChannel ch = cardChannel();
        ResponseAPDU r = send(ch, SELECT_CARD);
        assertEquals(0x6283, r.getSW());
        assertEquals(0x6F, r.getData()[0] & 0xFF);
        assertEquals(0x9000, send(ch, "00B0830010").getSW(), "files stay readable");
        assertEquals(0x6985, initializeForPurchase(ch, 100).getSW());
    }

    @ParameterizedTest
    @ValueSource(strings = {"frozen", "lost", "cancelled-abroad", "cancelled-household", "cancelled-transfer", "cancelled-death",
            "not-activated", "expired"})
    void unusableStatus_initializeForPurchaseAnswers6985(String profileName) throws Exception {
        insert(profileName);
        CardChannel ch = cardChannel();
        assertEquals(0x9000, send(ch, SELECT_CARD).getSW());
        assertEquals(0x6985, initializeForPurchase(ch, 100).getSW());
    }

    @Test
    void suspended_stillDebitsPersonalAccount() throws Exception {
        insert("suspended");
        CardChannel ch = cardChannel();
        send(ch, SELECT_CARD);
        assertEquals(0x9000, initializeForPurchase(ch, 100).getSW());
    }

    @Test
    void statusFile_carriesStatusReasonAndDates() throws Exception {
        insert("cancelled-death");
        CardChannel ch = cardChannel();
        send(ch, SELECT_CARD);
        assertEquals("0404" + "20260719" + "20190315" + "000000000000", Hex.of(send(ch, "00B0830010").getData()));
    }

    @Test
    void pinBlocked_verifyAnswers6983() throws Exception {
        insert("pin-blocked");
        CardChannel ch = cardChannel();
        send(ch, SELECT_CARD);
        assertEquals(0x6983, send(ch, "0020000003123456").getSW());
    }

    @Test
    void wrongPinThreeTimes_countsDownThenBlocks() throws Exception {
        insert("normal-3des");
        CardChannel ch = cardChannel();
        send(ch, SELECT_CARD);
        assertEquals(0x63C2, send(ch, "0020000003111111").getSW());
        assertEquals(0x63C1, send(ch, "0020000003111111").getSW());
        assertEquals(0x63C0, send(ch, "0020000003111111").getSW());
        assertEquals(0x6983, send(ch, "0020000003123456").getSW(), "the right PIN no longer helps");
    }

    @Test
    void lowBalance_initializeAnswers9401() throws Exception {
        insert("low-balance");
        CardChannel ch = cardChannel();
        send(ch, SELECT_CARD);
        assertEquals(0x9401, initializeForPurchase(ch, 351).getSW());
        assertEquals(0x9000, initializeForPurchase(ch, 350).getSW());
    }

    @Test
    void mac1WrongThreeTimes_applicationBlocks() throws Exception {
        VirtualMedicalCard card = insert("normal-3des");
        CardChannel ch = cardChannel();
        send(ch, SELECT_CARD);
        for (int i = 0; i < 3; i++) {
            assertEquals(0x9000, initializeForPurchase(ch, 100).getSW());
            assertEquals(0x9302, debit(ch, Hex.parse("00000001"), Hex.parse("00000000")).getSW());
        }
        assertEquals(BlockState.TEMPORARY, card.state().block());
        assertEquals(0x6985, initializeForPurchase(ch, 100).getSW());
        assertEquals(0x6283, send(ch, SELECT_CARD).getSW());
        assertEquals(card.profile().balance(), card.state().balance(), "nothing debited");
    }

    @Test
    void tearBeforeDebit_transactionProveAnswers9406_andBalanceUnchanged() throws Exception {
        VirtualMedicalCard card = insert("normal-3des");
        CardProfile p = card.profile();
        CardChannel ch = cardChannel();
        send(ch, SELECT_CARD);
        Init init = Init.of(initializeForPurchase(ch, 500));
        byte[] seqMac1 = initSam(psamChannel(), init, 500, p);
        card.tearBeforeDebitApplied();
        CardException torn = assertThrows(CardException.class, () -> debit(ch, Arrays.copyOf(seqMac1, 4), Arrays.copyOfRange(seqMac1, 4, 8)));
        assertTrue(torn.getMessage().contains("SCARD_W_REMOVED_CARD"), torn.getMessage());
        assertFalse(terminal("Counter 1 card slot 0").isCardPresent());

        reader.cardSlot().insert(card);
        CardChannel again = cardChannel();
        send(again, SELECT_CARD);
        assertEquals(0x9406, send(again, apdu("805A0006", PurseCrypto.u16(init.counter()), 0x08)).getSW());
        assertEquals(p.balance(), card.state().balance());
        assertEquals(p.offlineCounter(), card.state().offlineCounter());
        assertTrue(card.state().log().isEmpty());
    }

    @Test
    void tearAfterDebit_recoveredByTransactionProve_noSecondDebit() throws Exception {
        VirtualMedicalCard card = insert("normal-sm4");
        CardProfile p = card.profile();
        CardChannel ch = cardChannel();
        send(ch, SELECT_CARD);
        long amount = 2000;
        Init init = Init.of(initializeForPurchase(ch, amount));
        byte[] seqMac1 = initSam(psamChannel(), init, amount, p);
        byte[] seq = Arrays.copyOf(seqMac1, 4);
        card.tearAfterDebitApplied();
        assertThrows(CardException.class, () -> debit(ch, seq, Arrays.copyOfRange(seqMac1, 4, 8)));

        reader.cardSlot().insert(card);
        CardChannel again = cardChannel();
        send(again, SELECT_CARD);
        ResponseAPDU prove = send(again, apdu("805A0006", PurseCrypto.u16(init.counter()), 0x08));
        assertEquals(0x9000, prove.getSW());
        byte[] sk = PurseCrypto.purchaseSessionKey(init.algorithm(), dpk(p), init.random(), init.counter(), seq);
        assertEquals(Hex.of(PurseCrypto.purchaseMac2(init.algorithm(), sk, amount))
                + Hex.of(PurseCrypto.purchaseTac(init.algorithm(), dtk(p), amount, TERMINAL_ID, seq, DATE, TIME)), Hex.of(prove.getData()),
                "MAC2 then TAC");
        assertEquals(p.balance() - amount, card.state().balance(), "debited exactly once");
        assertEquals(p.offlineCounter() + 1, card.state().offlineCounter());
        assertEquals(1, card.state().log().size());
        assertEquals(0x9406, send(again, apdu("805A0006", PurseCrypto.u16(init.counter() + 1), 0x08)).getSW());
    }

    @ParameterizedTest
    @ValueSource(strings = {"normal-3des", "normal-sm4"})
    void load_center_mac2Accepted_tacVerifies_balanceRises(String profileName) throws Exception {
        VirtualMedicalCard card = insert(profileName);
        CardProfile p = card.profile();
        Algorithm alg = p.purseAlgorithm();
        CardChannel ch = cardChannel();
        send(ch, SELECT_CARD);
        long amount = 35000;
        ResponseAPDU init = send(ch, apdu("80500002", cat(new byte[] {0x01}, PurseCrypto.u32(amount), TERMINAL_ID), 0x10));
        assertEquals(0x9000, init.getSW());
        byte[] d = init.getData();
        assertEquals(16, d.length);
        int online = Integer.parseInt(Hex.of(d, 4, 6), 16);
        assertEquals(p.onlineCounter(), online);
        byte[] random = Arrays.copyOfRange(d, 8, 12);
        // the center's side, from the spec: DLK from MLK, session key, check card MAC1, make MAC2
        byte[] dlk = PurseCrypto.diversify(alg, keys.mlkBytes(), p.diversification());
        byte[] sk = PurseCrypto.loadSessionKey(alg, dlk, random, online);
        assertArrayEquals(PurseCrypto.loadMac1(alg, sk, p.balance(), amount, TERMINAL_ID), Arrays.copyOfRange(d, 12, 16));
        byte[] mac2 = PurseCrypto.loadMac2(alg, sk, amount, TERMINAL_ID, DATE, TIME);
        ResponseAPDU credit = send(ch, apdu("80520000", cat(DATE, TIME, mac2), 0x04));
        assertEquals(0x9000, credit.getSW());
        assertArrayEquals(PurseCrypto.loadTac(alg, dtk(p), p.balance() + amount, online, amount, TERMINAL_ID, DATE, TIME), credit.getData());
        assertEquals(p.balance() + amount, card.state().balance());
        assertEquals(online + 1, card.state().onlineCounter());
        assertEquals("02", Hex.of(send(ch, "00B2012417").getData(), 9, 10), "log record type load");
    }

    @Test
    void load_wrongMac2_answers9302_andBalanceUnchanged() throws Exception {
        VirtualMedicalCard card = insert("normal-3des");
        CardChannel ch = cardChannel();
        send(ch, SELECT_CARD);
        send(ch, apdu("80500002", cat(new byte[] {0x01}, PurseCrypto.u32(100), TERMINAL_ID), 0x10));
        assertEquals(0x9302, send(ch, apdu("80520000", cat(DATE, TIME, Hex.parse("01020304")), 0x04)).getSW());
        assertEquals(card.profile().balance(), card.state().balance());
    }

    @Test
    void applicationBlock_temporaryThenPermanent_selectAnswers6283Then9303() throws Exception {
        VirtualMedicalCard card = insert("lost");
        CardChannel ch = cardChannel();
        CardChannel sam = psamChannel();
        send(ch, SELECT_CARD);
        assertEquals(0x9000, blockWithPsam(ch, sam, card.profile(), 0x00).getSW());
        assertEquals(0x6283, send(ch, SELECT_CARD).getSW());
        assertEquals(0x9000, blockWithPsam(ch, sam, card.profile(), 0x01).getSW());
        assertEquals(0x9303, send(ch, SELECT_CARD).getSW());
        assertEquals(BlockState.PERMANENT, card.state().block());
    }

    ResponseAPDU blockWithPsam(CardChannel ch, CardChannel sam, CardProfile p, int p2) throws CardException {
        byte[] challenge = send(ch, "0084000008").getData();
        String p1 = String.format("%02X", p.purseAlgorithm().code());
        byte[] mac = send(sam, apdu("807C" + p1 + String.format("%02X", p2), cat(p.diversification(), challenge), 0x04)).getData();
        return send(ch, apdu("841E00" + String.format("%02X", p2), mac, -1));
    }

    @Test
    void applicationBlock_challengeIsGoodForOneCommand_andWrongMacIsRefused() throws Exception {
        VirtualMedicalCard card = insert("normal-sm4");
        CardProfile p = card.profile();
        CardChannel ch = cardChannel();
        send(ch, SELECT_CARD);
        byte[] challenge = send(ch, "0084000008").getData();
        byte[] damk = PurseCrypto.diversify(Algorithm.SM4, keys.mamkBytes(), p.diversification());
        byte[] mac = PurseCrypto.applicationBlockMac(Algorithm.SM4, damk, challenge, 0);
        send(ch, "805C000204"); // any command uses up the challenge
        assertEquals(0x6985, send(ch, apdu("841E0000", mac, -1)).getSW());
        send(ch, "0084000008");
        assertEquals(0x9302, send(ch, apdu("841E0000", mac, -1)).getSW(), "MAC made from an old challenge");
        assertEquals(BlockState.NONE, card.state().block());
    }

    @Test
    void misuse_answersTheSpecsStatusWords() throws Exception {
        insert("normal-3des");
        CardChannel ch = cardChannel();
        assertEquals(0x6985, send(ch, "805C000204").getSW(), "nothing selected yet");
        assertEquals(0x6A82, send(ch, "00A4040009F04D4544434152449900").getSW());
        send(ch, SELECT_CARD);
        assertEquals(0x6D00, send(ch, "80CA000000").getSW());
        assertEquals(0x6E00, send(ch, "A05C000204").getSW());
        assertEquals(0x6A86, send(ch, "805C010204").getSW());
        assertEquals(0x6700, send(ch, "805C000208").getSW());
        assertEquals(0x6985, debit(ch, Hex.parse("00000001"), Hex.parse("00000000")).getSW(), "DEBIT without INITIALIZE");
        assertEquals(0x9403, send(ch, apdu("80500102", cat(new byte[] {0x02}, PurseCrypto.u32(1), TERMINAL_ID), 0x0F)).getSW());
        assertEquals(0x6A83, send(ch, "00B2012417").getSW(), "empty log");
        assertEquals(0x6A82, send(ch, "00B0850000").getSW(), "no SFI 05");
        assertEquals(0x6700, send(ch, "0020000002123456").getSW());
        assertEquals(0x6C20, send(ch, "00B0810040").getSW(), "SFI 01 is 32 bytes");
    }

    @Test
    void offlineCounterAtMaximum_initializeAnswers9402() throws Exception {
        CardProfile p = profiles.get("normal-3des");
        PurseState full = new PurseState(p.balance(), 0xFFFF, p.onlineCounter(), 3, 0, BlockState.NONE, List.of(), List.of());
        reader.cardSlot().insert(new VirtualMedicalCard(p, keys, full, clock, new Random(1), CardOptions.defaults(), null));
        CardChannel ch = cardChannel();
        send(ch, SELECT_CARD);
        assertEquals(0x9402, initializeForPurchase(ch, 1).getSW());
    }

    @Test
    void cardFile_roundTrip_keepsBalanceCountersLogAndProof(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("card.json");
        CardProfile p = profiles.get("normal-3des");
        new CardFile(CardFile.FORMAT, p, PurseState.initial(p)).write(file);
        VirtualMedicalCard card = VirtualMedicalCard.open(file, keys, clock, CardOptions.defaults());
        reader.cardSlot().insert(card);
        CardChannel ch = cardChannel();
        send(ch, SELECT_CARD);
        Init init = Init.of(initializeForPurchase(ch, 777));
        byte[] seqMac1 = initSam(psamChannel(), init, 777, p);
        assertEquals(0x9000, debit(ch, Arrays.copyOf(seqMac1, 4), Arrays.copyOfRange(seqMac1, 4, 8)).getSW());

        VirtualMedicalCard reopened = VirtualMedicalCard.open(file, keys, clock, CardOptions.defaults());
        assertEquals(card.state(), reopened.state());
        assertEquals(p.balance() - 777, reopened.state().balance());
        assertEquals(1, reopened.state().proofs().size());
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary file left behind");
        }
    }

    @Test
    void pcscFaults_muteAndUnplugged_surfaceAsPcscErrors() throws Exception {
        insert("normal-3des");
        CardChannel ch = cardChannel();
        reader.cardSlot().setMute(true);
        CardException mute = assertThrows(CardException.class, () -> send(ch, SELECT_CARD));
        assertTrue(mute.getMessage().contains("SCARD_W_UNRESPONSIVE_CARD"), mute.getMessage());
        reader.cardSlot().setMute(false);
        reader.setUnplugged(true);
        CardException gone = assertThrows(CardException.class, () -> send(ch, SELECT_CARD));
        assertTrue(gone.getMessage().contains("SCARD_E_READER_UNAVAILABLE"), gone.getMessage());
        assertTrue(terminals.list().isEmpty(), "an unplugged reader is not listed");
        reader.setUnplugged(false);
        reader.cardSlot().remove();
        assertThrows(javax.smartcardio.CardNotPresentException.class, () -> terminal("Counter 1 card slot 0").connect("*"));
    }

    @Test
    void waitForChange_reportsInsertionAndRemoval() throws Exception {
        assertTrue(terminals.waitForChange(10), "first call: the PSAM is present");
        assertFalse(terminals.waitForChange(30), "nothing changed");
        insert("normal-3des");
        assertTrue(terminals.waitForChange(1000));
        assertEquals(List.of("Counter 1 card slot 0"),
                terminals.list(CardTerminals.State.CARD_INSERTION).stream().map(CardTerminal::getName).toList());
        reader.cardSlot().remove();
        assertTrue(terminals.waitForChange(1000));
        assertEquals(List.of("Counter 1 card slot 0"),
                terminals.list(CardTerminals.State.CARD_REMOVAL).stream().map(CardTerminal::getName).toList());
        assertTrue(terminal("Counter 1 card slot 0").waitForCardAbsent(10));
        assertFalse(terminal("Counter 1 card slot 0").waitForCardPresent(30));
    }

    @Test
    void t0Style_answers61xx_andGetResponseDeliversTheData() throws Exception {
        CardProfile p = profiles.get("normal-3des");
        reader.cardSlot().insert(new VirtualMedicalCard(p, keys, PurseState.initial(p), clock, new Random(1),
                new CardOptions(org.medcard.simulator.card.PinPolicy.TERMINAL_ENFORCES, true), null));
        CardChannel ch = cardChannel();
        ResponseAPDU r = send(ch, SELECT_CARD);
        assertEquals(0x61, r.getSW1());
        ResponseAPDU fci = send(ch, "00C00000" + String.format("%02X", r.getSW2()));
        assertEquals(0x9000, fci.getSW());
        assertEquals(0x6F, fci.getData()[0] & 0xFF);
    }

    @Test
    void cardRequiresVerify_policy_refusesInitializeUntilPinVerified() throws Exception {
        CardProfile p = profiles.get("normal-3des");
        reader.cardSlot().insert(new VirtualMedicalCard(p, keys, PurseState.initial(p), clock, new Random(1),
                new CardOptions(org.medcard.simulator.card.PinPolicy.CARD_REQUIRES_VERIFY, false), null));
        CardChannel ch = cardChannel();
        send(ch, SELECT_CARD);
        assertEquals(0x6985, initializeForPurchase(ch, 100).getSW());
        assertEquals(0x9000, send(ch, "0020000003123456").getSW());
        assertEquals(0x9000, initializeForPurchase(ch, 100).getSW());
    }
}
