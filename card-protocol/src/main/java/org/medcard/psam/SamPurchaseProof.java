package org.medcard.psam;

/**
 * The PSAM's answer to INIT SAM FOR PURCHASE: the terminal sequence number it used (unsigned 32 bits,
 * never repeated) and MAC1 for DEBIT FOR PURCHASE.
 */
public record SamPurchaseProof(long terminalSeq, byte[] mac1) {

    public SamPurchaseProof {
        Checks.terminalSeq(terminalSeq);
        mac1 = Checks.bytes("MAC1", mac1, 4);
    }

    @Override
    public byte[] mac1() {
        return mac1.clone();
    }
}
