package org.medcard.terminal.ui.queue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

import org.medcard.queue.ForwardResult;
import org.medcard.queue.OfflineQueue;
import org.medcard.queue.OutboxState;
import org.medcard.queue.QueueListener;
import org.medcard.queue.QueueSummary;
import org.medcard.queue.forward.Forwarder;
import org.medcard.terminal.Terminal;
import org.medcard.terminal.present.queue.CenterLink;
import org.medcard.terminal.present.queue.EntryDesk;
import org.medcard.terminal.present.queue.QueueLedger;
import org.medcard.terminal.present.queue.QueueModel;
import org.medcard.terminal.present.queue.ResettleReceipts;
import org.medcard.terminal.receipt.desk.ReceiptDesk;
import org.medcard.terminal.resettle.EntryView;
import org.medcard.terminal.resettle.ResettleDesk;
import org.medcard.terminal.resettle.ResettleDocuments;
import org.medcard.terminal.resettle.ResettleOutcome;
import org.medcard.terminal.sale.PinSource;

/**
 * The desktop's wiring of the queue screen's ports to the real terminal: the offline queue and its forwarder, the
 * center's sign-in, the re-settlement desk, and the receipt desk with the re-settlement documents. Everything comes
 * from the root ({@link Terminal}); nothing is constructed here but the adapters.
 */
public final class TerminalQueuePorts {

    private TerminalQueuePorts() {
    }

    public static QueueModel.Ports of(Terminal t) {
        // Each service once, as the screen is made (the root builds a new desk on every call).
        OfflineQueue queue = t.queue();
        Optional<Forwarder> forwarder = t.forwarder();
        ReceiptDesk receiptDesk = t.receipts();
        ResettleDocuments documents = t.resettleDocuments();
        ResettleDesk resettleDesk = t.resettleDesk();
        org.medcard.terminal.resettle.ResettleTexts resettleTexts = t.resettleTexts();
        QueueLedger ledger = new QueueLedger() {
            @Override
            public QueueSummary summary() {
                return queue.summary();
            }

            @Override
            public int waiting() {
                return queue.messages(OutboxState.PENDING).size() + queue.messages(OutboxState.UNKNOWN).size();
            }

            @Override
            public void expireResettlements() {
                queue.expireResettlements();
            }
        };
        CenterLink center = new CenterLink() {
            @Override
            public boolean reachable() {
                return t.onlineCenter().flatMap(c -> forwarder).isPresent();
            }

            @Override
            public List<ForwardResult> forwardNow(Consumer<ForwardResult> eachAnswer) {
                Forwarder sender = forwarder.orElseThrow();
                QueueListener progress = new QueueListener() {
                    @Override
                    public void forwarded(ForwardResult result) {
                        eachAnswer.accept(result);
                    }
                };
                queue.addListener(progress);
                try {
                    sender.forwardNow();
                    return sender.drainOnce();
                } finally {
                    queue.removeListener(progress);
                }
            }
        };
        EntryDesk desk = new EntryDesk() {
            @Override
            public List<EntryView> entries() {
                return resettleDesk.list();
            }

            @Override
            public ResettleOutcome settle(String entryNo, String cashier, PinSource pin, OptionalLong requestedAccountFen) {
                return resettleDesk.settle(entryNo, cashier, pin, requestedAccountFen);
            }

            @Override
            public String line(ResettleOutcome outcome) {
                return resettleTexts.line(outcome);
            }
        };
        ResettleReceipts receipts = new ResettleReceipts() {
            @Override
            public void issue(ResettleOutcome outcome, String cashier) {
                documents.resettlement(outcome, cashier).ifPresent(receiptDesk::issue);
            }

            @Override
            public java.util.Optional<org.medcard.terminal.receipt.ReceiptDocument> document(ResettleOutcome outcome, String cashier) {
                return documents.resettlement(outcome, cashier);
            }
        };
        return new QueueModel.Ports(ledger, center, t.parts(), desk, receipts);
    }
}
