package org.medcard.terminal.center;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.Supplier;

import org.medcard.queue.EncodedMessage;
import org.medcard.queue.forward.CenterLink;

/**
 * The center's query transactions, sent at once: person info ({@code 1101}), catalog ({@code 1301}), blacklist
 * ({@code 8101}), pre-settlements ({@code 2101}, {@code 2206}), registration ({@code 2201}, {@code 2202}), the
 * institution's entries ({@code 8402}), loads ({@code 8501}), reconciliation ({@code 3201}, {@code 3202}). None
 * of them settles money, so each call takes a fresh {@code msgid}; settlements go through the offline queue's outbox
 * instead. Requests are encoded and answers read by {@link HostCodec}.
 *
 * <p>Throws {@link CenterUnreachable} when there is no usable answer (a fault, R11; {@link MalformedAnswer} when the
 * answer cannot be read) and {@link CenterRefusal} when the center says no.
 */
public final class HostApi {

    private final CenterLink link;
    private final Supplier<String> msgids;
    private final HostCodec codec;

    /**
     * @param msgids the terminal's msgid source (shared with the queue, so no two messages ever share one)
     */
    public HostApi(CenterLink link, Supplier<String> msgids) {
        this(link, msgids, new HostCodec());
    }

    public HostApi(CenterLink link, Supplier<String> msgids, HostCodec codec) {
        this.link = link;
        this.msgids = msgids;
        this.codec = codec;
    }

    /** Sends any request now with a fresh msgid and reads its answer. */
    public <A> A call(HostRequest<A> request) {
        EncodedMessage m = codec.encode(request);
        return codec.read(request, link.send(m, msgids.get()));
    }

    /** {@code 1101} by card number. */
    public PersonInfo personInfo(String cardNo) {
        return call(new HostRequest.PersonInfo1101(cardNo, null));
    }

    /** {@code 1301}: catalog items changed since {@code sinceVersion}, and the new version. */
    public Versioned<CatalogItem> catalog(long sinceVersion) {
        return call(new HostRequest.Catalog1301(sinceVersion));
    }

    /** {@code 8101}: blacklist entries changed since {@code sinceVersion}; removals have status NORMAL. */
    public Versioned<BlacklistEntry> blacklist(long sinceVersion) {
        return call(new HostRequest.Blacklist8101(sinceVersion));
    }

    /** {@code 2101}: the split the center proposes for these items. */
    public PreSettlement preSettle(String psnNo, String cardNo, String beneficiaryPsnNo, LocalDate serviceDate, List<SaleLine> lines) {
        return call(new HostRequest.PreSettle2101(psnNo, cardNo, beneficiaryPsnNo, serviceDate, lines));
    }

    /** {@code 2201}: registers an outpatient visit; the answer carries the visit id and the fee's split. */
    public Registration register(String psnNo, String cardNo, String deptCode, String doctorCode, long regFeeFen) {
        return register(psnNo, cardNo, null, deptCode, doctorCode, regFeeFen);
    }

    /**
     * {@code 2201} for a family member (R3, {@code beneficiary_psn_no} as in 2101; null: the cardholder): the center
     * keeps the beneficiary with the visit, so its 2206/2207 give the pooling fund nothing.
     */
    public Registration register(String psnNo, String cardNo, String beneficiaryPsnNo, String deptCode, String doctorCode,
                                 long regFeeFen) {
        return call(new HostRequest.Register2201(psnNo, cardNo, beneficiaryPsnNo, deptCode, doctorCode, regFeeFen));
    }

    /** {@code 2202}: cancels a registered visit that was not settled. */
    public void cancelRegistration(String mdtrtId) {
        call(new HostRequest.CancelRegistration2202(mdtrtId));
    }

    /** {@code 2206}: the split of a visit; the center puts the registration fee first, then these lines (may be none). */
    public PreSettlement outpatientPreSettle(String mdtrtId, List<SaleLine> lines) {
        return call(new HostRequest.OutpatientPreSettle2206(mdtrtId, lines));
    }

    /** {@code 8402}: the institution's re-settlement entries, all or for one ID number (R11 case 3). */
    public List<RegisteredEntry> resettlementEntries(String psnCertNo) {
        return call(new HostRequest.Entries8402(psnCertNo));
    }

    /** {@code 8501} listing: the card's pending loads (R15 contributions, R2 refunds), oldest month first. */
    public List<PendingLoad> pendingLoads(String cardNo) {
        return call(new HostRequest.PendingLoads8501(cardNo));
    }

    /**
     * {@code 8501} authorizing one load: the card's INITIALIZE FOR LOAD answer goes to the center, which checks
     * MAC1 and answers MAC2 (hex) for CREDIT FOR LOAD at {@code loadTime}.
     */
    public String authorizeLoad(String cardNo, String loadId, long oldBalanceFen, int onlineCounter, String cardRandomHex,
                                String mac1Hex, String terminalIdHex, LocalDateTime loadTime) {
        return call(new HostRequest.AuthorizeLoad8501(cardNo, loadId, oldBalanceFen, onlineCounter, cardRandomHex, mac1Hex,
                terminalIdHex, loadTime)).mac2Hex();
    }

    /**
     * {@code 3201}: the day's totals as the terminal counts them. A MISMATCH is an answer, not a refusal: the
     * center's own totals come back either way ({@code infcode} 3001 carries them in its output).
     */
    public Reconciliation reconcile(LocalDate date, long count, long fundSum, long acctSum, long cashSum) {
        return reconcile(date, count, fundSum, acctSum, cashSum, null);
    }

    /** {@code 3201} for one counter ({@code termNo}, two digits) or, with null, the whole institution. */
    public Reconciliation reconcile(LocalDate date, long count, long fundSum, long acctSum, long cashSum, String termNo) {
        return call(new HostRequest.Reconcile3201(date, count, fundSum, acctSum, cashSum, termNo));
    }

    /** {@code 3202}: the center's settlement records of the day. */
    public List<Reconciliation.CenterRecord> reconcileDetail(LocalDate date) {
        return reconcileDetail(date, null);
    }

    /** {@code 3202} for one counter ({@code termNo}) or, with null, the whole institution. */
    public List<Reconciliation.CenterRecord> reconcileDetail(LocalDate date, String termNo) {
        return call(new HostRequest.ReconcileDetail3202(date, termNo));
    }
}
