package org.medcard.simulator.card;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.medcard.simulator.profile.CardProfile;
import org.medcard.simulator.profile.SimulatorJson;

/**
 * A card kept on disk between simulator runs: the profile it was issued from and its purse state, as JSON.
 *
 * <p>Writes are atomic: the JSON goes to a temporary file in the same directory, is forced to disk, and is
 * renamed over the old file (an atomic rename on POSIX file systems), then the directory is forced so the
 * rename itself survives a power cut. A crash leaves either the old or the new file, never a torn one.
 */
public record CardFile(
        @JsonProperty("format") int format,
        @JsonProperty("profile") CardProfile profile,
        @JsonProperty("state") PurseState state) {

    public static final int FORMAT = 1;

    /*
     * One reader and one writer for the process (immutable and thread-safe in Jackson): a new mapper per write
     * introspected the three records again on every DEBIT FOR PURCHASE of the training card, about 1 ms of a sale's CPU
     * that the JIT never got to compile (docs/performance.md, issue 17 third pass).
     */
    private static final ObjectReader READER = SimulatorJson.mapper().readerFor(CardFile.class);
    private static final ObjectWriter WRITER = SimulatorJson.mapper().writerFor(CardFile.class);

    public CardFile {
        if (format != FORMAT) {
            throw new IllegalArgumentException("unsupported card file format " + format + " (this simulator reads " + FORMAT + ")");
        }
        if (profile == null || state == null) {
            throw new IllegalArgumentException("card file needs profile and state");
        }
    }

    public static CardFile read(Path file) throws IOException {
        return READER.readValue(file.toFile());
    }

    /** Writes atomically (temp file, fsync, rename, fsync of the directory). */
    public void write(Path file) throws IOException {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, target.getFileName().toString(), ".tmp");
        try {
            byte[] json = WRITER.writeValueAsBytes(this);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ch.write(java.nio.ByteBuffer.wrap(json));
                ch.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            forceDirectory(dir);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void forceDirectory(Path dir) {
        // Linux allows fsync on a directory opened read-only; other systems may refuse, which only weakens durability.
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // best effort
        }
    }
}
