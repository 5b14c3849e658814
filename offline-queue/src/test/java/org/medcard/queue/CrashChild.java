package org.medcard.queue;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * The child JVM of {@link CrashIT}: writes sales, cash entries and forwarder steps as fast as it can and
 * prints a line only after each call returned (that is, after the commit). The parent kills it with SIGKILL.
 */
public final class CrashChild {
    private CrashChild() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        int first = Integer.parseInt(args[1]);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try (OfflineQueue q = QueueFixtures.open(file, Clock.systemDefaultZone())) {
            out.println("READY");
            for (int i = first; ; i++) {
                step(q, i, out);
            }
        }
    }

    private static void step(OfflineQueue q, int i, PrintStream out) {
        SaleTicket t = q.beginSale(QueueFixtures.offlineSale(i % 50, i % 60_000, 100 + i % 900));
        out.println("BEGUN " + t.saleId());
        q.recordCardDebit(t.saleId(), QueueFixtures.tac(i));
        out.println("ACK " + t.saleId());
        if (i % 7 == 0) {
            ResettlementEntry e = q.recordCashPayment(new ResettlementRequest(Fault.CARD_UNREADABLE,
                    QueueFixtures.PATIENT, "cashier01", QueueFixtures.ITEMS, 500, 500));
            out.println("ENTRY " + e.entryNo());
        }
        if (i % 10 == 0) {
            Optional<OutboxMessage> m = q.claimNext();
            if (m.isPresent()) {
                out.println("CLAIMED " + m.get().msgid());
                if (i % 20 == 0) {
                    q.recordAccepted(m.get().msgid(), "{\"registered\":true,\"results\":[]}");
                    out.println("ANSWERED " + m.get().msgid());
                }
            }
        }
    }
}
