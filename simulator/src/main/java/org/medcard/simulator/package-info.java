/**
 * The simulator's entry: {@link org.medcard.simulator.SimulatorMain}, the technician's {@code medcard-simulator.jar}
 * commands ({@code cli}, {@code console}). The parts it runs live in the packages below: virtual cards
 * ({@code card}, {@code profile}), the virtual PSAM ({@code psam}), simulated readers with injectable faults
 * ({@code reader}) and the simulated center ({@code center}). TEST KEYS ONLY: the terminal reaches all of this only
 * through its training door.
 */
package org.medcard.simulator;
