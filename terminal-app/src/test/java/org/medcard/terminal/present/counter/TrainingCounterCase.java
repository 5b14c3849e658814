package org.medcard.terminal.present.counter;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lifecycle the counter's ITs share: each test on a fresh {@link TrainingCounter} in English (its data in a
 * temp folder), printing on "printer" and saving to {@code receipt.pdf}; closed after the test.
 */
abstract class TrainingCounterCase {

    @TempDir
    Path dir;

    TrainingCounter counter;

    @BeforeEach
    void openCounter() {
        counter = TrainingCounter.open(dir, Map.of("language", "en"),
                RecordingReceiptOutput.printingOn("printer", dir.resolve("receipt.pdf").toString()));
    }

    @AfterEach
    void closeCounter() {
        counter.close();
    }
}
