/**
 * The settlement arithmetic of the simulated center, free of storage and HTTP: catalog categories
 * (R13), card status (business-rules.md status table), pooling eligibility (R3, R4, R6, R12) and the
 * split of a sale into fund, personal-account and cash shares in integer fen.
 */
package org.medcard.simulator.center.rules;
