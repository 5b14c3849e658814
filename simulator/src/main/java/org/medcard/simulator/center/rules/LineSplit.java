package org.medcard.simulator.center.rules;

/**
 * One item line of a sale: {@code amount} = qty × price; {@code eligible} is the part the pooling fund
 * may cover by category (R13); {@code pooled} says whether that part entered this sale's pooling base.
 */
public record LineSplit(CatalogItem item, long qty, long amount, long eligible, boolean pooled) {
}
