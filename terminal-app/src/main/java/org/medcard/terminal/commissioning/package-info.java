/**
 * Commissioning: the technician's scripted checklist run against a terminal installation with the
 * simulator's cards and center (reader and PSAM, a normal sale, each refused card status, center down →
 * offline → forwarded, reader fault → cash → re-settled, void, day close), ending in a signed-off PDF report.
 */
package org.medcard.terminal.commissioning;
