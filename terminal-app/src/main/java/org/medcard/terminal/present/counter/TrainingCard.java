package org.medcard.terminal.present.counter;

/** A simulated card the cashier can put in the training reader: profile name, holder, what it shows. */
public record TrainingCard(String profile, String holderName, String description) {
}
