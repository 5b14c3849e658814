package org.medcard.simulator.center;

import java.util.function.Supplier;

import javax.net.ssl.SSLContext;

import org.medcard.simulator.center.store.CenterSeed;
import org.medcard.simulator.center.store.CenterStore;
import org.medcard.simulator.center.store.ProfileSeed;
import org.medcard.simulator.center.tx.TxSettings;

/**
 * How to run a center: its database ({@code ":memory:"} for tests), the address it binds (loopback by
 * default: plain HTTP is for loopback only), the control port (0 = any free port), the rules, and the
 * seed written into a new database. With {@code tls} the API is served over HTTPS (the control API stays plain
 * HTTP on loopback: it is a test and technician tool).
 */
public record CenterConfig(String database, String host, int controlPort, TxSettings rules, Supplier<CenterSeed> seed,
                           ServerTls tls) {

    /**
     * HTTPS for the API: the server's key and certificate, and whether a client certificate is required
     * (then {@code context}'s trust managers decide which clients are accepted).
     */
    public record ServerTls(SSLContext context, boolean needClientAuth) {
        public ServerTls {
            if (context == null) {
                throw new IllegalArgumentException("TLS context missing");
            }
        }
    }

    /** A center without TLS (plain HTTP, meant for loopback). */
    public CenterConfig(String database, String host, int controlPort, TxSettings rules, Supplier<CenterSeed> seed) {
        this(database, host, controlPort, rules, seed, null);
    }

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
        return new CenterConfig(database, host, controlPort, newRules, seed, tls);
    }

    public CenterConfig withControlPort(int port) {
        return new CenterConfig(database, host, port, rules, seed, tls);
    }

    public CenterConfig withHost(String newHost) {
        return new CenterConfig(database, newHost, controlPort, rules, seed, tls);
    }

    /** The same center serving its API over HTTPS. */
    public CenterConfig withTls(ServerTls newTls) {
        return new CenterConfig(database, host, controlPort, rules, seed, newTls);
    }
}
