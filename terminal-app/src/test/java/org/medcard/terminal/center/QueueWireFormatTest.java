package org.medcard.terminal.center;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.medcard.queue.EncodedMessage;
import org.medcard.queue.Fault;
import org.medcard.queue.OutboxMessage;
import org.medcard.queue.OutboxState;
import org.medcard.queue.PurseRecord;
import org.medcard.queue.ResettlementEntry;
import org.medcard.queue.ResettlementState;
import org.medcard.queue.WireFormat;

/** The queue's view of the protocol: what it builds and reads through the codec, and that it is the installed one. */
class QueueWireFormatTest {
    private static final String CARD = "11010120190315000001";
    private static final String CERT = "110101197805211235";
    private static final PurseRecord PURSE = new PurseRecord(CARD, 7, 1200, 6, "0000000000A1", 42, "2026-11-23 10:15:02", "1A2B3C4D");
    private static final String ITEMS = "[{\"code\":\"XJ01CAA001\",\"qty\":2,\"price\":1250}]";

    private final HostCodec codec = new HostCodec();
    private final QueueWireFormat wire = new QueueWireFormat(codec);
    private final ResettlementEntry entry = new ResettlementEntry("0000000000A1-000001", ResettlementState.OPEN, Fault.CARD_UNREADABLE,
            "2026-11-23 10:15:02", CERT, "cashier01", ITEMS, 2500, 2500, false, null, null, null, null, null, Instant.EPOCH,
            org.medcard.queue.EntryKind.PHARMACY, 0, null);

    @Test
    void theTerminalsWireFormatIsTheInstalledOne() {
        assertTrue(WireFormat.installed() instanceof QueueWireFormat);
    }

    @Test
    void rolesOfTheTransactions() {
        assertEquals(WireFormat.Role.SALE_SETTLEMENT, wire.roleOf(codec.infno(new HostRequest.Settle2102("P", 0, 1, null))));
        assertEquals(WireFormat.Role.SALE_SETTLEMENT, wire.roleOf(codec.infno(new HostRequest.OutpatientSettle2207("P", 0, 1, null))));
        assertEquals(WireFormat.Role.OFFLINE_UPLOAD, wire.roleOf(codec.infno(new HostRequest.UploadOffline8301(List.of()))));
        assertEquals(WireFormat.Role.ENTRY_REGISTRATION, wire.roleOf(wire.entryRegistration(entry).transaction()));
        assertEquals(WireFormat.Role.ENTRY_SETTLEMENT, wire.roleOf(wire.transactionOf(WireFormat.Role.ENTRY_SETTLEMENT)));
        assertEquals(WireFormat.Role.OTHER, wire.roleOf(codec.infno(new HostRequest.CancelSettlement2103("S", "r"))));
        assertTrue(WireFormat.Role.ENTRY_SETTLEMENT.reversible());
        assertFalse(WireFormat.Role.OFFLINE_UPLOAD.reversible());
    }

    @Test
    void anEntryIsRegisteredAndSettledWithItsRecordedFigures() {
        HostRequest.RegisterEntry8400 reg = (HostRequest.RegisterEntry8400) codec.decode(wire.entryRegistration(entry));
        assertEquals(new HostRequest.RegisterEntry8400(entry.entryNo(), "CARD_UNREADABLE", "2026-11-23 10:15:02", CERT,
                List.of(new SaleLine("XJ01CAA001", 2, 1250)), 2500, 0, null), reg);
        EncodedMessage settle = wire.entrySettlement(entry, CARD);
        HostRequest.Resettle8401 withPurse = (HostRequest.Resettle8401) codec.decode(wire.withPurse(settle, codec.purse(PURSE)));
        assertEquals(PURSE, withPurse.purse());
        assertEquals(CARD, withPurse.cardNo());
    }

    @Test
    void theCardsDebitIsAddedToASaleSettlement() {
        EncodedMessage settle = codec.encode(new HostRequest.Settle2102("PS-1", 1200, 300, null));
        assertEquals(new HostRequest.Settle2102("PS-1", 1200, 300, PURSE), codec.decode(wire.withPurse(settle, codec.purse(PURSE))));
        assertThrows(IllegalArgumentException.class, () -> wire.withPurse(codec.encode(new HostRequest.CancelSettlement2103("S", "r")),
                codec.purse(PURSE)));
    }

    @Test
    void offlineDebitsAreUploadedAsTheJournalRecordedThem() {
        String record = "{\"card_no\":\"" + CARD + "\",\"offline_counter\":7,\"amount\":1200,\"tx_type\":6,\"terminal_id\":\"0000000000A1\","
                + "\"terminal_seq\":42,\"tx_time\":\"2026-11-23 10:15:02\",\"tac\":\"1A2B3C4D\",\"psn_cert_no\":\"" + CERT + "\","
                + "\"items\":" + ITEMS + ",\"acct_pay\":1200,\"cash_pay\":1300}";
        HostRequest.UploadOffline8301 up = (HostRequest.UploadOffline8301) codec.decode(wire.offlineUpload(List.of(record, record)));
        assertEquals(2, up.records().size());
        assertEquals(new HostRequest.OfflineRecord(PURSE, CERT, List.of(new SaleLine("XJ01CAA001", 2, 1250)), 1200, 1300), up.records().get(0));
    }

    @Test
    void aReversalNamesTheMessageItUndoes() {
        OutboxMessage original = new OutboxMessage(1, "P11010100001202611231015020100017", "2102", CARD, "S-1", null, "{}",
                OutboxState.UNKNOWN, 1, Instant.EPOCH, Instant.EPOCH, null, null, null, null);
        EncodedMessage reversal = wire.reversal(original);
        assertEquals(WireFormat.Role.REVERSAL, wire.roleOf(reversal.transaction()));
        assertEquals(original.msgid(), wire.reversedMsgid(reversal));
        assertEquals(new HostRequest.Reverse2601(original.msgid(), "2102"), codec.decode(reversal));
    }

    @Test
    void answersTheQueueReads() {
        List<WireFormat.UploadResult> results = wire.uploadResults("{\"results\":[{\"card_no\":\"" + CARD + "\",\"offline_counter\":7,"
                + "\"result\":\"DUPLICATE\",\"setl_id\":\"S1\"},{\"result\":\"REJECTED\",\"reason\":\"TAC_INVALID\"},{\"result\":\"??\"}]}");
        assertEquals(new WireFormat.UploadResult(CARD, 7, WireFormat.UploadResult.Status.DUPLICATE, "S1", null), results.get(0));
        assertEquals(new WireFormat.UploadResult(null, -1, WireFormat.UploadResult.Status.REJECTED, null, "TAC_INVALID"), results.get(1));
        assertNull(results.get(2).status(), "a result the queue does not know: the debit is queued again");
        assertEquals(new WireFormat.EntrySettlement("S2", 500, 700, 1200),
                wire.entrySettled("{\"setl_id\":\"S2\",\"fund_pay\":500,\"acct_pay\":700,\"refund_to_patient\":1200}"));
        assertTrue(wire.reversed("{\"reversed\":true}"));
        assertFalse(wire.reversed("{}"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> wire.uploadResults("{\"accepted\":1}"));
        assertTrue(e.getMessage().contains("'results'"), e.getMessage());
    }
}
