package org.medcard.terminal.present;

import java.util.ArrayList;
import java.util.List;

/**
 * Keys typed ahead while the screen cannot take them (signing in, a sale or a card read running), kept in order and
 * handed to the main field when it can (issue 15: a scanner's burst right after Enter was lost). Event thread only.
 */
public final class KeyBuffer {

    /** What was typed ahead: the lines ended by Enter (each one a scan or a typed code), then the unfinished rest. */
    public record Typed(List<String> lines, String rest) {
        public Typed {
            lines = List.copyOf(lines);
        }

        public boolean isEmpty() {
            return lines.isEmpty() && rest.isEmpty();
        }
    }

    private final List<String> lines = new ArrayList<>();
    private final StringBuilder rest = new StringBuilder();

    public void typed(char c) {
        if (c == '\n' || c == '\r') {
            enter();
        } else if (!Character.isISOControl(c)) {
            rest.append(c);
        }
    }

    public void enter() {
        lines.add(rest.toString());
        rest.setLength(0);
    }

    /** Everything kept, in order; the buffer is empty afterwards. */
    public Typed drain() {
        Typed t = new Typed(lines.stream().filter(l -> !l.isBlank()).toList(), rest.toString());
        lines.clear();
        rest.setLength(0);
        return t;
    }
}
