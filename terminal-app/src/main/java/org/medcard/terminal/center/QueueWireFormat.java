package org.medcard.terminal.center;

import java.util.ArrayList;
import java.util.List;

import org.medcard.queue.EncodedMessage;
import org.medcard.queue.EntryKind;
import org.medcard.queue.OutboxMessage;
import org.medcard.queue.ResettlementEntry;
import org.medcard.queue.WireFormat;
import org.medcard.terminal.center.HostRequest.OfflineRecord;
import org.medcard.terminal.center.HostRequest.OutpatientSettle2207;
import org.medcard.terminal.center.HostRequest.RegisterEntry8400;
import org.medcard.terminal.center.HostRequest.Resettle8401;
import org.medcard.terminal.center.HostRequest.Reverse2601;
import org.medcard.terminal.center.HostRequest.Settle2102;
import org.medcard.terminal.center.HostRequest.UploadOffline8301;

/**
 * The offline queue's view of the host protocol, built on {@link HostCodec}: the queue stores and forwards encoded
 * messages without reading them, and asks this class what it must build itself (the {@code 8301} upload of offline
 * debits, an entry's {@code 8400}/{@code 8401}, a {@code 2601} reversal) and what an answer changes in its tables.
 * Registered as the queue's installed {@link WireFormat} ({@code META-INF/services}).
 */
public final class QueueWireFormat implements WireFormat {
    private final HostCodec codec;

    /** For {@link java.util.ServiceLoader}. */
    public QueueWireFormat() {
        this(new HostCodec());
    }

    public QueueWireFormat(HostCodec codec) {
        this.codec = codec;
    }

    @Override
    public Role roleOf(String transaction) {
        switch (transaction) {
            case "2102":
            case "2207":
                return Role.SALE_SETTLEMENT;
            case "8301":
                return Role.OFFLINE_UPLOAD;
            case "8400":
                return Role.ENTRY_REGISTRATION;
            case "8401":
                return Role.ENTRY_SETTLEMENT;
            case "2601":
                return Role.REVERSAL;
            default:
                return Role.OTHER;
        }
    }

    @Override
    public String transactionOf(Role role) {
        if (role == Role.ENTRY_SETTLEMENT) {
            return "8401";
        }
        throw new IllegalArgumentException("the queue does not name the transaction of a " + role);
    }

    @Override
    public EncodedMessage offlineUpload(List<String> records) {
        List<OfflineRecord> decoded = new ArrayList<>();
        for (String r : records) {
            // Each record is the 8301 record the journal wrote; read through the codec so only it knows the fields.
            UploadOffline8301 one = (UploadOffline8301) codec.decode(new EncodedMessage("8301", "{\"records\":[" + r + "]}"));
            decoded.addAll(one.records());
        }
        return codec.encode(new UploadOffline8301(decoded));
    }

    @Override
    public EncodedMessage entryRegistration(ResettlementEntry e) {
        return codec.encode(new RegisterEntry8400(e.entryNo(), e.fault().name(), e.originalTime(), e.psnCertNo(),
                codec.items(e.itemsJson()), e.cashPaidFen(), e.acctPaidFen(), e.offlineMsgid(), kindSent(e)));
    }

    @Override
    public EncodedMessage entrySettlement(ResettlementEntry e, String cardNo) {
        return codec.encode(new Resettle8401(e.entryNo(), e.fault().name(), e.originalTime(), e.psnCertNo(), cardNo,
                codec.items(e.itemsJson()), e.cashPaidFen(), null, e.acctPaidFen(), e.offlineMsgid(), kindSent(e)));
    }

    /** A pharmacy entry sends no kind (the center's default), so its messages read as they did before kinds. */
    private static EntryKind kindSent(ResettlementEntry e) {
        return e.kind() == EntryKind.PHARMACY ? null : e.kind();
    }

    @Override
    public EncodedMessage withPurse(EncodedMessage settlement, String purseRecord) {
        HostRequest<?> r = codec.decode(settlement);
        var purse = codec.purse(purseRecord);
        if (r instanceof Settle2102 s) {
            return codec.encode(s.withPurse(purse));
        } else if (r instanceof OutpatientSettle2207 s) {
            return codec.encode(s.withPurse(purse));
        } else if (r instanceof Resettle8401 s) {
            return codec.encode(s.withPurse(purse));
        }
        throw new IllegalArgumentException(settlement.transaction() + " carries no card debit");
    }

    @Override
    public EncodedMessage reversal(OutboxMessage original) {
        return codec.encode(new Reverse2601(original.msgid(), original.transaction()));
    }

    @Override
    public String reversedMsgid(EncodedMessage reversal) {
        return ((Reverse2601) codec.decode(reversal)).omsgid();
    }

    /**
     * {@code infcode 2005: text}: how refusal reasons have always been recorded (stored files hold them so), and how
     * {@code text.Texts#centerSays(String)} and {@code rejected.RejectedItem} read them back.
     */
    @Override
    public String centerReason(long code, String message) {
        return "infcode " + code + ": " + (message == null ? "" : message);
    }

    @Override
    public List<UploadResult> uploadResults(String output) {
        UploadResults results = answer(new UploadOffline8301(List.of()), output);
        List<UploadResult> out = new ArrayList<>();
        for (UploadResults.RecordResult r : results.results()) {
            out.add(new UploadResult(r.cardNo(), r.offlineCounter(), status(r.result()), r.setlId(), r.reason()));
        }
        return out;
    }

    private static UploadResult.Status status(String result) {
        if (result == null) {
            return null;
        }
        switch (result) {
            case "ACCEPTED":
                return UploadResult.Status.ACCEPTED;
            case "DUPLICATE":
                return UploadResult.Status.DUPLICATE;
            case "REJECTED":
                return UploadResult.Status.REJECTED;
            default:
                return null;
        }
    }

    @Override
    public EntrySettlement entrySettled(String output) {
        Resettled r = answer(ANY_RESETTLE, output);
        return new EntrySettlement(r.setlId(), r.fundPayFen(), r.acctPayFen(), r.refundFen());
    }

    @Override
    public boolean reversed(String output) {
        return answer(new Reverse2601("-", "-"), output).reversed();
    }

    @Override
    public long cardDebitFen(EncodedMessage settlement) {
        HostRequest<?> r = decode(settlement);
        org.medcard.queue.PurseRecord purse = r instanceof Settle2102 s ? s.purse()
                : r instanceof OutpatientSettle2207 s ? s.purse()
                : r instanceof Resettle8401 s ? s.purse() : null;
        return purse == null ? 0 : purse.amount();
    }

    @Override
    public String refundLoadId(String reversalOutput) {
        return answer(new Reverse2601("-", "-"), reversalOutput).loadId();
    }

    private HostRequest<?> decode(EncodedMessage m) {
        try {
            return codec.decode(m);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(m.transaction() + " unreadable: " + e.getMessage(), e);
        }
    }

    /** Only the answer's type matters here; the queue reports a malformed answer as an IllegalArgumentException. */
    private <A> A answer(HostRequest<A> kind, String output) {
        try {
            return codec.answer(kind, output);
        } catch (MalformedAnswer e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static final Resettle8401 ANY_RESETTLE = new Resettle8401("-", "-", "-", "-", "-", List.of(), 0, null);
}
