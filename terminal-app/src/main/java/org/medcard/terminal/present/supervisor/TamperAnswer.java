package org.medcard.terminal.present.supervisor;

import java.util.List;

/**
 * What the tamper-findings tab shows.
 *
 * @param blocking  whether an open finding stops forwarding (the acknowledge key is offered only then)
 * @param headline  one line: blocked and why, or that the queue verifies
 * @param findings  one line per finding: number, status, when found, what changed, who acknowledged it
 * @param held      rows held from the center since an acknowledgement
 */
public record TamperAnswer(boolean blocking, String headline, List<String> findings, List<String> held) {
    public TamperAnswer {
        findings = List.copyOf(findings);
        held = List.copyOf(held);
    }
}
