/** The catalog and blacklist as last downloaded from the center, kept for offline use. */
package org.medcard.terminal.catalog;
