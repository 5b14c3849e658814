/**
 * The technician's line-oriented console over any {@link org.medcard.simulator.reader.SimulatedReader}
 * (in-process, vpcd or serial): insert, remove and swap cards by profile, inject faults and tears, show
 * state, and a live APDU trace with PINs and personal data masked.
 */
package org.medcard.simulator.console;
