package org.medcard.queue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Objects;
import org.medcard.card.IdNumber;

/**
 * What the terminal is about to do, written to the journal before the card is debited.
 *
 * @param mode             online (settled at once), offline (uploaded in 8301 later) or the account share of a
 *                         re-settlement (8401, R11 case 3)
 * @param cardNo           the card's application serial number, 20 hex digits
 * @param psnCertNo        the insured person's ID number (needed for 8301 records; may be null online)
 * @param cardCounter      the card's offline counter returned by INITIALIZE FOR PURCHASE (before the debit)
 * @param acctPayFen       the personal-account share to debit from the card, fen, &gt; 0
 * @param cashPayFen       the cash share, fen
 * @param itemsJson        the sale's items, a JSON array
 * @param settleTransaction      online: the settle transaction (a sale's settlement); re-settlement: the entry's
 *                         settlement, or null for the queue's {@link WireFormat} to name it. The queue's wire
 *                         format checks it when the sale begins.
 * @param settleInputJson  online and re-settlement: its input without the purse record (a JSON object; for 8401
 *                         the one {@link OfflineQueue#resettleInput} builds, with the {@code entry_no})
 * @param terminalSeq      the terminal transaction sequence the PSAM took for this debit (INIT SAM FOR
 *                         PURCHASE), or null to let the journal number it (tools and tests without a PSAM)
 * @param txTime           the date and time sent to the card in DEBIT FOR PURCHASE, {@code yyyy-MM-dd HH:mm:ss},
 *                         or null for the journal's clock
 */
public record SaleIntent(SaleMode mode, String cardNo, String psnCertNo, int cardCounter, long acctPayFen,
                         long cashPayFen, String itemsJson, String settleTransaction, String settleInputJson,
                         Long terminalSeq, String txTime) {
    private static final ObjectMapper CHECKER = new ObjectMapper();

    public SaleIntent {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(cardNo, "cardNo");
        if (!cardNo.matches("[0-9A-Fa-f]{20}")) {
            throw new IllegalArgumentException("card number must be 20 hex digits");
        }
        if (cardCounter < 0 || cardCounter > 0xFFFF) {
            throw new IllegalArgumentException("card counter must be 0..65535: " + cardCounter);
        }
        if (acctPayFen <= 0 || cashPayFen < 0) {
            throw new IllegalArgumentException("acctPay must be > 0 and cashPay >= 0 fen");
        }
        Json.require(CHECKER, itemsJson, true, "items");
        if (psnCertNo != null) {
            IdNumber.requireValid(psnCertNo);
        }
        if (mode == SaleMode.OFFLINE && psnCertNo == null) {
            throw new IllegalArgumentException("an offline sale needs the ID number for its 8301 record");
        }
        if (mode == SaleMode.ONLINE) {
            if (settleTransaction == null || settleTransaction.isBlank()) {
                throw new IllegalArgumentException("an online sale needs its settle transaction");
            }
            Json.require(CHECKER, settleInputJson, false, "settle input");
        }
        if (mode == SaleMode.RESETTLE) {
            requireResettle(psnCertNo, settleTransaction, settleInputJson);
        }
        if (terminalSeq != null && (terminalSeq < 0 || terminalSeq > 0xFFFF_FFFFL)) {
            throw new IllegalArgumentException("terminal sequence must fit 4 bytes: " + terminalSeq);
        }
        if (txTime != null) {
            LocalTimes.DATE_TIME.parse(txTime);
        }
    }

    private static void requireResettle(String psnCertNo, String settleTransaction, String settleInputJson) {
        if (settleTransaction != null && settleTransaction.isBlank()) {
            throw new IllegalArgumentException("a re-settlement's settle transaction is blank");
        }
        if (psnCertNo == null) {
            throw new IllegalArgumentException("a re-settlement needs the entry's ID number");
        }
        Json.require(CHECKER, settleInputJson, false, "settle input");
        if (entryNoOf(settleInputJson) == null) {
            throw new IllegalArgumentException("the entry's settlement input needs its entry_no");
        }
    }

    /** The re-settlement entry this intent pays into (RESETTLE mode), from the 8401 input; null otherwise. */
    public String entryNo() {
        return mode == SaleMode.RESETTLE ? entryNoOf(settleInputJson) : null;
    }

    private static String entryNoOf(String settleInputJson) {
        try {
            String e = CHECKER.readTree(settleInputJson).path("entry_no").asText("");
            return e.isBlank() ? null : e;
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("settle input is not JSON", e);
        }
    }

    /**
     * R11 case 3: the returning patient's account share of re-settlement entry {@code settleInputJson.entry_no},
     * debited from the card and settled by the entry's settlement the journal queues with the TAC (its transaction
     * named by the queue's {@link WireFormat}).
     */
    public static SaleIntent resettle(String cardNo, String psnCertNo, int cardCounter, long acctPayFen,
                                      long cashPayFen, String itemsJson, String settleInputJson) {
        return new SaleIntent(SaleMode.RESETTLE, cardNo, psnCertNo, cardCounter, acctPayFen, cashPayFen, itemsJson,
                null, settleInputJson);
    }

    /** An online sale settled by {@code settlement} (encoded by the terminal's codec, without the purse record). */
    public static SaleIntent online(String cardNo, String psnCertNo, int cardCounter, long acctPayFen, long cashPayFen,
                                    String itemsJson, EncodedMessage settlement) {
        return new SaleIntent(SaleMode.ONLINE, cardNo, psnCertNo, cardCounter, acctPayFen, cashPayFen, itemsJson,
                settlement.transaction(), settlement.input());
    }

    /** R11 case 3 as {@link #resettle(String, String, int, long, long, String, String)}, with the entry's encoded settlement. */
    public static SaleIntent resettle(String cardNo, String psnCertNo, int cardCounter, long acctPayFen,
                                      long cashPayFen, String itemsJson, EncodedMessage settlement) {
        return new SaleIntent(SaleMode.RESETTLE, cardNo, psnCertNo, cardCounter, acctPayFen, cashPayFen, itemsJson,
                settlement.transaction(), settlement.input());
    }

    /** Without the PSAM's sequence and time: the journal numbers the debit itself. */
    public SaleIntent(SaleMode mode, String cardNo, String psnCertNo, int cardCounter, long acctPayFen,
                      long cashPayFen, String itemsJson, String settleTransaction, String settleInputJson) {
        this(mode, cardNo, psnCertNo, cardCounter, acctPayFen, cashPayFen, itemsJson, settleTransaction, settleInputJson,
                null, null);
    }

    /**
     * The same intent with the terminal sequence the PSAM took and the time sent to the card: the journal
     * then records exactly what DEBIT FOR PURCHASE carries, so the TAC verifies at the center.
     */
    public SaleIntent withCardDebit(long psamTerminalSeq, String debitTime) {
        return new SaleIntent(mode, cardNo, psnCertNo, cardCounter, acctPayFen, cashPayFen, itemsJson, settleTransaction,
                settleInputJson, psamTerminalSeq, debitTime);
    }

    /** The same intent settled by {@code transaction}. */
    SaleIntent withSettleTransaction(String transaction) {
        return new SaleIntent(mode, cardNo, psnCertNo, cardCounter, acctPayFen, cashPayFen, itemsJson, transaction,
                settleInputJson, terminalSeq, txTime);
    }

    /** An offline (R11 case 1) sale. */
    public static SaleIntent offline(String cardNo, String psnCertNo, int cardCounter, long acctPayFen,
                                     long cashPayFen, String itemsJson) {
        return new SaleIntent(SaleMode.OFFLINE, cardNo, psnCertNo, cardCounter, acctPayFen, cashPayFen,
                itemsJson, null, null);
    }
}
