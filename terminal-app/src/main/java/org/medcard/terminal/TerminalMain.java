package org.medcard.terminal;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import org.medcard.terminal.cli.MedcardCli;
import org.medcard.terminal.cli.TerminalEnvironment;

/** Entry point of {@code medcard-terminal.jar}: the command line, or the desktop app when no command is given. */
public final class TerminalMain {
    private TerminalMain() {
    }

    public static void main(String[] args) {
        TerminalEnvironment env = TerminalEnvironment.fromSystem();
        NativeLibraryDirs.apply(env.defaultDataDir(), System.getProperties());
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(MedcardCli.create(env, out, err).execute(args));
    }
}
