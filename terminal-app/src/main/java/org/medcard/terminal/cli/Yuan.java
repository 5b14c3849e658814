package org.medcard.terminal.cli;

import org.medcard.terminal.config.Money;

/**
 * Fen as yuan text for the CLI, {@code 1286.50}: the terminal's one formatter ({@link Money#formatYuan}), and
 * "unknown" for the -1 of a balance nobody could read.
 */
final class Yuan {
    private Yuan() {
    }

    static String format(long fen) {
        return fen == -1 ? "unknown" : Money.formatYuan(fen);
    }
}
