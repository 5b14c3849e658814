package org.medcard.terminal;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import org.medcard.terminal.cli.MedcardCli;
import org.medcard.terminal.cli.TerminalEnvironment;
import org.medcard.terminal.ui.DesktopLauncher;

/** Entry point of {@code medcard-terminal.jar}: the command line, or the desktop app when no command is given. */
public final class TerminalMain {
    private TerminalMain() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        TerminalEnvironment env = TerminalEnvironment.fromSystem();
        if (args.length == 0) {
            if (DesktopLauncher.displayAvailable()) {
                System.exit(DesktopLauncher.run(env, err));
            }
            int code = MedcardCli.create(env, out, err).execute(args);
            out.println("The desktop app needs a display (no DISPLAY here, or a headless Java): use the commands above,"
                    + " or start it on the counter PC's desktop.");
            System.exit(code);
        }
        System.exit(MedcardCli.create(env, out, err).execute(args));
    }
}
