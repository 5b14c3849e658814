package org.medcard.terminal.security;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Files the terminal writes because an operator asked for one (a receipt PDF from {@code --receipt} or F8, a
 * day-close or commissioning report, a queue export): created new and owner-only ({@code rw-------}) from the
 * first byte — the permission is part of the create call, never fixed afterwards — or, only when the operator
 * said so ({@code --replace}), written beside the target and moved over it atomically.
 *
 * <p>{@link #check} runs before the command does anything (before a sale debits a card): an output path
 * inside the data folder, or naming one of the files the configuration points at, is refused whatever flag
 * is given — only the stores write there (issue 18, case 2).
 */
public final class OutputFiles {
    private static final FileAttribute<?>[] OWNER_ONLY = {PosixFilePermissions.asFileAttribute(OwnerOnlyFiles.FILE)};

    private OutputFiles() {
    }

    /**
     * What an output option must never write over.
     *
     * @param dataDir  the data folder: nothing inside it, ever
     * @param ownFiles files the terminal reads that live elsewhere (the configuration file, trust and key stores,
     *                 a soft PSAM's key file, the receipt font)
     */
    public record Protected(Path dataDir, List<Path> ownFiles) {
        public Protected {
            Objects.requireNonNull(dataDir, "dataDir");
            ownFiles = ownFiles.stream().filter(Objects::nonNull).toList();
        }
    }

    /** An output path that may not be used; the message is one line with what to do instead. */
    public static final class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }

    /**
     * Refuses {@code target} before anything is done: inside the data folder, one of the terminal's own files, a
     * folder, or an existing file without {@code replace}.
     */
    public static void check(Path target, Protected p, boolean replace) {
        Path real = resolved(target);
        Path dataDir = resolved(p.dataDir());
        if (real.startsWith(dataDir)) {
            throw new Refused(target + " is inside the data folder " + p.dataDir()
                    + ", which only the terminal itself writes: give a path outside it");
        }
        for (Path own : p.ownFiles()) {
            if (real.equals(resolved(own))) {
                throw new Refused(target + " is one of the terminal's own files (" + own + "): give another path");
            }
        }
        if (Files.isDirectory(target)) {
            throw new Refused(target + " is a folder: give a file name, e.g. " + target.resolve("receipt.pdf"));
        }
        if (!replace && Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new Refused(target + " already exists: give a new file name, or add --replace to replace it");
        }
    }

    /**
     * Writes {@code content} to a new owner-only {@code target} (failing if it exists), or with {@code replace} to
     * an owner-only file beside it that is then moved over it atomically. Its folder is created if missing.
     */
    public static void write(Path target, byte[] content, boolean replace) {
        try (OutputStream out = open(target, replace)) {
            out.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(describe(target, e), e);
        }
    }

    /**
     * Writes a new file named {@code target}, or {@code name-2.ext}, {@code name-3.ext}… when that is taken (two
     * receipts saved within one second); returns the file written.
     */
    public static Path writeUnique(Path target, byte[] content) {
        String name = target.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        for (int n = 1; n < 1000; n++) {
            Path candidate = n == 1 ? target : target.resolveSibling(stem + "-" + n + ext);
            try {
                write(candidate, content, false);
                return candidate;
            } catch (UncheckedIOException e) {
                if (!(e.getCause() instanceof FileAlreadyExistsException)) {
                    throw e;
                }
            }
        }
        throw new UncheckedIOException(new IOException("no free file name like " + target));
    }

    /**
     * A stream to a new owner-only file (see {@link #write}); with {@code replace} the target is replaced
     * atomically when the stream is closed, and not at all if writing failed.
     */
    public static OutputStream open(Path target, boolean replace) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            // folders made for an output are private too (a receipt folder others can list tells who bought what)
            if (OwnerOnlyFiles.posix()) {
                Files.createDirectories(parent, PosixFilePermissions.asFileAttribute(OwnerOnlyFiles.DIR));
            } else {
                Files.createDirectories(parent);
            }
        }
        if (!replace) {
            return Files.newOutputStream(createNew(target), StandardOpenOption.WRITE);
        }
        Path tmp = OwnerOnlyFiles.posix() ? Files.createTempFile(parent, ".medcard-", ".part", OWNER_ONLY)
                : Files.createTempFile(parent, ".medcard-", ".part");
        OutputStream raw = Files.newOutputStream(tmp, StandardOpenOption.WRITE);
        return new java.io.FilterOutputStream(raw) {
            private boolean failed;

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                try {
                    out.write(b, off, len);
                } catch (IOException e) {
                    failed = true;
                    throw e;
                }
            }

            @Override
            public void close() throws IOException {
                try {
                    super.close();
                    if (!failed) {
                        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    }
                } finally {
                    Files.deleteIfExists(tmp);
                }
            }
        };
    }

    /** Creates {@code target} empty and owner-only in one call; an existing file or link fails. */
    private static Path createNew(Path target) throws IOException {
        return OwnerOnlyFiles.posix() ? Files.createFile(target, OWNER_ONLY) : Files.createFile(target);
    }

    /** The path with its existing part's links resolved (the file itself may not exist yet). */
    static Path resolved(Path path) {
        Path abs = path.toAbsolutePath().normalize();
        List<Path> missing = new ArrayList<>();
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) {
            missing.add(0, existing.getFileName());
            existing = existing.getParent();
        }
        if (existing == null) {
            return abs;
        }
        try {
            Path real = existing.toRealPath();
            for (Path m : missing) {
                real = real.resolve(m);
            }
            return real;
        } catch (IOException e) {
            return abs;
        }
    }

    private static String describe(Path target, IOException e) {
        if (e instanceof FileAlreadyExistsException) {
            return target + " already exists: give a new file name, or add --replace to replace it";
        }
        return "cannot write " + target + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
}
