/**
 * Store-and-forward to the settlement center: {@link org.medcard.queue.forward.CenterLink} (the port the terminal
 * implements: it frames a stored message in the center's envelope and says what the answer means, as a
 * {@link org.medcard.queue.forward.CenterAnswer}) and {@link org.medcard.queue.forward.Forwarder}, which drains the
 * queue's outbox one message at a time with exponential backoff and full jitter. Nothing here knows the host
 * protocol's envelope or its codes.
 */
package org.medcard.queue.forward;
