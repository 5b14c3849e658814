package org.medcard.simulator.center.tx;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One transaction code. Returns the {@code output} of a successful answer; says no by throwing
 * {@link org.medcard.simulator.center.protocol.TxRefusal}, or
 * {@link org.medcard.simulator.center.protocol.MalformedRequest} for a bad field. Runs inside the
 * request's database transaction; whatever it wrote is rolled back when it throws.
 */
@FunctionalInterface
public interface TxHandler {
    ObjectNode handle(TxContext ctx);
}
