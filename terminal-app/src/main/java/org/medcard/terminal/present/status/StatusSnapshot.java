package org.medcard.terminal.present.status;

/** Everything the status bar shows at one moment. */
public record StatusSnapshot(PartLine reader, PartLine psam, PartLine card, PartLine center, QueueLine queue,
                             boolean trainingMode) {
}
