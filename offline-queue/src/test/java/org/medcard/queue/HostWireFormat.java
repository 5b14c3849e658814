package org.medcard.queue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The host protocol's wire format for the queue's own tests (the terminal's is {@code center.QueueWireFormat},
 * built on its codec; this module cannot see it). Registered as the installed {@link WireFormat} of the test class
 * path, so tests that open the queue without one get this.
 */
public final class HostWireFormat implements WireFormat {
    private final ObjectMapper json = new ObjectMapper();

    @Override
    public Role roleOf(String transaction) {
        return switch (transaction) {
            case "2102", "2207" -> Role.SALE_SETTLEMENT;
            case "8301" -> Role.OFFLINE_UPLOAD;
            case "8400" -> Role.ENTRY_REGISTRATION;
            case "8401" -> Role.ENTRY_SETTLEMENT;
            case "2601" -> Role.REVERSAL;
            default -> Role.OTHER;
        };
    }

    @Override
    public String transactionOf(Role role) {
        return switch (role) {
            case ENTRY_SETTLEMENT -> "8401";
            default -> throw new IllegalArgumentException("the queue builds no " + role);
        };
    }

    @Override
    public EncodedMessage offlineUpload(List<String> records) {
        ObjectNode input = json.createObjectNode();
        ArrayNode list = input.putArray("records");
        records.forEach(r -> list.add(read(r)));
        return new EncodedMessage("8301", input.toString());
    }

    @Override
    public EncodedMessage entryRegistration(ResettlementEntry e) {
        ObjectNode input = json.createObjectNode().put("entry_no", e.entryNo()).put("fault", e.fault().name())
                .put("original_time", e.originalTime()).put("psn_cert_no", e.psnCertNo());
        input.set("items", read(e.itemsJson()));
        input.put("cash_paid", e.cashPaidFen());
        return new EncodedMessage("8400", input.toString());
    }

    @Override
    public EncodedMessage entrySettlement(ResettlementEntry e, String cardNo) {
        ObjectNode input = json.createObjectNode().put("entry_no", e.entryNo()).put("fault", e.fault().name())
                .put("original_time", e.originalTime()).put("psn_cert_no", e.psnCertNo()).put("card_no", cardNo);
        input.set("items", read(e.itemsJson()));
        input.put("cash_paid", e.cashPaidFen());
        return new EncodedMessage("8401", input.toString());
    }

    @Override
    public EncodedMessage withPurse(EncodedMessage settlement, String purseRecord) {
        ObjectNode input = (ObjectNode) read(settlement.input());
        input.set("purse", read(purseRecord));
        return new EncodedMessage(settlement.transaction(), input.toString());
    }

    @Override
    public EncodedMessage reversal(OutboxMessage original) {
        return new EncodedMessage("2601", json.createObjectNode().put("omsgid", original.msgid())
                .put("oinfno", original.transaction()).toString());
    }

    @Override
    public String reversedMsgid(EncodedMessage reversal) {
        return read(reversal.input()).path("omsgid").asText();
    }

    /** As the terminal words it, so the tests read the same reasons: {@code infcode 2005: text}. */
    @Override
    public String centerReason(long code, String message) {
        return "infcode " + code + ": " + (message == null ? "" : message);
    }

    @Override
    public List<UploadResult> uploadResults(String output) {
        List<UploadResult> out = new ArrayList<>();
        for (JsonNode r : read(output).path("results")) {
            String status = r.path("status").asText(r.path("result").asText(""));
            out.add(new UploadResult(r.has("card_no") ? r.path("card_no").asText() : null,
                    r.path("offline_counter").asLong(-1),
                    switch (status) {
                        case "ACCEPTED" -> UploadResult.Status.ACCEPTED;
                        case "DUPLICATE" -> UploadResult.Status.DUPLICATE;
                        case "REJECTED" -> UploadResult.Status.REJECTED;
                        default -> null;
                    }, r.path("setl_id").asText(null), r.path("reason").asText(null)));
        }
        return out;
    }

    @Override
    public EntrySettlement entrySettled(String output) {
        JsonNode out = read(output);
        long fund = out.path("fund_pay").asLong();
        long acct = out.path("acct_pay").asLong();
        return new EntrySettlement(out.path("setl_id").asText(null), fund, acct, out.path("refund_to_patient").asLong(fund + acct));
    }

    @Override
    public boolean reversed(String output) {
        return read(output).path("reversed").asBoolean(false);
    }

    @Override
    public long cardDebitFen(EncodedMessage settlement) {
        return read(settlement.input()).path("purse").path("amount").asLong(0);
    }

    @Override
    public String refundLoadId(String reversalOutput) {
        return read(reversalOutput).path("load_id").asText(null);
    }

    private JsonNode read(String text) {
        return Json.parse(json, text, "message");
    }
}
