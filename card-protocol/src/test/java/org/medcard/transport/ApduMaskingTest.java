package org.medcard.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.medcard.apdu.CommandApdu;
import org.medcard.apdu.Hex;
import org.medcard.apdu.ResponseApdu;

class ApduMaskingTest {

    private static CommandApdu cmd(String hex) {
        return CommandApdu.parse(Hex.parse(hex));
    }

    private static ResponseApdu rsp(String hex) {
        return ResponseApdu.parse(Hex.parse(hex));
    }

    @Test
    void verifyPin_hidesAllPinDigits() {
        assertEquals("0020000003******", ApduMasking.command(cmd("0020000003123456")));
    }

    @Test
    void select_isShownInFull() {
        String select = "00A4040009F04D45444341524401" + "00";
        assertEquals(select, ApduMasking.command(cmd(select)));
        assertEquals("6F0A9000", ApduMasking.response(cmd(select), rsp("6F0A9000")));
    }

    @Test
    void initializeForPurchase_isShownInFull() {
        String init = "805001020B01000003E8112233445566" + "0F";
        String answer = "000027100005000000010212345678" + "9000";
        assertEquals(init, ApduMasking.command(cmd(init)));
        assertEquals(answer, ApduMasking.response(cmd(init), rsp(answer)));
    }

    @Test
    void debitForPurchase_hidesMac1_andTacMac2InAnswer() {
        String debit = "805401000F" + "00000001" + "20260315" + "101530" + "A1B2C3D4" + "08";
        assertEquals("805401000F" + "00000001" + "20260315" + "101530" + "********" + "08",
                ApduMasking.command(cmd(debit)));
        assertEquals("****************9000", ApduMasking.response(cmd(debit), rsp("11223344556677889000")));
    }

    @Test
    void getTransactionProve_hidesMac2AndTac_butNotTheCounter() {
        CommandApdu prove = cmd("805A000602000508");
        assertEquals("805A000602000508", ApduMasking.command(prove));
        assertEquals("****************9000", ApduMasking.response(prove, rsp("11223344556677889000")));
        assertEquals("9406", ApduMasking.response(prove, rsp("9406")));
    }

    @Test
    void initializeForLoad_hidesMac1InAnswer() {
        CommandApdu init = cmd("805000020B01000003E811223344556610");
        assertEquals("0000271000070102AABBCCDD********9000",
                ApduMasking.response(init, rsp("0000271000070102AABBCCDD112233449000")));
    }

    @Test
    void creditForLoad_hidesMac2_andTacInAnswer() {
        CommandApdu credit = cmd("805200000B" + "20260315" + "101530" + "A1B2C3D4" + "04");
        assertEquals("805200000B" + "20260315" + "101530" + "********" + "04", ApduMasking.command(credit));
        assertEquals("********9000", ApduMasking.response(credit, rsp("112233449000")));
    }

    @Test
    void applicationBlock_hidesMac() {
        assertEquals("841E000104********", ApduMasking.command(cmd("841E000104A1B2C3D4")));
    }

    @Test
    void psamCommands_hideMacs_andTheCardNumberInTheDiversificationData() {
        String initSam = "807000001C" + "12345678" + "0005" + "000003E8" + "06" + "20260315" + "101530" + "01" + "02"
                + "0000000123450017" + "08";
        assertEquals("807000001C" + "12345678" + "0005" + "000003E8" + "06" + "20260315" + "101530" + "01" + "02"
                + "************0017" + "08", ApduMasking.command(cmd(initSam)));
        assertEquals("00000009********9000", ApduMasking.response(cmd(initSam), rsp("00000009A1B2C3D49000")));

        assertEquals("8072000004********", ApduMasking.command(cmd("8072000004A1B2C3D4")));

        // card-application.md says Lc 1F, but its fields add up to 34 (22 hex); the mask does not depend on Lc.
        String verifyTac = "807A000022" + "0000000123450017" + "000003E8" + "06" + "112233445566" + "00000009"
                + "20260315" + "101530" + "A1B2C3D4";
        assertEquals("807A000022" + "************0017" + "000003E8" + "06" + "112233445566" + "00000009"
                + "20260315" + "101530" + "********", ApduMasking.command(cmd(verifyTac)));

        CommandApdu macForBlock = cmd("807C000110" + "0000000123450017" + "1122334455667788" + "04");
        assertEquals("807C000110" + "************0017" + "1122334455667788" + "04", ApduMasking.command(macForBlock));
        assertEquals("********9000", ApduMasking.response(macForBlock, rsp("A1B2C3D49000")));
    }

    @Test
    void cardInformation_keepsFirst3AndLast4DigitsOfTheCardNumber() {
        String cardNo = "11010000000123450017";
        String rest = "110100" + "01" + "01" + "20200101" + "20301231" + "01" + "0000000000000000";
        String masked = ApduMasking.response(cmd("00B0810020"), rsp(cardNo + rest + "9000"));
        assertEquals("110*************0017" + rest + "9000", masked);
        assertFalse(masked.contains("0000000123450017"));
    }

    @Test
    void cardholder_idNumberInTagC1_keepsFirst3AndLast4Characters() {
        byte[] id = "11010519491231002X".getBytes(StandardCharsets.US_ASCII);
        String tlv = "C112" + Hex.of(id) + "C204" + "D5C5C8FD" + "C30101";
        String masked = ApduMasking.response(cmd("00B0820080"), rsp(tlv + "0000" + "9000"));
        assertEquals("C112" + Hex.of(id, 0, 3) + "*".repeat(22) + Hex.of(id, 14, 18) + "C204D5C5C8FDC301**" + "0000" + "9000",
                masked);
    }

    /** Issue 18 case 7: the birth date and the masked ID's ends rebuilt the whole ID number. */
    @Test
    void cardholder_onlyWhatTheCashierSeesIsShown_birthDateSexAndUnknownTagsAreHidden() {
        byte[] id = "110101197805210017".getBytes(StandardCharsets.US_ASCII);
        String tlv = "C112" + Hex.of(id) + "C204" + "D5C5C8FD" + "C30101" + "C40419780521" + "C50101" + "C603110101"
                + "DF0102ABCD";
        String masked = ApduMasking.response(cmd("00B0820080"), rsp(tlv + "000000" + "9000"));
        assertEquals("C112" + Hex.of(id, 0, 3) + "*".repeat(22) + Hex.of(id, 14, 18) + "C204D5C5C8FD" + "C301**"
                + "C404********" + "C50101" + "C603110101" + "DF0102****" + "000000" + "9000", masked);
        assertFalse(masked.contains("19780521"), masked);
    }

    @Test
    void cardholder_thatDoesNotParse_isHiddenFromTheBadTagOn() {
        String masked = ApduMasking.response(cmd("00B0820080"), rsp("C20141" + "C4FF19780521" + "9000"));
        assertEquals("C20141" + "*".repeat(12) + "9000", masked);
        String fromOffset = ApduMasking.response(cmd("00B0820410"), rsp("C40419780521" + "9000"));
        assertEquals("*".repeat(12) + "9000", fromOffset);
    }

    @Test
    void idNumber_isMaskedWhereverItAppears_evenInUnknownCommands() {
        byte[] id = "110105194912310017".getBytes(StandardCharsets.US_ASCII);
        String masked = ApduMasking.response(cmd("80CA000000"), rsp("AA" + Hex.of(id) + "BB9000"));
        assertEquals("AA" + Hex.of(id, 0, 3) + "*".repeat(22) + Hex.of(id, 14, 18) + "BB9000", masked);
    }

    @Test
    void shortDigitRuns_areNotMasked() {
        byte[] date = "20260315".getBytes(StandardCharsets.US_ASCII);
        assertEquals(Hex.of(date) + "9000", ApduMasking.response(cmd("80CA000000"), rsp(Hex.of(date) + "9000")));
    }

    @Test
    void getResponsePieceOfASecretAnswer_isHiddenWhole() {
        assertEquals("********9000", ApduMasking.continuation(cmd("805A000602000508"), rsp("112233449000")));
        assertEquals("000027109000", ApduMasking.continuation(cmd("805C000204"), rsp("000027109000")));
    }
}
