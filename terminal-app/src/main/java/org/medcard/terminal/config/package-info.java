/**
 * The terminal's configuration: {@code medcard.properties} read, overridden from the command line,
 * validated with a message naming each bad key and its fix, and frozen into a {@link org.medcard.terminal.config.TerminalConfig}.
 */
package org.medcard.terminal.config;
