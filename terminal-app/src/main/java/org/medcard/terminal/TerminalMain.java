package org.medcard.terminal;

/** Entry point of {@code medcard-terminal.jar}. */
public final class TerminalMain {
    private TerminalMain() {
    }

    public static void main(String[] args) {
        System.exit(0);
    }
}
