package org.medcard.simulator.center;

import java.util.function.Supplier;

import org.medcard.simulator.center.store.CenterSeed;
import org.medcard.simulator.center.store.CenterStore;
import org.medcard.simulator.center.store.ProfileSeed;
import org.medcard.simulator.center.tx.TxSettings;

/**
 * How to run a center: its database ({@code ":memory:"} for tests), the address it binds (loopback by
 * default: plain HTTP is for loopback only), the control port (0 = any free port), the rules, and the
 * seed written into a new database.
 */
public record CenterConfig(String database, String host, int controlPort, TxSettings rules, Supplier<CenterSeed> seed) {

    public CenterConfig {
        if (database == null || database.isBlank()) {
            throw new IllegalArgumentException("database path missing (use \":memory:\" for a throw-away center)");
        }
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host missing");
        }
        if (controlPort < 0 || controlPort > 65535) {
            throw new IllegalArgumentException("control port out of range: " + controlPort);
        }
        if (rules == null || seed == null) {
            throw new IllegalArgumentException("rules and seed are required");
        }
    }

    /** A center on loopback with the bundled profiles, catalog and departments and the default rules. */
    public static CenterConfig of(String database) {
        return new CenterConfig(database, "127.0.0.1", 0, TxSettings.defaults(), ProfileSeed::bundled);
    }

    /** A throw-away center in memory. */
    public static CenterConfig inMemory() {
        return of(CenterStore.MEMORY);
    }

    public CenterConfig withRules(TxSettings newRules) {
        return new CenterConfig(database, host, controlPort, newRules, seed);
    }

    public CenterConfig withControlPort(int port) {
        return new CenterConfig(database, host, port, rules, seed);
    }

    public CenterConfig withHost(String newHost) {
        return new CenterConfig(database, newHost, controlPort, rules, seed);
    }
}
