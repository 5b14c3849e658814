package org.medcard.queue;

/**
 * What happened to one send to the center.
 *
 * @param msgid    the message
 * @param infno    its transaction code
 * @param state    its state afterwards (DONE, REJECTED or UNKNOWN)
 * @param infcode  the center's infcode, or null when there was no answer
 * @param detail   the center's err_msg or the reason there was no answer
 * @param accepted 8301: records accepted or duplicate; otherwise 1 when DONE
 * @param rejected 8301: records rejected; otherwise 1 when REJECTED
 */
public record ForwardResult(String msgid, String infno, OutboxState state, Integer infcode, String detail,
                            int accepted, int rejected) {
}
