package org.medcard.queue;

/** The faults of business rule R11 that make a sale cash-paid. */
public enum Fault { NO_READER, CARD_UNREADABLE, PSAM_FAILURE, CENTER_UNREACHABLE, CENTER_ERROR, OFFLINE_LIMIT }
