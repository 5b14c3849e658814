package org.medcard.queue;

/** How much an export shows. */
public enum ExportMode {
    /** Everything, importable on another PC. */
    FULL,
    /** Card and ID numbers masked ({@code 110***********0017}); for reading, not importable. */
    MASKED
}
