/**
 * Presentation models of the desktop app: the logic of each screen, free of Swing and AWT (an architecture test
 * keeps it so). A model talks to its view through an interface whose methods take values and return domain
 * answers, does device and center I/O on the reader's worker {@link java.util.concurrent.Executor}, and calls its
 * view back through the UI executor. Tests run both executors inline with a recording view and no display.
 * One subpackage per screen ({@code present.signin}, {@code present.counter}, {@code present.status}, ...), each
 * with its own resource bundle so screens added later never edit another screen's bundle.
 */
package org.medcard.terminal.present;
