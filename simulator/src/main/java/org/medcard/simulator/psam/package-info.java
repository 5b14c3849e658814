/**
 * The virtual PSAM of {@code card-application.md}: the terminal's secure access module in slot 1, holding
 * the master keys and the terminal id, computing MAC1, checking MAC2 and TAC, and authorising APPLICATION
 * BLOCK. Its terminal sequence counter can be kept in a small JSON file.
 */
package org.medcard.simulator.psam;
