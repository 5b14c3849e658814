package org.medcard.simulator.center;

import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import org.medcard.simulator.center.fault.Fault;
import org.medcard.simulator.center.store.CenterStore;
import org.medcard.simulator.center.tx.TxSettings;

/**
 * {@code center --port N [--db FILE] [--fault KIND[:N]]… [--tls-keystore FILE --tls-password P [--tls-client-ca FILE]]}: runs the simulated settlement center until
 * stopped (Ctrl-C). {@code center fault --control URL KIND[:N]…} changes the faults of a running center
 * through its control API ({@code NONE} clears them).
 */
@Command(name = "center", mixinStandardHelpOptions = true,
        description = "Run the simulated medical-insurance settlement center (host-protocol.md) until stopped.",
        subcommands = CenterCommand.FaultCommand.class)
public final class CenterCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "0", description = "API port; 0 = any free port (printed). Default: ${DEFAULT-VALUE}")
    int port;

    @Option(names = "--control-port", defaultValue = "0", description = "Control API port; 0 = any free port (printed). Default: ${DEFAULT-VALUE}")
    int controlPort;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind; plain HTTP belongs on loopback. Default: ${DEFAULT-VALUE}")
    String host;

    // Checked in call(), not by picocli: the "fault" subcommand does not need it.
    @Option(names = "--db", description = "SQLite file of the center (created and seeded when new); without it (or :memory:) a throw-away center in memory")
    String database;

    @Option(names = "--fault", description = "Fault from the start: DOWN, SLOW:<ms>, HTTP_500[:n], ANSWER_LOST[:n], BAD_SIGN_NO[:n], RECONCILIATION_MISMATCH[:n]")
    List<String> faults = new ArrayList<>();

    @Option(names = "--tls-keystore", description = "Serve the API over HTTPS with this key store (PKCS#12, or JKS if named *.jks): the server's key and certificate")
    java.nio.file.Path tlsKeyStore;

    @Option(names = "--tls-password", defaultValue = "", description = "Password of --tls-keystore (and of --tls-client-ca)")
    String tlsPassword;

    @Option(names = "--tls-client-ca", description = "Require a client certificate issued by a CA in this trust store (needs --tls-keystore)")
    java.nio.file.Path tlsClientCa;

    private final Clock clock;
    private final CountDownLatch stopSignal;

    /** The command as the simulator's CLI runs it: system clock, stopped by Ctrl-C. */
    public CenterCommand() {
        this(Clock.systemDefaultZone(), new CountDownLatch(1));
    }

    /** For {@code SimulatorMain}: settles with {@code clock}, stopped by Ctrl-C. */
    public CenterCommand(Clock clock) {
        this(clock, new CountDownLatch(1));
    }

    /** For embedding and tests: the clock to settle with, and a latch that stops the center when counted down. */
    public CenterCommand(Clock clock, CountDownLatch stopSignal) {
        this.clock = clock;
        this.stopSignal = stopSignal;
    }

    /** Runs the command on its own, until {@code SimulatorMain} offers it as {@code center}. */
    public static void main(String[] args) {
        System.exit(new picocli.CommandLine(new CenterCommand()).execute(args));
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        var parsed = spec.commandLine().getParseResult();
        if (!parsed.hasMatchedOption("--port") && !parsed.hasMatchedOption("--db")) {
            // Bare "center" is a command group without its subcommand: say how to start one instead of starting it.
            spec.commandLine().getErr().println("Give --port N to run a center (--port 0: any free port; add --db FILE to keep"
                    + " its ledger), or a subcommand: fault");
            spec.commandLine().usage(spec.commandLine().getErr());
            return 2;
        }
        // Without --db: an in-memory center, as the technician guide's quick check expects; said at start.
        boolean inMemory = database == null || database.isBlank() || CenterStore.MEMORY.equals(database);
        String db = inMemory ? CenterStore.MEMORY : database;
        List<Fault> initial = new ArrayList<>();
        for (String f : faults) {
            try {
                initial.add(Fault.parse(f));
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("--fault " + f + ": " + e.getMessage());
                return 2;
            }
        }
        CenterConfig config = CenterConfig.of(db).withHost(host).withControlPort(controlPort).withRules(TxSettings.defaults());
        if (tlsClientCa != null && tlsKeyStore == null) {
            spec.commandLine().getErr().println("--tls-client-ca needs --tls-keystore (client certificates are asked only over HTTPS)");
            return 2;
        }
        if (tlsKeyStore != null) {
            try {
                config = config.withTls(ServerTlsFiles.load(tlsKeyStore, tlsPassword.toCharArray(), tlsClientCa,
                        tlsPassword.toCharArray()));
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("--tls-keystore: " + e.getMessage());
                return 2;
            }
        }
        SettlementCenter center = new SettlementCenter(config, clock);
        Thread hook = new Thread(stopSignal::countDown, "center-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            center.start(port);
            initial.forEach(center::inject);
            out.println("Settlement center listening on " + center.apiUri());
            out.println("Control API on " + center.controlUri() + "  (GET for state; POST {\"fault\":\"SLOW\",\"millis\":800})");
            out.println((inMemory ? "Database in memory: everything is forgotten when the center stops (--db FILE keeps it)"
                    : "Database " + database) + (initial.isEmpty() ? "" : "; faults " + initial));
            if (!Boolean.getBoolean("sun.net.httpserver.nodelay")) {
                // The JDK server writes the status line and the body in two segments; without TCP_NODELAY the
                // second waits for the client's delayed ACK, about 40 ms per answer (docs/performance.md).
                out.println("Note: start java with -Dsun.net.httpserver.nodelay=true, or every answer waits ~40 ms for a delayed ACK.");
            }
            out.println("Press Ctrl-C to stop.");
            out.flush();
            stopSignal.await();
        } finally {
            center.stop();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already exiting through the hook
            }
            out.println("Settlement center stopped.");
            out.flush();
        }
        return 0;
    }

    /** {@code center fault --control URL KIND[:N]…}: sets faults on a running center. */
    @Command(name = "fault", mixinStandardHelpOptions = true,
            description = "Change the faults of a running center through its control API; NONE clears them all.")
    static final class FaultCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--control", required = true, description = "Control URL the center printed, e.g. http://127.0.0.1:40123/control/faults")
        URI control;

        @Option(names = "--clear", description = "Clear the named faults instead of setting them")
        boolean clear;

        @Parameters(arity = "0..*", description = "NONE, DOWN, SLOW:<ms>, HTTP_500[:n], ANSWER_LOST[:n], BAD_SIGN_NO[:n], RECONCILIATION_MISMATCH[:n]; none: show state")
        List<String> faults = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            String last = send(client, HttpRequest.newBuilder(control).GET());
            for (String f : faults) {
                String body;
                if ("NONE".equalsIgnoreCase(f.trim())) {
                    body = "{\"fault\":\"NONE\"}";
                } else {
                    Fault fault;
                    try {
                        fault = Fault.parse(f);
                    } catch (IllegalArgumentException e) {
                        spec.commandLine().getErr().println(f + ": " + e.getMessage());
                        return 2;
                    }
                    body = clear ? "{\"fault\":\"" + fault.kind() + "\",\"clear\":true}"
                            : "{\"fault\":\"" + fault.kind() + "\",\"millis\":" + fault.millis() + ",\"count\":" + fault.count() + "}";
                }
                last = send(client, HttpRequest.newBuilder(control).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
            }
            spec.commandLine().getOut().println(last);
            return 0;
        }

        private static String send(HttpClient client, HttpRequest.Builder request) throws Exception {
            HttpResponse<String> r = client.send(request.timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (r.statusCode() != 200) {
                throw new IllegalStateException("control API answered " + r.statusCode() + ": " + r.body());
            }
            return r.body();
        }
    }
}
