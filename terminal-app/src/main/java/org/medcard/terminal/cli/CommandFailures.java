package org.medcard.terminal.cli;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;

import org.medcard.queue.QueueStoreException;
import org.medcard.terminal.config.ConfigException;
import org.medcard.terminal.config.DataFolderPurpose;
import org.medcard.terminal.config.TerminalEnvironment;
import org.medcard.terminal.logging.LogFiles;
import org.medcard.terminal.security.OutputFiles;
import org.medcard.terminal.store.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * What a command that failed says: one line — what went wrong and the next step — and exit 1; the stack trace
 * goes to the data folder's log only (issue 18, case 11). Usage errors are not handled here: picocli reports
 * them with exit 2 as before.
 */
final class CommandFailures implements CommandLine.IExecutionExceptionHandler {
    private final TerminalEnvironment env;

    CommandFailures(TerminalEnvironment env) {
        this.env = env;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
        String line = oneLine(ex);
        Path log = LogFiles.recordFailure(dataDir(parseResult).resolve("logs"), line, ex);
        boolean explained = ex instanceof ConfigException || ex instanceof DataFolderPurpose.Refused
                || ex instanceof OutputFiles.Refused;
        commandLine.getErr().println(line + (explained || log == null ? "" : " (details: " + log + ")"));
        return 1;
    }

    /** The failure as one line with the next step. */
    static String oneLine(Throwable ex) {
        if (ex instanceof ConfigException c) {
            String head = firstLine(c.getMessage());
            if (head.endsWith(":")) {
                head = head.substring(0, head.length() - 1);
            }
            String first = c.problems().isEmpty() ? "" : ": " + c.problems().get(0);
            return head + first + (c.problems().size() > 1 ? " (all of them: medcard config check)" : "");
        }
        if (ex instanceof DataFolderPurpose.Refused || ex instanceof OutputFiles.Refused) {
            return firstLine(ex.getMessage());
        }
        if (ex instanceof QueueStoreException q) {
            return firstLine(q.getMessage()) + switch (q.reason()) {
                case LOCKED -> " — the terminal is already running on this data folder (the desktop app or another"
                        + " command): close it or let it finish, then try again";
                case DISK_FULL -> " — free space on the disk, then try again";
                case CORRUPT, UNPARSEABLE_RECORD -> " — keep the data folder as it is and call a technician";
                default -> "";
            };
        }
        if (ex instanceof StoreException) {
            return firstLine(ex.getMessage());
        }
        if (diskFull(ex)) {
            return firstLine(ex.getMessage()) + " — the disk is full: free space, then try again";
        }
        if (ex instanceof UncheckedIOException) {
            return firstLine(ex.getMessage()) + " — check that the disk has space and the folder can be written";
        }
        if (ex instanceof IllegalArgumentException) {
            return "refused: " + firstLine(String.valueOf(ex.getMessage())) + " — see medcard --help for the command's options";
        }
        return "the command failed: " + ex.getClass().getSimpleName()
                + (ex.getMessage() == null ? "" : ": " + firstLine(ex.getMessage()))
                + " — try again; if it happens again, call a technician with the log";
    }

    private static boolean diskFull(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            String m = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (m.contains("no space left") || m.contains("disk full") || m.contains("sqlite_full")) {
                return true;
            }
        }
        return false;
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).trim();
    }

    /** The data folder the command was given ({@code --data-dir}), else the default one. */
    private Path dataDir(ParseResult parseResult) {
        ParseResult pr = parseResult;
        while (pr != null) {
            Path p = pr.matchedOptionValue("--data-dir", null);
            if (p != null) {
                return p;
            }
            pr = pr.subcommand();
        }
        return env.defaultDataDir();
    }
}
