package org.medcard.psam;

import org.medcard.apdu.Bcd;
import org.medcard.apdu.CardRefusal;
import org.medcard.apdu.StatusWord;
import org.medcard.crypto.Algorithm;
import org.medcard.crypto.PurseCrypto;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PSAM in software: the same answers as a PSAM card, computed with {@link PurseCrypto} from the keys of
 * a {@link SoftPsamKeys} file. For development, the simulator and training only — {@link #isSoftware()}
 * is true so the terminal shows TRAINING MODE on screen and on every receipt.
 *
 * <p>It behaves like the card where the card would refuse: an unknown key version or algorithm is a
 * {@code 9403} refusal, CREDIT SAM FOR PURCHASE without a session a {@code 6985} refusal. The terminal
 * sequence comes from a {@link SequenceStore}, persisted before it is used. Not thread-safe (one purchase
 * session at a time); use it from the reader's thread.
 */
public final class SoftPsam implements Psam {

    private static final Logger LOG = LoggerFactory.getLogger(SoftPsam.class);

    private final SoftPsamKeys keys;
    private final SequenceStore sequence;

    /** The purchase between INIT SAM and CREDIT SAM: MAC2 is checked against this. */
    private byte[] expectedMac2;

    public SoftPsam(SoftPsamKeys keys, SequenceStore sequence) {
        this.keys = keys;
        this.sequence = sequence;
        LOG.warn("Software PSAM for terminal {}: TRAINING MODE, not for real sales", keys.terminalId());
    }

    @Override
    public TerminalId terminalId() {
        return keys.terminalId();
    }

    @Override
    public boolean isSoftware() {
        return true;
    }

    @Override
    public SamPurchaseProof initSamForPurchase(SamPurchaseRequest q) {
        SoftPsamKeys.KeySet k = keySet(q.keyVersion(), q.algorithm(), "INIT SAM FOR PURCHASE");
        expectedMac2 = null;
        byte[] dpk = PurseCrypto.diversify(q.algorithm(), k.mpk(), q.diversification());
        long seq = sequence.reserveNext();
        byte[] seqBytes = PurseCrypto.u32(seq);
        byte[] sk = PurseCrypto.purchaseSessionKey(q.algorithm(), dpk, q.cardRandom(), q.offlineCounter(), seqBytes);
        byte[] mac1 = PurseCrypto.purchaseMac1(q.algorithm(), sk, q.amount(), terminalId().bytes(),
                Bcd.date(q.dateTime().toLocalDate()), Bcd.time(q.dateTime().toLocalTime()));
        expectedMac2 = PurseCrypto.purchaseMac2(q.algorithm(), sk, q.amount());
        return new SamPurchaseProof(seq, mac1);
    }

    @Override
    public boolean creditSamForPurchase(byte[] mac2) {
        byte[] given = Checks.bytes("MAC2", mac2, 4);
        if (expectedMac2 == null) {
            throw new CardRefusal("CREDIT SAM FOR PURCHASE", StatusWord.CONDITIONS_NOT_SATISFIED);
        }
        boolean ok = PurseCrypto.macEquals(expectedMac2, given);
        expectedMac2 = null;
        return ok;
    }

    @Override
    public boolean verifyTac(TacCheck c) {
        SoftPsamKeys.KeySet k = keySet(c.keyVersion(), c.algorithm(), "VERIFY TAC");
        byte[] dtk = PurseCrypto.diversify(c.algorithm(), k.mtk(), c.diversification());
        byte[] tac = PurseCrypto.purchaseTac(c.algorithm(), dtk, c.amount(), c.terminalId().bytes(),
                PurseCrypto.u32(c.terminalSeq()), Bcd.date(c.dateTime().toLocalDate()), Bcd.time(c.dateTime().toLocalTime()));
        return PurseCrypto.macEquals(tac, c.tac());
    }

    @Override
    public byte[] macForApplicationBlock(Algorithm algorithm, int keyVersion, byte[] diversification, byte[] challenge, int p2) {
        if (p2 != 0x00 && p2 != 0x01) {
            throw new CardRefusal("MAC FOR APPLICATION BLOCK", StatusWord.WRONG_P1P2);
        }
        SoftPsamKeys.KeySet k = keySet(keyVersion, algorithm, "MAC FOR APPLICATION BLOCK");
        byte[] damk = PurseCrypto.diversify(algorithm, k.mamk(), Checks.bytes("diversification data", diversification, 8));
        return PurseCrypto.applicationBlockMac(algorithm, damk, Checks.bytes("challenge", challenge, 8), p2);
    }

    private SoftPsamKeys.KeySet keySet(int keyVersion, Algorithm algorithm, String command) {
        return keys.keys(keyVersion, algorithm)
                .orElseThrow(() -> new CardRefusal(command + " (key version " + keyVersion + ", " + algorithm + ")",
                        StatusWord.KEY_INDEX_NOT_SUPPORTED));
    }

    @Override
    public String toString() {
        return "SoftPsam[terminal " + terminalId() + ", TRAINING]";
    }
}
