/**
 * The terminal's composition root ({@link org.medcard.terminal.Terminal}): opens and wires the database, the
 * devices, the offline queue, the center link and the sale services from the frozen configuration, and keeps
 * the state of each part (reader, PSAM, card, center) for the UI.
 */
package org.medcard.terminal;
