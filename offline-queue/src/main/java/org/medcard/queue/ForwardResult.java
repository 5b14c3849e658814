package org.medcard.queue;

/**
 * What happened to one send to the center.
 *
 * @param msgid    the message
 * @param transaction its transaction code
 * @param state    its state afterwards (DONE, REJECTED or UNKNOWN)
 * @param centerCode the center's code in its answer (opaque; for a refusal or a retry), or null when there was no answer
 * @param detail   the center's words, or the reason there was no answer
 * @param accepted 8301: records accepted or duplicate; otherwise 1 when DONE
 * @param rejected 8301: records rejected; otherwise 1 when REJECTED
 */
public record ForwardResult(String msgid, String transaction, OutboxState state, Integer centerCode, String detail,
                            int accepted, int rejected) {
}
