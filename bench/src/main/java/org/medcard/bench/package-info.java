/**
 * Benchmarks: JMH for the purse cryptography, and {@link org.medcard.bench.SaleBench}, a main that times complete
 * sales through the real terminal stack phase by phase (docs/performance.md).
 */
package org.medcard.bench;
