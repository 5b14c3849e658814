package org.medcard.terminal.voids;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a void ended: one record per kind of outcome, each with only the figures it has (no null or 0 standing for
 * "none"). Amounts in fen. The desk says what happened (a message key and its arguments); the caller words it
 * ({@link VoidTexts}) and makes its receipt ({@link VoidDocuments}).
 */
public sealed interface VoidOutcome permits VoidOutcome.Voided, VoidOutcome.Rejected, VoidOutcome.Pending, VoidOutcome.Refused {

    /** The outcome's name on the CLI's contract ({@code --json} "outcome") and in logs; one per record. */
    enum Kind { VOIDED, REJECTED, PENDING, REFUSED }

    Kind kind();

    /** The settlement the supervisor asked to void. */
    String setlId();

    /** The message key for the supervisor ("settlement N voided …"). */
    String messageKey();

    /** The message's arguments, the settlement id first. */
    default List<Object> messageArgs() {
        return List.of(setlId());
    }

    /**
     * The center voided it (2103 answered).
     *
     * @param cashBackFen the cash share handed back from the till (0 when the settlement is not in this terminal's queue)
     * @param accountFen  the account share credited back to the account, reaching the card as a pending load (R2)
     * @param fundFen     the pooling share the center takes back
     * @param loadId      the center's pending load carrying the account refund; empty when nothing went to the account
     */
    record Voided(String setlId, long cashBackFen, long accountFen, long fundFen, Optional<String> loadId) implements VoidOutcome {
        public Voided {
            Objects.requireNonNull(setlId, "setlId");
            Objects.requireNonNull(loadId, "loadId");
        }

        @Override public Kind kind() { return Kind.VOIDED; }
        @Override public String messageKey() { return "void.done"; }
        @Override public List<Object> messageArgs() { return List.of(setlId, cashBackFen, accountFen); }
    }

    /** The center refused the void; {@code reason} as the queue records it. */
    record Rejected(String setlId, String reason) implements VoidOutcome {
        public Rejected {
            Objects.requireNonNull(setlId, "setlId");
            Objects.requireNonNull(reason, "reason");
        }

        @Override public Kind kind() { return Kind.REJECTED; }
        @Override public String messageKey() { return "void.rejected"; }
        @Override public List<Object> messageArgs() { return List.of(setlId, reason); }
    }

    /** Sent but unanswered: the queue resends the same msgid; nothing is handed back until the answer. */
    record Pending(String setlId) implements VoidOutcome {
        public Pending {
            Objects.requireNonNull(setlId, "setlId");
        }

        @Override public Kind kind() { return Kind.PENDING; }
        @Override public String messageKey() { return "void.pending"; }
    }

    /** Not sent: nothing changed at the center. */
    record Refused(String setlId, Why why) implements VoidOutcome {

        /** Why the void was not sent. */
        public enum Why {
            /** The name and password are not a signed-in supervisor's (audited). */
            SUPERVISOR_NEEDED("void.supervisor_needed", false),
            /** The terminal runs offline or the center is unreachable: a void is never queued for later. */
            CENTER_NEEDED("void.center_needed", true);

            private final String messageKey;
            /** Whether the sentence names the settlement (one without arguments is not a format: its apostrophe stays). */
            private final boolean namesSettlement;

            Why(String messageKey, boolean namesSettlement) {
                this.messageKey = messageKey;
                this.namesSettlement = namesSettlement;
            }
        }

        public Refused {
            Objects.requireNonNull(setlId, "setlId");
            Objects.requireNonNull(why, "why");
        }

        @Override public Kind kind() { return Kind.REFUSED; }
        @Override public String messageKey() { return why.messageKey; }
        @Override public List<Object> messageArgs() { return why.namesSettlement ? List.of(setlId) : List.of(); }
    }
}
