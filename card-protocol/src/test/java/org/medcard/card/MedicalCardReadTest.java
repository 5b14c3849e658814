package org.medcard.card;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.medcard.card.CardScript.CARD_NO;
import static org.medcard.card.CardScript.GET_BALANCE;
import static org.medcard.card.CardScript.READ_CARDHOLDER;
import static org.medcard.card.CardScript.READ_CARD_INFO;
import static org.medcard.card.CardScript.READ_STATUS;
import static org.medcard.card.CardScript.SELECT;
import static org.medcard.card.CardScript.cardInfo;
import static org.medcard.card.CardScript.fci;
import static org.medcard.card.CardScript.ok;

import java.nio.charset.Charset;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.medcard.apdu.CardRefusal;
import org.medcard.apdu.Hex;
import org.medcard.apdu.MalformedResponseException;
import org.medcard.crypto.Algorithm;
import org.medcard.psam.TerminalId;
import org.medcard.testsupport.ScriptedTransport;
import org.medcard.tlv.Tlv;
import org.medcard.tlv.TlvException;

/** SELECT, the four files, VERIFY PIN and GET BALANCE against a scripted card. */
class MedicalCardReadTest {

    private final ScriptedTransport card = new ScriptedTransport("scripted card");
    private final MedicalCard client = new MedicalCard(card);

    @AfterEach
    void everyScriptedCommandWasSent() {
        card.assertAllConsumed();
    }

    // ------------------------------------------------------------------ SELECT

    @Test
    void select9000_usableWithFci() {
        card.expect(SELECT, ok(fci("04")));
        SelectResult r = client.select();
        assertEquals(ApplicationState.USABLE, r.state());
        Fci f = r.fci().orElseThrow();
        assertArrayEquals(MedicalCard.AID, f.aid());
        assertEquals(0x0100, f.appVersion());
        assertEquals(Algorithm.SM4, f.algorithm());
    }

    @Test
    void select6283_blockedButFciReturned() {
        card.expect(SELECT, fci("02") + "6283");
        SelectResult r = client.select();
        assertEquals(ApplicationState.BLOCKED, r.state());
        assertFalse(r.isUsable());
        assertEquals(Algorithm.TRIPLE_DES, r.fci().orElseThrow().algorithm());
    }

    @Test
    void select9303_locked() {
        card.expect(SELECT, "9303");
        assertEquals(new SelectResult(ApplicationState.LOCKED, Optional.empty()), client.select());
    }

    @Test
    void select6A82_notFound() {
        card.expect(SELECT, "6A82");
        assertEquals(ApplicationState.NOT_FOUND, client.select().state());
    }

    @Test
    void selectOtherStatus_isARefusalNamingTheCommand() {
        card.expect(SELECT, "6E00");
        CardRefusal e = assertThrows(CardRefusal.class, client::select);
        assertEquals(0x6E00, e.sw().value());
        assertTrue(e.getMessage().contains("SELECT"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"6F03 840100", "6F15 8409F04D45444341524401 A508 9F08020100 C00103", "A503C00102",
            "6F15 8409F04D45444341524401 A508 9F080301 C00102", "6F158409",
            "6F0E 8402F04D A508 9F08020100 C00102", "6F15 8409F04D45444341524450 A508 9F08020100 C00102"})
    void selectWithBadFci_isMalformed(String badFci) {
        card.expect(SELECT, ok(badFci));
        assertThrows(MalformedResponseException.class, client::select);
    }

    // ------------------------------------------------------------------ SFI 01

    @Test
    void cardInfo_decodesEveryField() {
        card.expect(READ_CARD_INFO, ok(cardInfo(CARD_NO)));
        CardInfo info = client.readCardInfo();
        assertEquals(CARD_NO, info.cardNo().digits());
        assertEquals("110100", info.region());
        assertEquals(CardInfo.INSURED_PERSON_CARD, info.cardType());
        assertTrue(info.activated());
        assertEquals(LocalDate.of(2026, 11, 22), info.issueDate());
        assertEquals(LocalDate.of(2036, 11, 21), info.expiryDate());
        assertEquals(1, info.keyVersion());
        assertEquals("0020261122000017", Hex.of(info.diversification()));
        assertFalse(info.isExpiredOn(LocalDate.of(2036, 11, 21)));
        assertTrue(info.isExpiredOn(LocalDate.of(2036, 11, 22)));
    }

    @Test
    void selectAndCardInfoAreAskedOncePerSession_thenAnsweredFromMemory() {
        // tear recovery, the R15 loads and the card check each ask; the card sees one SELECT and one READ BINARY
        card.expect(SELECT, ok(fci("04")));
        card.expect(READ_CARD_INFO, ok(cardInfo(CARD_NO)));
        SelectResult first = client.select();
        CardInfo info = client.readCardInfo();
        assertEquals(first, client.select());
        assertEquals(info, client.readCardInfo());
        assertEquals(CARD_NO, client.readCardInfo().cardNo().digits());
    }

    @Test
    void cardInfoNotActivated_isReadAsSuch() {
        card.expect(READ_CARD_INFO, ok(CARD_NO + "110100" + "01" + "00" + "20261122" + "20361121" + "01" + "00".repeat(8)));
        assertFalse(client.readCardInfo().activated());
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource({
            "33 bytes, 11010020261122000017 110100 01 01 20261122 20361121 01 0000000000000000 00",
            "31 bytes, 11010020261122000017 110100 01 01 20261122 20361121 01 00000000000000",
            "non-BCD card_no, 1A010020261122000017 110100 01 01 20261122 20361121 01 0000000000000000",
            "activation flag 02, 11010020261122000017 110100 01 02 20261122 20361121 01 0000000000000000",
            "month 13, 11010020261122000017 110100 01 01 20261322 20361121 01 0000000000000000"})
    void cardInfoShortOrGarbled_isMalformed(String why, String sfi01) {
        card.expect(READ_CARD_INFO, ok(sfi01.replace(" ", "")));
        assertThrows(MalformedResponseException.class, client::readCardInfo, why);
    }

    @Test
    void cardInfoRefused_isARefusal() {
        card.expect(READ_CARD_INFO, "6A82");
        assertEquals(0x6A82, assertThrows(CardRefusal.class, client::readCardInfo).sw().value());
    }

    // ------------------------------------------------------------------ SFI 02

    private static final Charset GB18030 = Charset.forName("GB18030");

    private static String cardholderFile(Tlv... tlvs) {
        StringBuilder sb = new StringBuilder();
        for (Tlv t : tlvs) {
            sb.append(Hex.of(t.encode()));
        }
        while (sb.length() < 2 * 0x80) {
            sb.append("00");
        }
        return sb.toString();
    }

    private static Tlv id(String id) {
        return new Tlv(0xC1, id.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    @Test
    void cardholder_decodesGb18030FourByteNameAndAllTags() {
        // 张𠮷: U+5F20 (2 bytes D5C5) and U+20BB7 (4 bytes 9534B235 in GB18030), written independently of Java's encoder.
        Tlv name = new Tlv(0xC2, Hex.parse("D5C5 9534B235"));
        card.expect(READ_CARDHOLDER, ok(cardholderFile(id("110101198001040017"), name, new Tlv(0xC3, Hex.parse("02")),
                new Tlv(0xC4, Hex.parse("19800104")), new Tlv(0xC9, Hex.parse("DEADBEEF")), new Tlv(0xC5, Hex.parse("01")),
                new Tlv(0xC6, Hex.parse("110101")))));
        Cardholder h = client.readCardholder();
        assertEquals("110101198001040017", h.idNumber().value());
        assertEquals("\u5F20\uD842\uDFB7", h.name());
        assertEquals(2, h.name().codePointCount(0, h.name().length()));
        assertEquals(0x20BB7, h.name().codePointAt(1));
        assertEquals(Optional.of(Sex.FEMALE), h.sex());
        assertEquals(Optional.of(LocalDate.of(1980, 1, 4)), h.birthDate());
        assertEquals(Optional.of(InsuranceScheme.EMPLOYEE), h.scheme());
        assertEquals(Optional.of("110101"), h.region());
        assertEquals("Cardholder[110***********0017]", h.toString());
    }

    @Test
    void cardholderWithOnlyIdAndName_andIdEndingInX() {
        card.expect(READ_CARDHOLDER, ok(cardholderFile(id("11010519491231002X"), new Tlv(0xC2, "李四".getBytes(GB18030)))));
        Cardholder h = client.readCardholder();
        assertEquals("11010519491231002X", h.idNumber().value());
        assertEquals("李四", h.name());
        assertTrue(h.sex().isEmpty() && h.birthDate().isEmpty() && h.scheme().isEmpty() && h.region().isEmpty());
    }

    @Test
    void cardholderWithoutIdNumber_isUnreadableFault() {
        card.expect(READ_CARDHOLDER, ok(cardholderFile(new Tlv(0xC2, "李四".getBytes(GB18030)))));
        MalformedResponseException e = assertThrows(MalformedResponseException.class, client::readCardholder);
        assertTrue(e.getMessage().contains("C1"));
    }

    @Test
    void cardholderWithoutName_isUnreadableFault() {
        card.expect(READ_CARDHOLDER, ok(cardholderFile(id("110101198001040017"))));
        assertTrue(assertThrows(MalformedResponseException.class, client::readCardholder).getMessage().contains("C2"));
    }

    @Test
    void cardholderWithBadCheckDigit_isUnreadableFault() {
        card.expect(READ_CARDHOLDER, ok(cardholderFile(id("110101198001040018"), new Tlv(0xC2, "李四".getBytes(GB18030)))));
        MalformedResponseException e = assertThrows(MalformedResponseException.class, client::readCardholder);
        assertFalse(e.getMessage().contains("110101198001040018"), "the ID number must not appear in messages");
    }

    @Test
    void cardholderWithInvalidGb18030_isUnreadableFault() {
        card.expect(READ_CARDHOLDER, ok(cardholderFile(id("110101198001040017"), new Tlv(0xC2, Hex.parse("D5")))));
        assertThrows(MalformedResponseException.class, client::readCardholder);
    }

    @Test
    void cardholderTlvGarbage_isTypedTlvFault() {
        card.expect(READ_CARDHOLDER, ok("C1 12 3131 C2"));
        assertThrows(TlvException.class, client::readCardholder);
    }

    @Test
    void cardholderUnknownConstructedTag_isSkippedWithoutLookingInside() {
        card.expect(READ_CARDHOLDER, ok(cardholderFile(new Tlv(0xE1, Hex.parse("C105FFFF")), id("110101198001040017"),
                new Tlv(0xC2, "李四".getBytes(GB18030)))));
        assertEquals("李四", client.readCardholder().name());
    }

    @Test
    void cardholderWithBadSexCode_isMalformed() {
        card.expect(READ_CARDHOLDER, ok(cardholderFile(id("110101198001040017"), new Tlv(0xC2, "李四".getBytes(GB18030)),
                new Tlv(0xC3, Hex.parse("07")))));
        assertThrows(MalformedResponseException.class, client::readCardholder);
    }

    // ------------------------------------------------------------------ SFI 03

    @Test
    void insuranceStatusCancelledByDeath_hasReasonAndDates() {
        card.expect(READ_STATUS, ok("04" + "04" + "20250101" + "20100101" + "000000000000"));
        InsuranceStatus s = client.readInsuranceStatus();
        assertEquals(CardStatusCode.CANCELLED, s.status());
        assertEquals(Optional.of(CancelReason.DEATH), s.cancelReason());
        assertEquals(Optional.of(LocalDate.of(2025, 1, 1)), s.since());
        assertEquals(Optional.of(LocalDate.of(2010, 1, 1)), s.effectiveFrom());
    }

    @Test
    void insuranceStatusNormal_withUnsetSinceDate() {
        card.expect(READ_STATUS, ok("00" + "00" + "00000000" + "20260501" + "000000000000"));
        InsuranceStatus s = client.readInsuranceStatus();
        assertEquals(CardStatusCode.NORMAL, s.status());
        assertTrue(s.cancelReason().isEmpty());
        assertTrue(s.since().isEmpty());
        assertEquals(Optional.of(LocalDate.of(2026, 5, 1)), s.effectiveFrom());
    }

    @ParameterizedTest
    @ValueSource(strings = {"05002025010120100101000000000000", "04002025010120100101000000000000", "0000202501012010010100"})
    void insuranceStatusUnknownCodeOrShort_isMalformed(String sfi03) {
        card.expect(READ_STATUS, ok(sfi03));
        assertThrows(MalformedResponseException.class, client::readInsuranceStatus);
    }

    // ------------------------------------------------------------------ SFI 04

    @Test
    void transactionLog_readsUntil6A83() {
        card.expect("00B2012417", ok("0005" + "000000" + "000004D2" + "06" + "000000123456" + "20261122" + "101502"))
                .expect("00B2022417", ok("0003" + "000000" + "00002710" + "02" + "000000123456" + "20261201" + "080000"))
                .expect("00B2032417", "6A83");
        List<TransactionLogRecord> log = client.readTransactionLog();
        assertEquals(2, log.size());
        TransactionLogRecord newest = log.get(0);
        assertEquals(5, newest.counter());
        assertEquals(1234, newest.amount());
        assertEquals(TransactionType.PURCHASE, newest.type());
        assertEquals(TerminalId.parse("000000123456"), newest.terminalId());
        assertEquals(LocalDateTime.of(2026, 11, 22, 10, 15, 2), newest.dateTime());
        assertEquals(TransactionType.LOAD, log.get(1).type());
    }

    @Test
    void transactionLogFull_stopsAfterTenRecords() {
        for (int n = 1; n <= 10; n++) {
            card.expect(String.format("00B2%02X2417", n), ok(String.format("%04X", 20 - n) + "000000" + "00000064" + "06"
                    + "000000123456" + "20261122" + "101502"));
        }
        assertEquals(10, client.readTransactionLog().size());
    }

    @Test
    void transactionLogRecordOfWrongLength_isMalformed() {
        card.expect("00B2012417", ok("0005000000000004D206000000123456202611221015"));
        assertThrows(MalformedResponseException.class, client::readTransactionLog);
    }

    // ------------------------------------------------------------------ PIN and balance

    @Test
    void verifyPinRight_isOkAndSentAsBcd() {
        card.expect("0020000003 123456", "9000");
        assertInstanceOf(PinResult.Ok.class, client.verifyPin("123456".toCharArray()));
    }

    @Test
    void verifyPinOkWithUnexpectedData_isMalformed() {
        card.expect("0020000003 123456", "01 9000");
        assertThrows(MalformedResponseException.class, () -> client.verifyPin("123456".toCharArray()));
    }

    @Test
    void verifyPinWrong63C2_saysTwoTriesLeft() {
        card.expect("0020000003 000000", "63C2");
        assertEquals(new PinResult.WrongPin(2), client.verifyPin("000000".toCharArray()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"6983", "63C0"})
    void verifyPinBlocked(String sw) {
        card.expect("0020000003 999999", sw);
        assertInstanceOf(PinResult.Blocked.class, client.verifyPin("999999".toCharArray()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345", "1234567", "12345a", ""})
    void verifyPinMalformed_isRejectedBeforeSendingAndNotEchoed(String pin) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> client.verifyPin(pin.toCharArray()));
        assertTrue(pin.isEmpty() || !e.getMessage().contains(pin));
        assertEquals(0, card.commandsSeen());
    }

    @Test
    void getBalance_readsFen() {
        card.expect(GET_BALANCE, ok("00002710"));
        assertEquals(10_000L, client.getBalance());
    }

    @Test
    void getBalanceShortAnswer_isMalformed() {
        card.expect(GET_BALANCE, ok("002710"));
        MalformedResponseException e = assertThrows(MalformedResponseException.class, client::getBalance);
        assertTrue(e.getMessage().contains("GET BALANCE"));
    }

    @Test
    void getBalanceAboveTwoBillion_staysPositive() {
        card.expect(GET_BALANCE, ok("FFFFFFFF"));
        assertEquals(0xFFFF_FFFFL, client.getBalance());
    }
}
