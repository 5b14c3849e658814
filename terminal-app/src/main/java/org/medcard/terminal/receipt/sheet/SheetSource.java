package org.medcard.terminal.receipt.sheet;

/**
 * Anything that lays itself out as a {@link Sheet} (every receipt document does). Renderers take this, not the
 * documents, so the output packages depend on the sheet alone and never back on {@code receipt}.
 */
public interface SheetSource {

    /** The content laid out as a neutral sheet: numbers masked, amounts formatted. */
    Sheet toSheet();
}
