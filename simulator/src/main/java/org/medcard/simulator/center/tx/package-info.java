/**
 * The center's transactions, one handler per {@code infno} of host-protocol.md, and the
 * {@link org.medcard.simulator.center.tx.TxProcessor} that runs each request in one database transaction
 * together with storing its answer under the {@code msgid}.
 */
package org.medcard.simulator.center.tx;
