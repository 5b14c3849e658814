/**
 * The terminal's own SQLite file: operators, audit log, catalog and blacklist downloads. Sales and money
 * are not here; they are in the offline queue's journal.
 */
package org.medcard.terminal.store;
