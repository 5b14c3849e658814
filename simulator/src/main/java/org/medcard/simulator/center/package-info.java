/**
 * The simulated medical-insurance settlement center: the server side of {@code host-protocol.md}
 * (JSON over {@code POST /api/tx}), with its own SQLite file, seeded from the simulator's card profiles,
 * and a control API for injected faults. {@link org.medcard.simulator.center.SettlementCenter} is the
 * one entry type; {@link org.medcard.simulator.center.CenterCommand} runs it from the technician CLI.
 */
package org.medcard.simulator.center;
