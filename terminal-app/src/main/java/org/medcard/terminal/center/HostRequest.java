package org.medcard.terminal.center;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

import org.medcard.queue.EntryKind;
import org.medcard.queue.PurseRecord;

/**
 * Every request the terminal sends to the center, typed ({@code host-protocol.md}, "Transactions"). {@code A} is the
 * type of the answer's {@code output} as {@link HostCodec#answer} reads it. Only {@link HostCodec} knows the
 * transaction codes and the field names; everything else builds one of these records.
 *
 * <p>Amounts are fen; a {@code purse} of {@code null} means "no card debit" (the field is left out).
 *
 * @param <A> the type of the answer
 */
public sealed interface HostRequest<A> {

    /** {@code 9001}: sign in. */
    record SignIn9001(String opter, String devNo, String mac) implements HostRequest<SignedIn> {
        public SignIn9001 {
            Objects.requireNonNull(opter, "opter");
            Objects.requireNonNull(devNo, "devNo");
        }
    }

    /** {@code 9002}: sign out. */
    record SignOut9002(String signNo) implements HostRequest<Acknowledged> {
        public SignOut9002 {
            Objects.requireNonNull(signNo, "signNo");
        }
    }

    /** {@code 1101}: person info, by card number or (when {@code cardNo} is null) by ID number. */
    record PersonInfo1101(String cardNo, String psnCertNo) implements HostRequest<PersonInfo> {
        public PersonInfo1101 {
            if ((cardNo == null) == (psnCertNo == null)) {
                throw new IllegalArgumentException("1101 asks by card number or by ID number, one of them");
            }
        }
    }

    /** {@code 1301}: catalog changes since a version. */
    record Catalog1301(long sinceVersion) implements HostRequest<Versioned<CatalogItem>> {
    }

    /** {@code 8101}: blacklist changes since a version. */
    record Blacklist8101(long sinceVersion) implements HostRequest<Versioned<BlacklistEntry>> {
    }

    /**
     * {@code 2101}: pharmacy pre-settlement; {@code beneficiaryPsnNo} for family aid (R3), else null. {@code kind}
     * {@code OUTPATIENT} only for a re-settlement's quote of a hospital entry (priced as its 8401 will be); null (left
     * out) for a pharmacy sale.
     */
    record PreSettle2101(String psnNo, String cardNo, String beneficiaryPsnNo, LocalDate serviceDate, List<SaleLine> items,
                         EntryKind kind) implements HostRequest<PreSettlement> {
        public PreSettle2101 {
            Objects.requireNonNull(psnNo, "psnNo");
            Objects.requireNonNull(cardNo, "cardNo");
            Objects.requireNonNull(serviceDate, "serviceDate");
            items = List.copyOf(items);
        }

        /** A pharmacy sale's pre-settlement. */
        public PreSettle2101(String psnNo, String cardNo, String beneficiaryPsnNo, LocalDate serviceDate, List<SaleLine> items) {
            this(psnNo, cardNo, beneficiaryPsnNo, serviceDate, items, null);
        }
    }

    /** {@code 2102}: pharmacy settlement of a pre-settlement; {@code purse} is the card's debit when the account pays. */
    record Settle2102(String presettleId, long accountFen, long cashFen, PurseRecord purse) implements HostRequest<Settled> {
        public Settle2102 {
            requireSettle(presettleId, accountFen, cashFen, purse);
        }

        /** The same settlement with the card's debit record. */
        public Settle2102 withPurse(PurseRecord debit) {
            return new Settle2102(presettleId, accountFen, cashFen, debit);
        }
    }

    /** {@code 2103}: cancels (voids) a settlement. */
    record CancelSettlement2103(String setlId, String reason) implements HostRequest<SettlementCancelled> {
        public CancelSettlement2103 {
            Objects.requireNonNull(setlId, "setlId");
        }
    }

    /**
     * {@code 2201}: outpatient registration; {@code beneficiaryPsnNo} for family aid (R3, as in 2101), else null — the
     * center keeps it with the visit, so its 2206/2207 give the pooling fund nothing.
     */
    record Register2201(String psnNo, String cardNo, String beneficiaryPsnNo, String deptCode, String doctorCode, long regFeeFen)
            implements HostRequest<Registration> {
        public Register2201 {
            Objects.requireNonNull(psnNo, "psnNo");
            Objects.requireNonNull(cardNo, "cardNo");
            Objects.requireNonNull(deptCode, "deptCode");
            requireFen(regFeeFen, "regFeeFen");
        }
    }

    /** {@code 2202}: cancels a registration not yet settled. */
    record CancelRegistration2202(String mdtrtId) implements HostRequest<Acknowledged> {
        public CancelRegistration2202 {
            Objects.requireNonNull(mdtrtId, "mdtrtId");
        }
    }

    /** {@code 2206}: outpatient pre-settlement of a visit (the center puts the fee first). */
    record OutpatientPreSettle2206(String mdtrtId, List<SaleLine> items) implements HostRequest<PreSettlement> {
        public OutpatientPreSettle2206 {
            Objects.requireNonNull(mdtrtId, "mdtrtId");
            items = List.copyOf(items);
        }
    }

    /** {@code 2207}: outpatient settlement, as {@link Settle2102} for a 2206 pre-settlement. */
    record OutpatientSettle2207(String presettleId, long accountFen, long cashFen, PurseRecord purse)
            implements HostRequest<Settled> {
        public OutpatientSettle2207 {
            requireSettle(presettleId, accountFen, cashFen, purse);
        }

        /** The same settlement with the card's debit record. */
        public OutpatientSettle2207 withPurse(PurseRecord debit) {
            return new OutpatientSettle2207(presettleId, accountFen, cashFen, debit);
        }
    }

    /** One record of an {@code 8301} upload: an offline debit with what it paid for. */
    record OfflineRecord(PurseRecord purse, String psnCertNo, List<SaleLine> items, long acctPayFen, long cashPayFen) {
        public OfflineRecord {
            Objects.requireNonNull(purse, "purse");
            Objects.requireNonNull(psnCertNo, "psnCertNo");
            items = List.copyOf(items);
            requireFen(acctPayFen, "acctPayFen");
            requireFen(cashPayFen, "cashPayFen");
        }
    }

    /** {@code 8301}: uploads offline debits (at most 500). */
    record UploadOffline8301(List<OfflineRecord> records) implements HostRequest<UploadResults> {
        public UploadOffline8301 {
            records = List.copyOf(records);
            if (records.size() > 500) {
                throw new IllegalArgumentException("an 8301 batch holds at most 500 records: " + records.size());
            }
        }
    }

    /**
     * {@code 8400}: registers a cash-paid entry (R11). After a partial offline debit {@code acctPaidFen} and
     * {@code offlineMsgid} name what the card already paid; otherwise 0 and null. {@code kind} PHARMACY or OUTPATIENT
     * (null: left out, the center takes PHARMACY).
     */
    record RegisterEntry8400(String entryNo, String fault, String originalTime, String psnCertNo, List<SaleLine> items,
                             long cashPaidFen, long acctPaidFen, String offlineMsgid, EntryKind kind)
            implements HostRequest<EntryRegistered> {
        public RegisterEntry8400 {
            Objects.requireNonNull(entryNo, "entryNo");
            Objects.requireNonNull(fault, "fault");
            Objects.requireNonNull(originalTime, "originalTime");
            Objects.requireNonNull(psnCertNo, "psnCertNo");
            items = List.copyOf(items);
            requireFen(cashPaidFen, "cashPaidFen");
            requireFen(acctPaidFen, "acctPaidFen");
        }

        /** A pharmacy entry (no kind sent). */
        public RegisterEntry8400(String entryNo, String fault, String originalTime, String psnCertNo, List<SaleLine> items,
                                 long cashPaidFen, long acctPaidFen, String offlineMsgid) {
            this(entryNo, fault, originalTime, psnCertNo, items, cashPaidFen, acctPaidFen, offlineMsgid, null);
        }
    }

    /**
     * {@code 8401}: re-settles a cash-paid entry with the patient's card; {@code purse} when the account pays now.
     * After a partial offline debit {@code acctPaidFen} and {@code offlineMsgid} name what the card already paid
     * (as in 8400); otherwise 0 and null. {@code kind} as in 8400 (null: left out, PHARMACY).
     */
    record Resettle8401(String entryNo, String fault, String originalTime, String psnCertNo, String cardNo,
                        List<SaleLine> items, long cashPaidFen, PurseRecord purse, long acctPaidFen, String offlineMsgid,
                        EntryKind kind) implements HostRequest<Resettled> {
        public Resettle8401 {
            Objects.requireNonNull(entryNo, "entryNo");
            Objects.requireNonNull(fault, "fault");
            Objects.requireNonNull(originalTime, "originalTime");
            Objects.requireNonNull(psnCertNo, "psnCertNo");
            Objects.requireNonNull(cardNo, "cardNo");
            items = List.copyOf(items);
            requireFen(cashPaidFen, "cashPaidFen");
            requireFen(acctPaidFen, "acctPaidFen");
        }

        /** An entry paid wholly in cash (no offline debit before it). */
        public Resettle8401(String entryNo, String fault, String originalTime, String psnCertNo, String cardNo,
                            List<SaleLine> items, long cashPaidFen, PurseRecord purse) {
            this(entryNo, fault, originalTime, psnCertNo, cardNo, items, cashPaidFen, purse, 0, null, null);
        }

        /** A pharmacy entry (no kind sent). */
        public Resettle8401(String entryNo, String fault, String originalTime, String psnCertNo, String cardNo,
                            List<SaleLine> items, long cashPaidFen, PurseRecord purse, long acctPaidFen, String offlineMsgid) {
            this(entryNo, fault, originalTime, psnCertNo, cardNo, items, cashPaidFen, purse, acctPaidFen, offlineMsgid, null);
        }

        /** The kind the entry is priced at: PHARMACY when the message names none. */
        public EntryKind kindOrPharmacy() {
            return kind == null ? EntryKind.PHARMACY : kind;
        }

        /** The same re-settlement with the card's debit record. */
        public Resettle8401 withPurse(PurseRecord debit) {
            return new Resettle8401(entryNo, fault, originalTime, psnCertNo, cardNo, items, cashPaidFen, debit, acctPaidFen,
                    offlineMsgid, kind);
        }

        /** The service date the center prices the entry at: the date of {@code originalTime}. */
        public LocalDate serviceDate() {
            return LocalDate.parse(originalTime.substring(0, 10));
        }
    }

    /** {@code 8402}: the institution's re-settlement entries, all (null) or of one ID number. */
    record Entries8402(String psnCertNo) implements HostRequest<List<RegisteredEntry>> {
    }

    /** {@code 8501} listing: a card's pending loads. */
    record PendingLoads8501(String cardNo) implements HostRequest<List<PendingLoad>> {
        public PendingLoads8501 {
            Objects.requireNonNull(cardNo, "cardNo");
        }
    }

    /** {@code 8501} authorizing one load: the card's INITIALIZE FOR LOAD answer, for MAC2 at {@code loadTime}. */
    record AuthorizeLoad8501(String cardNo, String loadId, long oldBalanceFen, int onlineCounter, String cardRandomHex,
                             String mac1Hex, String terminalIdHex, LocalDateTime loadTime)
            implements HostRequest<LoadAuthorization> {
        public AuthorizeLoad8501 {
            Objects.requireNonNull(cardNo, "cardNo");
            Objects.requireNonNull(loadId, "loadId");
            Objects.requireNonNull(loadTime, "loadTime");
            requireFen(oldBalanceFen, "oldBalanceFen");
        }
    }

    /** {@code 8502}: confirms a load with the card's load TAC, or (tac null) as proven by the card's log. */
    record ConfirmLoad8502(String loadId, String cardNo, int onlineCounter, String tac) implements HostRequest<LoadConfirmed> {
        public ConfirmLoad8502 {
            Objects.requireNonNull(loadId, "loadId");
            Objects.requireNonNull(cardNo, "cardNo");
        }
    }

    /** {@code 2601}: reverses the settlement sent as {@code omsgid} with transaction code {@code oinfno}. */
    record Reverse2601(String omsgid, String oinfno) implements HostRequest<Reversal> {
        public Reverse2601 {
            Objects.requireNonNull(omsgid, "omsgid");
            Objects.requireNonNull(oinfno, "oinfno");
        }
    }

    /** {@code 3201}: the day's totals; {@code termNo} (two digits) for this counter only, or null for the institution. */
    record Reconcile3201(LocalDate date, long count, long fundSum, long acctSum, long cashSum, String termNo)
            implements HostRequest<Reconciliation> {
        public Reconcile3201 {
            Objects.requireNonNull(date, "date");
        }
    }

    /** {@code 3202}: the center's settlement records of a day; {@code termNo} as for 3201. */
    record ReconcileDetail3202(LocalDate date, String termNo) implements HostRequest<List<Reconciliation.CenterRecord>> {
        public ReconcileDetail3202 {
            Objects.requireNonNull(date, "date");
        }
    }

    private static void requireSettle(String presettleId, long accountFen, long cashFen, PurseRecord purse) {
        Objects.requireNonNull(presettleId, "presettleId");
        requireFen(accountFen, "accountFen");
        requireFen(cashFen, "cashFen");
        if (purse != null && purse.amount() != accountFen) {
            throw new IllegalArgumentException("the card debit " + purse.amount() + " fen is not the account share "
                    + accountFen + " fen");
        }
    }

    private static void requireFen(long fen, String what) {
        if (fen < 0) {
            throw new IllegalArgumentException(what + " must not be negative: " + fen);
        }
    }
}
