package org.medcard.terminal.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Free disk space for the data folder, checked before a card is debited (issue 18 case 5): once the card has
 * paid, the journal must be able to record the TAC. A full disk found <em>after</em> the debit leaves a sale the
 * card paid and the terminal could not record (the journal still resolves it from the card's proof), so the
 * terminal refuses to start a debit while less than the margin is free. Writes of a sale are a few kilobytes;
 * the margin also covers SQLite's WAL, the log and a receipt PDF.
 */
public final class FreeSpace {
    /** The default margin: 50 MB. */
    public static final long DEFAULT_MARGIN_BYTES = 50L * 1024 * 1024;
    private static final long MB = 1024L * 1024;

    private final Path dataDir;
    private final long marginBytes;

    public FreeSpace(Path dataDir, long marginBytes) {
        this.dataDir = dataDir;
        this.marginBytes = marginBytes;
    }

    /** What is missing, said for the log; empty when there is room (or when the space cannot be measured). */
    public Optional<String> shortfall() {
        try {
            long free = Files.getFileStore(dataDir).getUsableSpace();
            if (free >= marginBytes) {
                return Optional.empty();
            }
            return Optional.of("only " + free / MB + " MB free on the disk of " + dataDir + "; a card debit needs at least "
                    + marginBytes / MB + " MB (data.min_free_mb) so that it can be recorded");
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // cannot measure: the journal's own DISK_FULL handling remains
        }
    }
}
