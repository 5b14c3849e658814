package org.medcard.queue;

import java.util.List;

/**
 * What the HMAC chain check found. Each finding is a sentence naming the table and key.
 *
 * @param findings     every mismatch found
 * @param acknowledged those a supervisor already acknowledged (they no longer stop the forwarder)
 */
public record TamperReport(List<String> findings, List<String> acknowledged) {
    public TamperReport {
        findings = List.copyOf(findings);
        acknowledged = List.copyOf(acknowledged);
    }

    public boolean clean() {
        return findings.isEmpty();
    }

    /** True when there is a finding no supervisor acknowledged: the forwarder must stop. */
    public boolean blocksForwarding() {
        return !acknowledged.containsAll(findings);
    }
}
