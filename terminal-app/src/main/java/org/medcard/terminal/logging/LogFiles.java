package org.medcard.terminal.logging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.util.FileSize;
import org.medcard.terminal.security.OwnerOnlyFiles;
import org.slf4j.LoggerFactory;

/**
 * The terminal's log file, {@code DATA/logs/medcard.log}, rolled daily and at 10 MB, kept 90 days: what a
 * technician reads after a fault at the counter. It gets whatever the root logger lets through
 * ({@code -Dmedcard.log.level}, WARN by default; DEBUG adds the APDU trace) — always through the masking
 * converters, whatever logback file is on the class path. The folder is made {@code rwx------} and the file
 * {@code rw-------} before logback opens it.
 *
 * <p>JVM-wide by nature (logback's context is): attached by the composition root at start and detached at
 * close, replacing an earlier one. Does nothing if SLF4J is not bound to logback.
 */
public final class LogFiles {
    static final String APPENDER = "MEDCARD-FILE";
    static final String PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{30} - %maskedMsg%n%maskedEx";

    private LogFiles() {
    }

    /** Starts writing {@code logDir/medcard.log}; returns the file, or null if logging is not logback. */
    public static Path attach(Path logDir) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return null;
        }
        Path file = logDir.resolve("medcard.log");
        prepare(logDir, file);
        // The old appender first: logback refuses to start a second appender on a file another one still holds
        // (a second terminal in this process on the same data folder would log nothing).
        detach();
        PatternLayout layout = new PatternLayout();
        layout.setContext(context);
        layout.getInstanceConverterMap().put("maskedMsg", MaskingMessageConverter::new);
        layout.getInstanceConverterMap().put("maskedEx", MaskingThrowableConverter::new);
        layout.setPattern(PATTERN);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.start();

        RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
        appender.setContext(context);
        appender.setName(APPENDER);
        appender.setFile(file.toString());
        appender.setEncoder(encoder);
        SizeAndTimeBasedRollingPolicy<ILoggingEvent> policy = new SizeAndTimeBasedRollingPolicy<>();
        policy.setContext(context);
        policy.setParent(appender);
        policy.setFileNamePattern(logDir.resolve("medcard.%d{yyyy-MM-dd}.%i.log").toString());
        policy.setMaxFileSize(FileSize.valueOf("10MB"));
        policy.setMaxHistory(90);
        policy.setTotalSizeCap(FileSize.valueOf("1GB"));
        policy.start();
        appender.setRollingPolicy(policy);
        appender.start();

        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(appender);
        return file;
    }

    /** Stops writing the log file (flushes and closes it). */
    public static void detach() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
            var old = root.getAppender(APPENDER);
            if (old != null) {
                root.detachAppender(old);
                old.stop();
            }
        }
    }

    /**
     * Writes a command's failure with its stack trace to the log file only (the operator saw one line): the file
     * of {@code logDir} is attached for this if no terminal has it open, and only when {@code logDir}'s data folder
     * exists (a failure is no reason to create one). Returns the log file, or null when it could not be written.
     */
    public static Path recordFailure(Path logDir, String line, Throwable failure) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return null;
        }
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ch.qos.logback.core.Appender<ILoggingEvent> file = root.getAppender(APPENDER);
        boolean attachedHere = false;
        if (file == null) {
            Path dataDir = logDir.toAbsolutePath().getParent();
            if (dataDir == null || !Files.isDirectory(dataDir)) {
                return null;
            }
            try {
                attach(logDir);
            } catch (RuntimeException e) {
                return null;
            }
            attachedHere = true;
            file = root.getAppender(APPENDER);
        }
        Logger failures = context.getLogger("org.medcard.terminal.failure");
        failures.setAdditive(false); // not to the console: the operator already has the one line
        failures.addAppender(file);
        try {
            failures.error(line, failure);
        } finally {
            failures.detachAppender(file);
            if (attachedHere) {
                detach();
            }
        }
        return logDir.resolve("medcard.log");
    }

    private static void prepare(Path logDir, Path file) {
        try {
            boolean posix = OwnerOnlyFiles.posix();
            // owner-only from creation (the sweep below also tightens an older, looser log)
            if (posix) {
                Files.createDirectories(logDir, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(OwnerOnlyFiles.DIR));
            } else {
                Files.createDirectories(logDir);
            }
            if (!Files.exists(file)) {
                if (posix) {
                    Files.createFile(file, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(OwnerOnlyFiles.FILE));
                } else {
                    Files.createFile(file);
                }
            }
            OwnerOnlyFiles.secure(logDir, false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the log file " + file, e);
        }
    }
}
