package org.medcard.terminal.config;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;


/**
 * What the CLI takes from the process, injected so tests use a temp folder, a fixed clock and their own
 * stdin: the default app-data folder, the clock, and standard input (the PIN with {@code --pin-stdin}).
 */
public record TerminalEnvironment(Path defaultDataDir, Clock clock, InputStream stdin) {

    public TerminalEnvironment {
        Objects.requireNonNull(defaultDataDir, "defaultDataDir");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(stdin, "stdin");
    }

    /** The system clock and no standard input. */
    public TerminalEnvironment(Path defaultDataDir) {
        this(defaultDataDir, Clock.systemDefaultZone(), InputStream.nullInputStream());
    }

    /** The user's real app-data folder, the system clock, the process's stdin. */
    public static TerminalEnvironment fromSystem() {
        return new TerminalEnvironment(ConfigLoader.userDataDir(Map.copyOf(System.getenv()), System.getProperty("os.name", ""),
                Path.of(System.getProperty("user.home", "."))), Clock.systemDefaultZone(), System.in);
    }
}
