package org.medcard.psam;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

import org.medcard.transport.CardFault;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The terminal sequence in a small text file: the last number handed out, 8 hex digits and a newline.
 *
 * <p>Durability: {@link #reserveNext()} writes the new number to {@code <file>.tmp}, forces it to disk,
 * renames it over the file atomically, and only then returns the number. A crash before the rename keeps
 * the old file (the number was never used); a crash after it skips at most one number. A file that is
 * present but unreadable stops the soft PSAM rather than restarting at zero. A missing file means a first
 * start and counts from 1.
 */
public final class FileSequenceStore implements SequenceStore {

    private static final Logger LOG = LoggerFactory.getLogger(FileSequenceStore.class);

    private final Path file;
    private long last;

    public FileSequenceStore(Path file) {
        this.file = file;
        this.last = readLast(file);
    }

    /** The last number handed out (0 if none yet). */
    public synchronized long last() {
        return last;
    }

    @Override
    public synchronized long reserveNext() {
        if (last >= 0xFFFF_FFFFL) {
            throw new CardFault(CardFault.Kind.IO, "soft PSAM terminal sequence exhausted in " + file);
        }
        long next = last + 1;
        write(next);
        last = next;
        return next;
    }

    private void write(long value) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        byte[] text = (String.format(Locale.ROOT, "%08X%n", value)).getBytes(StandardCharsets.US_ASCII);
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ch.write(ByteBuffer.wrap(text));
                ch.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new CardFault(CardFault.Kind.IO, "soft PSAM cannot persist its terminal sequence in " + file, e);
        }
    }

    private static long readLast(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (NoSuchFileException e) {
            LOG.warn("No terminal sequence file {}: first start, counting from 1", file);
            return 0;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the soft PSAM terminal sequence file " + file, e);
        }
        if (!text.matches("[0-9A-Fa-f]{8}")) {
            throw new IllegalStateException("soft PSAM terminal sequence file " + file
                    + " does not hold 8 hex digits; refusing to guess (a repeated sequence would repeat session keys)");
        }
        return Long.parseLong(text, 16);
    }
}
