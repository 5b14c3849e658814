package org.medcard.terminal.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Secrets from standard input, one per line, in order (a supervisor's password, then a new one), each as
 * {@code char[]} — never a String, never echoed — so the caller can wipe it. One reader for the whole command,
 * so a read-ahead buffer cannot swallow the second line; the buffer is wiped after each line.
 */
final class StdinLines {
    private static final int MAX_LINE = 256;

    private final BufferedReader in;

    StdinLines(InputStream stdin) {
        this.in = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
    }

    /**
     * A command's one password: the first line of {@code stdin}, or an empty password when there is none (the
     * operator check then refuses it and says so, rather than the command failing on a missing line).
     */
    static char[] password(InputStream stdin) {
        char[] line = new StdinLines(stdin).next();
        return line == null ? new char[0] : line;
    }

    /** The next line without its end, or null at the end of input. */
    char[] next() {
        CharBuffer buf = CharBuffer.allocate(MAX_LINE);
        try {
            int c = in.read();
            if (c < 0) {
                return null;
            }
            while (c >= 0 && c != '\n' && buf.hasRemaining()) {
                if (c != '\r') {
                    buf.put((char) c);
                }
                c = in.read();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read standard input", e);
        }
        buf.flip();
        char[] line = new char[buf.remaining()];
        buf.get(line);
        Arrays.fill(buf.array(), '\0');
        return line;
    }
}
