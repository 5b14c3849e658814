package org.medcard.terminal.config;

/** Where the terminal stands: a pharmacy counter or a hospital registration desk. */
public enum TerminalKind {
    PHARMACY,
    HOSPITAL
}
