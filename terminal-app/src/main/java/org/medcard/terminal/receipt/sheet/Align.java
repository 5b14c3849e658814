package org.medcard.terminal.receipt.sheet;

/** Horizontal alignment of a text line or a table column. */
public enum Align {
    LEFT, CENTER, RIGHT
}
