package org.medcard.terminal.center;

import java.time.LocalDate;

/** Host {@code 8101}: one card's blacklist status; {@code NORMAL} removes it from the list. */
public record BlacklistEntry(String cardNo, String psnStatus, LocalDate since) {
}
