/**
 * Store-and-forward to the settlement center: {@link org.medcard.queue.forward.CenterLink} (how the center is
 * reached, with {@link org.medcard.queue.forward.HttpCenterLink} speaking the host-protocol envelope over
 * {@code java.net.http}) and {@link org.medcard.queue.forward.Forwarder}, which drains the queue's outbox one
 * message at a time with exponential backoff and full jitter.
 */
package org.medcard.queue.forward;
