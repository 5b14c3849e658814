package org.medcard.terminal.center;

/** Host {@code 8502}: the center booked the load on its side. */
public record LoadConfirmed(String loadId, boolean confirmed) {
}
