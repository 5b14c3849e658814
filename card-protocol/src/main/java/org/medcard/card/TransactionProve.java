package org.medcard.card;

/** The answer to GET TRANSACTION PROVE: did the purchase with that offline counter happen? */
public sealed interface TransactionProve permits TransactionProve.Debited, TransactionProve.NotDebited {

    /** The card debited: here are its MAC2 and TAC (the card sends MAC2 first). */
    record Debited(byte[] mac2, byte[] tac) implements TransactionProve {
        public Debited {
            if (mac2 == null || mac2.length != 4 || tac == null || tac.length != 4) {
                throw new IllegalArgumentException("MAC2 and TAC are 4 bytes each");
            }
            mac2 = mac2.clone();
            tac = tac.clone();
        }

        @Override
        public byte[] mac2() {
            return mac2.clone();
        }

        @Override
        public byte[] tac() {
            return tac.clone();
        }
    }

    /** {@code 9406}: no purchase with that counter; the debit did not happen and may be retried. */
    record NotDebited() implements TransactionProve {
    }
}
