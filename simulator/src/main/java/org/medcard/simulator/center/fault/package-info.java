/**
 * Faults the simulated center can be told to inject (host-protocol.md, "Faults it can be told to
 * inject"), set through the control API or the command line and consulted by the HTTP layer on every
 * request. State lives in one {@link org.medcard.simulator.center.fault.FaultInjector} per center.
 */
package org.medcard.simulator.center.fault;
