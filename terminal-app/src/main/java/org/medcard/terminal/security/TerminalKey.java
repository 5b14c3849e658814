package org.medcard.terminal.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code terminal.key}: 32 random bytes made on first start, owner-only. It keys the queue's tamper-evident
 * chain and (through {@link #derive}) the audit log's. Losing it makes the existing chains unverifiable, so
 * a wrong-sized file stops the start instead of being replaced.
 */
public final class TerminalKey {
    private static final Logger LOG = LoggerFactory.getLogger(TerminalKey.class);

    private TerminalKey() {
    }

    /** The key in {@code file}, created (owner-only) if missing. */
    public static byte[] loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(OwnerOnlyFiles.FILE));
                    Files.write(file, key, StandardOpenOption.WRITE);
                } else {
                    Files.write(file, key, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                }
                LOG.info("Created the terminal key {}", file);
                return key;
            }
            byte[] key = Files.readAllBytes(file);
            if (key.length != 32) {
                throw new IllegalStateException(file + " holds " + key.length + " bytes, not 32: restore it from the backup;"
                        + " a new key would make the queue's and the audit log's existing chains unverifiable");
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the terminal key " + file, e);
        }
    }

    /** A key for one purpose ({@code label}), so one chain's MACs can never be replayed as another's. */
    public static byte[] derive(byte[] key, String label) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(label.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
