package org.medcard.simulator.center.tx;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.medcard.simulator.center.fault.FaultInjector;
import org.medcard.simulator.center.protocol.Fields;
import org.medcard.simulator.center.protocol.Json;
import org.medcard.simulator.center.protocol.Request;
import org.medcard.simulator.center.store.Db;

/** What a transaction handler works with: the request, the open transaction, time and settings. */
public record TxContext(Request request, Db db, Json json, Clock clock, TxSettings settings, FaultInjector faults) {

    public Fields input() {
        return request.input();
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public LocalDateTime now() {
        return LocalDateTime.now(clock).withNano(0);
    }

    public String nowText() {
        return now().format(Fields.TIME);
    }

    public ObjectNode object() {
        return json.object();
    }

    public ArrayNode array() {
        return json.array();
    }

    /** A new id: prefix, today's date, and an 8-digit sequence kept in the database. */
    public String newId(String prefix) {
        return prefix + today().format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE) + String.format(java.util.Locale.ROOT, "%08d", db.next(prefix));
    }
}
