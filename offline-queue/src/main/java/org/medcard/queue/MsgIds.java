package org.medcard.queue;

import java.time.LocalDateTime;

/**
 * msgid = institution code (12) + {@code yyyyMMddHHmmss} (14) + terminal number (2) + terminal message
 * sequence (4, rolling): 32 characters (host-protocol.md). The sequence is the chain head's counter, so it
 * survives restarts; within one second it would take 10,000 messages to repeat one.
 */
final class MsgIds {
    private MsgIds() {
    }

    static String format(TerminalIdentity terminal, LocalDateTime time, long sequence) {
        return terminal.institutionCode() + LocalTimes.MSGID_TIME.format(time)
                + LocalTimes.pad(terminal.terminalNo(), 2) + LocalTimes.pad(sequence % 10_000, 4);
    }
}
