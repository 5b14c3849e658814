package org.medcard.terminal.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.medcard.terminal.sale.PinSource;

/** {@code --pin-stdin}: the cardholder's PIN from the first line of standard input, as chars, never a String. */
final class StdinPin {

    private StdinPin() {
    }

    /** A PIN source that reads the first line only when the debit asks for it; the read buffer is wiped. */
    static PinSource firstLineOf(InputStream stdin) {
        return () -> {
            BufferedReader in = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
            CharBuffer buf = CharBuffer.allocate(64);
            try {
                int c;
                while ((c = in.read()) >= 0 && c != '\n' && c != '\r' && buf.hasRemaining()) {
                    buf.put((char) c);
                }
            } catch (IOException e) {
                return null;
            }
            buf.flip();
            char[] pin = new char[buf.remaining()];
            buf.get(pin);
            Arrays.fill(buf.array(), '\0');
            return pin.length == 0 ? null : pin;
        };
    }
}
