/**
 * The supervisor's screen (SUPERVISOR role only), one tab each: void a settlement with the supervisor's own
 * confirmation, day close with the reconciliation result, operator management, settings. Renders
 * {@code present.supervisor}'s models. Also the reprint screen ({@code ReprintScreen}, a screen of its own for
 * every operator, F11).
 */
package org.medcard.terminal.ui.supervisor;
