/**
 * The terminal side of the center protocol ({@code host-protocol.md}): typed requests and answers for
 * the query transactions, over the offline queue's {@link org.medcard.queue.forward.CenterLink}. Business
 * acts that move money (settlements, uploads, re-settlements) go through the queue's outbox so their
 * {@code msgid} is stored before the first send.
 */
package org.medcard.terminal.center;
