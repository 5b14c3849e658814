package org.medcard.terminal.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

import org.medcard.terminal.sale.PinSource;

/** {@code --pin-stdin}: the cardholder's PIN from the first line of standard input, as chars, never a String. */
final class StdinPin {

    private StdinPin() {
    }

    /**
     * A PIN source that reads the first line only when the debit asks for it. Bytes are read one at a time
     * straight from the stream — no Reader, whose internal buffers would keep a copy of the PIN we cannot wipe,
     * and nothing read beyond the line. A PIN is ASCII digits; anything else is passed on as it is and refused
     * by the sale as malformed. The read buffer is wiped.
     */
    static PinSource firstLineOf(InputStream stdin) {
        return () -> {
            byte[] buf = new byte[64];
            int n = 0;
            try {
                int b;
                while (n < buf.length && (b = stdin.read()) >= 0 && b != '\n' && b != '\r') {
                    buf[n++] = (byte) b;
                }
                char[] pin = new char[n];
                for (int i = 0; i < n; i++) {
                    pin[i] = (char) (buf[i] & 0xFF);
                }
                return n == 0 ? null : pin;
            } catch (IOException e) {
                return null;
            } finally {
                Arrays.fill(buf, (byte) 0);
            }
        };
    }
}
