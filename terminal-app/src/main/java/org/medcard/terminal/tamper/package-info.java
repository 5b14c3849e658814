/**
 * Tamper findings of the offline queue for a supervisor: what was found changed, when, who acknowledged it, and
 * which rows are held from the center since (issue 18, case 4). The history is kept in the audit log.
 */
package org.medcard.terminal.tamper;
