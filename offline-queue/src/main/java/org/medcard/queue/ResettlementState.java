package org.medcard.queue;

/** Life of a re-settlement entry (R11 case 2 and 4); every entry ends in one of the last three. */
public enum ResettlementState { OPEN, SETTLED, REJECTED, EXPIRED }
