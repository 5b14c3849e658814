package org.medcard.simulator.center;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import javax.net.ssl.SSLParameters;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.medcard.simulator.center.fault.Fault;
import org.medcard.simulator.center.fault.FaultInjector;
import org.medcard.simulator.center.protocol.Json;
import org.medcard.simulator.center.store.CenterStore;
import org.medcard.simulator.center.store.Seeder;
import org.medcard.simulator.center.tx.TxProcessor;

/**
 * The simulated settlement center: {@code POST /api/tx} on one port, the fault control API on another
 * (so that it stays reachable while the API is DOWN), and its own SQLite database, seeded when new.
 *
 * <p>Lifecycle: construct (opens and, if new, seeds the database) → {@link #start(int)} → {@link #stop()}
 * (closes both listeners and the database). A stopped center is not restarted; open a new one on the
 * same file: nothing is lost, every answered {@code msgid} is still answered the same way.
 *
 * <p>Thread-safety: start/stop and the DOWN switch are synchronized; requests are handled on a bounded
 * pool ({@value #API_THREADS} threads) whose clients must send their request within a read time-out
 * ({@link ReadDeadlinePool}), and serialized by the store (one SQLite writer).
 */
public final class SettlementCenter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SettlementCenter.class);
    /** Long enough for a slow link to send a 500-record batch, short enough that idle clients go soon. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(10);
    /** Request threads: a handful of slow clients leave the rest to everybody else. */
    static final int API_THREADS = 16;

    private final CenterConfig config;
    private final CenterStore store;
    private final FaultInjector faults = new FaultInjector();
    private final Json json = new Json();
    private final ApiHandler apiHandler;
    private HttpServer api;
    private HttpServer control;
    private final Duration readTimeout;
    private volatile ReadDeadlinePool apiPool;
    private ReadDeadlinePool controlPool;
    private int apiPort = -1;
    private boolean stopped;

    public SettlementCenter(CenterConfig config, Clock clock) {
        this(config, clock, DEFAULT_READ_TIMEOUT);
    }

    /**
     * @param readTimeout how long a client may take to send its whole request (headers and body) once a
     *                    request thread has taken it; a slower client is disconnected ({@link ReadDeadlinePool})
     */
    public SettlementCenter(CenterConfig config, Clock clock, Duration readTimeout) {
        this.config = config;
        this.readTimeout = readTimeout;
        this.store = CenterStore.open(config.database());
        if (store.isFresh()) {
            store.inTransaction((db, sp) -> {
                Seeder.seed(db, config.seed().get());
                return null;
            });
            LOG.info("Center database {} seeded", config.database());
        }
        this.apiHandler = new ApiHandler(new TxProcessor(store, json, clock, config.rules(), faults), faults,
                this::requestRead);
        faults.onDownChanged(this::setDown);
    }

    /** Starts listening: the API on {@code port} (0 = any free port), control on the configured port. */
    public synchronized void start(int port) {
        if (stopped || control != null) {
            throw new IllegalStateException(stopped ? "center was stopped; open a new one" : "center already started");
        }
        controlPool = new ReadDeadlinePool("center-control", 2, readTimeout);
        apiPool = new ReadDeadlinePool("center-api", API_THREADS, readTimeout);
        control = bind(config.controlPort(), new ControlHandler(faults, json, this), controlPool, null);
        apiPort = port;
        openApi();
        LOG.info("Settlement center listening on {} (control {})", apiUri(), controlUri());
    }

    /** The API port actually bound. */
    public synchronized int port() {
        return apiPort;
    }

    public synchronized int controlPort() {
        requireStarted();
        return control.getAddress().getPort();
    }

    /** {@code http://host:port/api/tx}, or {@code https://…} when the API is served over TLS. */
    public URI apiUri() {
        return URI.create((config.tls() == null ? "http://" : "https://") + hostForUri() + ":" + port() + ApiHandler.PATH);
    }

    /** {@code http://host:port/control/faults}. */
    public URI controlUri() {
        return URI.create("http://" + hostForUri() + ":" + controlPort() + ControlHandler.PATH);
    }

    public FaultInjector faults() {
        return faults;
    }

    /** Injects a fault (same as the control API). */
    public void inject(Fault fault) {
        faults.set(fault);
    }

    /** Stops both listeners and closes the database; waits for requests in progress. */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        closeApi();
        if (control != null) {
            control.stop(0);
        }
        if (apiPool != null) {
            apiPool.shutdown();
        }
        if (controlPool != null) {
            controlPool.shutdown();
        }
        store.close();
        LOG.info("Settlement center stopped");
    }

    @Override
    public void close() {
        stop();
    }

    private synchronized void setDown(boolean down) {
        if (stopped || control == null) {
            return;
        }
        if (down) {
            closeApi();
            LOG.info("API port {} closed (fault DOWN)", apiPort);
        } else {
            openApi();
            LOG.info("API port {} open again", apiPort);
        }
    }

    private void openApi() {
        if (faults.isActive(org.medcard.simulator.center.fault.FaultKind.DOWN)) {
            // Started while DOWN: remember the port only if one was given; it opens when DOWN is cleared.
            return;
        }
        api = bind(apiPort, apiHandler, apiPool, config.tls());
        apiPort = api.getAddress().getPort();
    }

    private void closeApi() {
        if (api != null) {
            api.stop(0);
            api = null;
        }
    }

    private void requestRead() {
        ReadDeadlinePool pool = apiPool;
        if (pool != null) {
            pool.requestRead();
        }
    }

    private HttpServer bind(int port, com.sun.net.httpserver.HttpHandler handler, Executor pool, CenterConfig.ServerTls tls) {
        // Without TCP_NODELAY the JDK server's body waits ~40 ms for the client's delayed ACK (docs/performance.md).
        // The JDK reads the property once, when its first server class loads: an embedded center (and a bench or
        // test) gets it here; SimulatorMain and TerminalMain set it earlier still.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        try {
            HttpServer s = tls == null ? HttpServer.create(new InetSocketAddress(config.host(), port), 64)
                    : https(new InetSocketAddress(config.host(), port), tls);
            s.createContext("/", handler); // the handler answers 404 for anything but its path
            s.setExecutor(pool);
            s.start();
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + config.host() + ":" + port, e);
        }
    }

    private static HttpsServer https(InetSocketAddress address, CenterConfig.ServerTls tls) throws IOException {
        HttpsServer s = HttpsServer.create(address, 64);
        s.setHttpsConfigurator(new HttpsConfigurator(tls.context()) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters p = tls.context().getDefaultSSLParameters();
                p.setNeedClientAuth(tls.needClientAuth());
                params.setSSLParameters(p);
            }
        });
        return s;
    }

    private void requireStarted() {
        if (control == null) {
            throw new IllegalStateException("center not started");
        }
    }

    private String hostForUri() {
        String h = config.host();
        return h.contains(":") ? "[" + h + "]" : h;
    }
}
