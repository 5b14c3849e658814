package org.medcard.simulator.profile;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.function.Function;

/**
 * The simulator's JSON mapper for profiles and card files. Dates are ISO strings ({@code 2026-11-23},
 * {@code 2026-11}); a small module does that so the simulator needs no extra Jackson artifact.
 */
public final class SimulatorJson {

    private SimulatorJson() {
    }

    /** A new mapper (mappers are cheap enough here; no shared static instance). */
    public static ObjectMapper mapper() {
        SimpleModule dates = new SimpleModule("medcard-dates");
        dates.addSerializer(LocalDate.class, ToStringSerializer.instance);
        dates.addSerializer(YearMonth.class, ToStringSerializer.instance);
        dates.addDeserializer(LocalDate.class, new Parsed<>(LocalDate.class, LocalDate::parse));
        dates.addDeserializer(YearMonth.class, new Parsed<>(YearMonth.class, YearMonth::parse));
        return new ObjectMapper()
                .registerModule(dates)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(SerializationFeature.INDENT_OUTPUT);
    }

    private static final class Parsed<T> extends StdScalarDeserializer<T> {
        private static final long serialVersionUID = 1L;
        private final transient Function<String, T> parser;

        private final Class<T> type;

        Parsed(Class<T> type, Function<String, T> parser) {
            super(type);
            this.type = type;
            this.parser = parser;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = p.getValueAsString();
            try {
                return parser.apply(text.trim());
            } catch (RuntimeException e) {
                return type.cast(ctxt.handleWeirdStringValue(type, text, "not an ISO date: %s", e.getMessage()));
            }
        }
    }
}
