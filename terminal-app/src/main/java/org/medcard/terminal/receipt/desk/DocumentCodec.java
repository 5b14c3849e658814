package org.medcard.terminal.receipt.desk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import org.medcard.terminal.receipt.CashReceipt;
import org.medcard.terminal.receipt.CommissioningReport;
import org.medcard.terminal.receipt.DayCloseReport;
import org.medcard.terminal.receipt.ReceiptDocument;
import org.medcard.terminal.receipt.RegistrationSlip;
import org.medcard.terminal.receipt.ResettlementReceipt;
import org.medcard.terminal.receipt.SaleReceipt;
import org.medcard.terminal.receipt.VoidReceipt;

/**
 * A document record as JSON and back, for the receipt journal. The records are serialised by their components,
 * so reading one back runs its constructor's checks again: a damaged row fails loudly instead of printing
 * wrong figures. Times are ISO local date-times (the institution's clock, as on the paper).
 */
final class DocumentCodec {

    private static final Map<String, Class<? extends ReceiptDocument>> KINDS = Map.of(
            "sale-receipt", SaleReceipt.class,
            "registration-slip", RegistrationSlip.class,
            "cash-receipt", CashReceipt.class,
            "resettlement-receipt", ResettlementReceipt.class,
            "void-receipt", VoidReceipt.class,
            "day-close-report", DayCloseReport.class,
            "commissioning-report", CommissioningReport.class);

    private final ObjectMapper mapper;

    DocumentCodec() {
        SimpleModule time = new SimpleModule("local-times");
        time.addSerializer(LocalDateTime.class, new ToStringSerializer<>());
        time.addSerializer(LocalDate.class, new ToStringSerializer<>());
        time.addDeserializer(LocalDateTime.class, new JsonDeserializer<>() {
            @Override
            public LocalDateTime deserialize(JsonParser p, DeserializationContext c) throws IOException {
                return LocalDateTime.parse(p.getValueAsString());
            }
        });
        time.addDeserializer(LocalDate.class, new JsonDeserializer<>() {
            @Override
            public LocalDate deserialize(JsonParser p, DeserializationContext c) throws IOException {
                return LocalDate.parse(p.getValueAsString());
            }
        });
        // Unknown fields are tolerated so a newer terminal's rows still reprint after a downgrade.
        this.mapper = new ObjectMapper().registerModule(time).disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** The document's kind, the same name its sheet carries ({@code sale-receipt}, …). */
    static String kind(ReceiptDocument document) {
        for (Map.Entry<String, Class<? extends ReceiptDocument>> e : KINDS.entrySet()) {
            if (e.getValue().isInstance(document)) {
                return e.getKey();
            }
        }
        throw new IllegalArgumentException("unknown document " + document.getClass().getName());
    }

    String toJson(ReceiptDocument document) {
        try {
            return mapper.writeValueAsString(document);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + kind(document) + " as JSON", e);
        }
    }

    ReceiptDocument fromJson(String kind, String json) {
        Class<? extends ReceiptDocument> type = KINDS.get(kind);
        if (type == null) {
            throw new IllegalArgumentException("unknown document kind '" + kind + "'");
        }
        try {
            return mapper.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException("stored " + kind + " unreadable: " + e.getMessage(), e);
        }
    }

    private static final class ToStringSerializer<T> extends JsonSerializer<T> {
        @Override
        public void serialize(T value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeString(value.toString());
        }
    }
}
