/**
 * The terminal side of the center protocol ({@code host-protocol.md}), and the only code that knows its wire
 * format. {@link org.medcard.terminal.center.HostCodec} encodes every {@link org.medcard.terminal.center.HostRequest}
 * (one record per transaction, e.g. {@code Settle2102(presettleId, accountFen, cashFen, purse)}) to the queue's opaque
 * {@link org.medcard.queue.EncodedMessage}, decodes stored messages back, and reads every answer into a typed value;
 * an answer it cannot read is a {@link org.medcard.terminal.center.MalformedAnswer} naming the field (a fault, like
 * {@link org.medcard.terminal.center.CenterUnreachable}), an {@code infcode} other than 0 a
 * {@link org.medcard.terminal.center.CenterRefusal}.
 *
 * <p>{@link org.medcard.terminal.center.HostLink} is the envelope: it frames every message (queried or queued) in
 * the request envelope, sends it over HTTP(S) and says what the answer's frame means (accepted, retry, refused, no
 * answer) as the queue's {@link org.medcard.queue.forward.CenterAnswer}; it implements the offline queue's
 * {@link org.medcard.queue.forward.CenterLink} port, so the queue knows neither {@code infno} nor {@code infcode}.
 * Queries are sent at once by {@link org.medcard.terminal.center.HostApi} over that link. Business acts that move money (settlements, uploads,
 * re-settlements, voids, load confirmations) go through the queue's outbox so their {@code msgid} is stored before
 * the first send; the queue knows no transaction code and asks {@link org.medcard.terminal.center.QueueWireFormat}
 * (its {@link org.medcard.queue.WireFormat}) what it must build or read itself.
 *
 * <p>{@link org.medcard.terminal.center.CenterSession} holds the session: sign-in (9001), sign-out (9002), a sign-in
 * again when a query finds it lost, and what {@link org.medcard.terminal.center.CenterWatch} reports (the center's
 * part state; once it is back, one real request and the outbox sent at once).
 */
package org.medcard.terminal.center;
