package org.medcard.psam;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

import org.medcard.apdu.Bcd;
import org.medcard.apdu.CardRefusal;
import org.medcard.apdu.CommandApdu;
import org.medcard.apdu.Hex;
import org.medcard.apdu.MalformedResponseException;
import org.medcard.apdu.ResponseApdu;
import org.medcard.crypto.Algorithm;
import org.medcard.crypto.PurseCrypto;
import org.medcard.transport.CardTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PSAM card in a reader slot, spoken to with the APDUs of {@code card-application.md} ("The PSAM").
 * {@link #open(CardTransport)} selects the PSAM application and reads the terminal id once; the other
 * methods send one command each.
 *
 * <p>The transport should be wrapped in the GET RESPONSE / {@code 6CXX} decorator for T=0 readers.
 * Use from the reader's thread only (see {@link Psam}).
 */
public final class PsamClient implements Psam {

    /** The PSAM application: "MEDCARD" + {@code 50}. */
    public static final byte[] AID = Hex.parse("F04D45444341524450");

    private static final Logger LOG = LoggerFactory.getLogger(PsamClient.class);

    private final CardTransport transport;
    private final TerminalId terminalId;

    private PsamClient(CardTransport transport, TerminalId terminalId) {
        this.transport = transport;
        this.terminalId = terminalId;
    }

    /** SELECT the PSAM application and READ BINARY its terminal id (SFI 16). */
    public static PsamClient open(CardTransport transport) {
        CardRefusal.check(transport.transmit(new CommandApdu(0x00, 0xA4, 0x04, 0x00, AID, 256)), "SELECT PSAM");
        ResponseApdu r = CardRefusal.check(transport.transmit(new CommandApdu(0x00, 0xB0, 0x96, 0x00, TerminalId.LENGTH)),
                "READ BINARY PSAM terminal id");
        TerminalId id = new TerminalId(exactly(r, TerminalId.LENGTH, "READ BINARY PSAM terminal id", transport));
        LOG.info("PSAM in {} serves terminal {}", transport.name(), id);
        return new PsamClient(transport, id);
    }

    @Override
    public TerminalId terminalId() {
        return terminalId;
    }

    @Override
    public SamPurchaseProof initSamForPurchase(SamPurchaseRequest q) {
        byte[] data = concat(q.cardRandom(), PurseCrypto.u16(q.offlineCounter()), PurseCrypto.u32(q.amount()),
                new byte[] {PurseCrypto.TYPE_PURCHASE}, Bcd.date(q.dateTime().toLocalDate()), Bcd.time(q.dateTime().toLocalTime()),
                new byte[] {(byte) q.keyVersion(), (byte) q.algorithm().code()}, q.diversification());
        ResponseApdu r = CardRefusal.check(transport.transmit(new CommandApdu(0x80, 0x70, 0x00, 0x00, data, 8)),
                "INIT SAM FOR PURCHASE");
        byte[] answer = exactly(r, 8, "INIT SAM FOR PURCHASE", transport);
        long seq = ((answer[0] & 0xFFL) << 24) | ((answer[1] & 0xFF) << 16) | ((answer[2] & 0xFF) << 8) | (answer[3] & 0xFF);
        return new SamPurchaseProof(seq, Arrays.copyOfRange(answer, 4, 8));
    }

    @Override
    public boolean creditSamForPurchase(byte[] mac2) {
        ResponseApdu r = CardRefusal.check(transport.transmit(new CommandApdu(0x80, 0x72, 0x00, 0x00,
                Checks.bytes("MAC2", mac2, 4))), "CREDIT SAM FOR PURCHASE", 0x9000, 0x9302);
        exactly(r, 0, "CREDIT SAM FOR PURCHASE", transport);
        return r.isSuccess();
    }

    @Override
    public boolean verifyTac(TacCheck c) {
        // The spec's table gives Lc 1F, but its fields add up to 0x22 bytes; we send every field it lists.
        byte[] data = concat(c.diversification(), PurseCrypto.u32(c.amount()), new byte[] {PurseCrypto.TYPE_PURCHASE},
                c.terminalId().bytes(), PurseCrypto.u32(c.terminalSeq()), Bcd.date(c.dateTime().toLocalDate()),
                Bcd.time(c.dateTime().toLocalTime()), c.tac());
        // The command's data names no algorithm; P1 carries the card's algorithm code (docs/decisions.md).
        ResponseApdu r = CardRefusal.check(transport.transmit(new CommandApdu(0x80, 0x7A, c.algorithm().code(), 0x00, data)),
                "VERIFY TAC", 0x9000, 0x9302);
        exactly(r, 0, "VERIFY TAC", transport);
        return r.isSuccess();
    }

    @Override
    public byte[] macForApplicationBlock(Algorithm algorithm, int keyVersion, byte[] diversification, byte[] challenge, int p2) {
        byte[] data = concat(Checks.bytes("diversification data", diversification, 8), Checks.bytes("challenge", challenge, 8));
        // As for VERIFY TAC, P1 carries the card's algorithm code (docs/decisions.md).
        ResponseApdu r = CardRefusal.check(transport.transmit(new CommandApdu(0x80, 0x7C, algorithm.code(), p2, data, 4)),
                "MAC FOR APPLICATION BLOCK");
        return exactly(r, 4, "MAC FOR APPLICATION BLOCK", transport);
    }

    private static byte[] exactly(ResponseApdu r, int length, String what, CardTransport transport) {
        byte[] data = r.data();
        if (data.length != length) {
            throw new MalformedResponseException(what + " on " + transport.name() + " answered " + data.length
                    + " bytes, expected " + length);
        }
        return data;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    @Override
    public String toString() {
        return "PsamClient[" + transport.name() + ", terminal " + terminalId + "]";
    }
}
