/**
 * The desktop app's shell, shared by every screen package: the {@link org.medcard.terminal.ui.shell.AppContext}
 * a screen is built from, the {@link org.medcard.terminal.ui.shell.Screen} contract (and
 * {@link org.medcard.terminal.ui.shell.PanelScreen}, the base of a screen made of one panel and its model), the theme,
 * fonts, keys and dialogs. It imports no screen; the screens ({@code ui.counter}, {@code ui.queue}, …) and the app's window
 * ({@code ui}) import it.
 */
package org.medcard.terminal.ui.shell;
