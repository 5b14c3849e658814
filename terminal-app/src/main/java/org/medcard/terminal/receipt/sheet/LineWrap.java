package org.medcard.terminal.receipt.sheet;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;

/**
 * Greedy line wrapping shared by the PDF layout and the ESC/POS writer: a line breaks at its last space
 * when it has one (so numbers and words stay whole), otherwise between code points (hanzi need no spaces).
 * Each output measures widths its own way (font advances, or printer columns).
 */
public final class LineWrap {

    private LineWrap() {
    }

    /**
     * @param advance the width of one code point, in the same unit as {@code width}
     * @return at least one line; an empty text is one empty line
     */
    public static List<String> wrap(String text, IntToDoubleFunction advance, double width) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        double used = 0;
        int lastSpace = -1;
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            double w = advance.applyAsDouble(cp);
            if (used + w > width && i > start) {
                int cut = lastSpace > start ? lastSpace : i;
                lines.add(text.substring(start, cut).stripTrailing());
                start = cut;
                while (start < text.length() && text.charAt(start) == ' ') {
                    start++;
                }
                i = start;
                used = 0;
                lastSpace = -1;
                continue;
            }
            if (cp == ' ') {
                lastSpace = i;
            }
            used += w;
            i += Character.charCount(cp);
        }
        if (start < text.length() || lines.isEmpty()) {
            lines.add(text.substring(start));
        }
        return lines;
    }
}
