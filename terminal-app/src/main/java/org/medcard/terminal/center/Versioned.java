package org.medcard.terminal.center;

import java.util.List;

/** A versioned download (catalog, blacklist): the changes since the version asked for, and the new version. */
public record Versioned<T>(long version, List<T> changes) {
    public Versioned {
        changes = List.copyOf(changes);
    }
}
