package org.medcard.terminal.main;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import org.medcard.terminal.cli.MedcardCli;
import org.medcard.terminal.config.TerminalEnvironment;
import org.medcard.terminal.ui.DesktopLauncher;

/** Entry point of {@code medcard-terminal.jar}: the command line, or the desktop app when no command is given. */
public final class TerminalMain {
    private TerminalMain() {
    }

    public static void main(String[] args) {
        // As SimulatorMain does: the JDK HTTP server (the embedded training center, `medcard simulator center`)
        // otherwise answers after a ~40 ms delayed ACK. Read once, when the server class loads.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        TerminalEnvironment env = TerminalEnvironment.fromSystem();
        NativeLibraryDirs.apply(env.defaultDataDir(), System.getProperties());
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        // `medcard` alone or with global options only (`--config FILE`, `--data-dir D`, `--reader R`): the app with them.
        if (MedcardCli.isPlainStart(args)) {
            if (DesktopLauncher.displayAvailable()) {
                System.exit(DesktopLauncher.run(env, err, () -> MedcardCli.startConfiguration(env.defaultDataDir(), args),
                        MedcardCli.startConfigurationFile(env.defaultDataDir(), args)));
            }
            int code = MedcardCli.create(env, out, err).execute(args);
            out.println("The desktop app needs a display (no DISPLAY here, or a headless Java): use the commands above,"
                    + " or start it on the counter PC's desktop.");
            System.exit(code);
        }
        System.exit(MedcardCli.create(env, out, err).execute(args));
    }
}
