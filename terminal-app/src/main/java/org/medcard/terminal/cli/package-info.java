/**
 * The {@code medcard} command line (picocli): every command with {@code --help}, exit codes 0 ok,
 * 1 refused or failed, 2 usage, and {@code --json} for machine-readable output.
 */
package org.medcard.terminal.cli;
