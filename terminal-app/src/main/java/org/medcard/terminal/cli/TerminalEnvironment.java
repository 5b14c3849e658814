package org.medcard.terminal.cli;

import java.nio.file.Path;
import java.util.Map;

import org.medcard.terminal.config.ConfigLoader;

/** What the CLI takes from the process: the default app-data folder (injected so tests use a temp folder). */
public record TerminalEnvironment(Path defaultDataDir) {

    /** The user's real app-data folder. */
    public static TerminalEnvironment fromSystem() {
        return new TerminalEnvironment(ConfigLoader.userDataDir(Map.copyOf(System.getenv()), System.getProperty("os.name", ""),
                Path.of(System.getProperty("user.home", "."))));
    }
}
