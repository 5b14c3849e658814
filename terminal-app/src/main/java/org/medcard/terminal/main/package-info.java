/**
 * The jar's entry point ({@link org.medcard.terminal.main.TerminalMain}): sets the native library folders and
 * dispatches to the command line ({@code cli}) or the desktop app ({@code ui}). Nothing imports this package.
 */
package org.medcard.terminal.main;
