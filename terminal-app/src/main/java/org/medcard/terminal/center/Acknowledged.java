package org.medcard.terminal.center;

/** The answer of a request whose output says nothing the terminal uses ({@code 9002}, {@code 2202}): done. */
public record Acknowledged() {
}
