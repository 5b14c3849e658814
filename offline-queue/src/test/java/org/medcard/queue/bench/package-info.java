/** Benchmark mains for the offline queue; run by hand (see docs/performance.md), never by {@code mvn verify}. */
package org.medcard.queue.bench;
