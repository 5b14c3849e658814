package org.medcard.terminal.sale;

import java.io.IOException;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.medcard.queue.OfflineQueue;
import org.medcard.queue.OutboxMessage;
import org.medcard.queue.forward.Forwarder;

/**
 * Sends an online settle that is already in the queue's outbox and reads back its final state. The message
 * (and its msgid) was stored before the first send; whatever happens on the wire, the outbox holds the truth:
 * DONE, REJECTED, or still waiting for an answer (then the forwarder resends it with the same msgid).
 *
 * <p>Runs on the reader's worker thread; {@link Forwarder#sendNow} waits for the background sender.
 */
public final class OnlineSettler {

    private final OfflineQueue queue;
    private final Optional<Forwarder> forwarder;
    private final ObjectMapper json = new ObjectMapper();

    public OnlineSettler(OfflineQueue queue, Optional<Forwarder> forwarder) {
        this.queue = queue;
        this.forwarder = forwarder;
    }

    public SettleResult settle(OutboxMessage message) {
        forwarder.ifPresent(f -> f.sendNow(message.msgid()));
        OutboxMessage now = queue.message(message.msgid()).orElse(message);
        return switch (now.state()) {
            case DONE -> settled(now);
            case REJECTED -> new SettleResult(SettleResult.State.REJECTED, now.msgid(), null, 0, -1,
                    "infcode " + now.infcode() + ": " + now.reason());
            default -> new SettleResult(SettleResult.State.PENDING, now.msgid(), null, 0, -1,
                    now.reason() == null ? "not sent yet" : now.reason());
        };
    }

    private SettleResult settled(OutboxMessage m) {
        try {
            JsonNode out = json.readTree(m.resultJson() == null ? "{}" : m.resultJson());
            return new SettleResult(SettleResult.State.SETTLED, m.msgid(), out.path("setl_id").asText(null),
                    out.path("fund_pay").asLong(0), out.path("acct_balance_shadow").asLong(-1), null);
        } catch (IOException e) {
            return new SettleResult(SettleResult.State.SETTLED, m.msgid(), null, 0, -1, "answer unreadable: " + e.getMessage());
        }
    }
}
