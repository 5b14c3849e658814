package org.medcard.terminal.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.medcard.terminal.AccountsWiring;
import org.medcard.terminal.config.TerminalConfig;
import org.medcard.terminal.config.TerminalEnvironment;
import org.medcard.terminal.operator.AuditLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code medcard audit [list|verify]}: the newest audit lines, or the tamper-evidence check of the whole audit
 * log (exit 1 when it finds something). Opens only {@code terminal.db} and {@code terminal.key}: no device and
 * no center, so it runs on a terminal whose reader or network is broken.
 */
@Command(name = "audit", description = "The audit log: list (default) the newest lines, or verify its tamper-evident chain.",
        mixinStandardHelpOptions = true)
final class AuditCommand implements Callable<Integer> {
    private final TerminalEnvironment env;

    @Mixin
    CommonOptions options;

    @Parameters(arity = "0..1", paramLabel = "ACTION", defaultValue = "list", description = "list or verify (default: list)")
    Action action;

    @Option(names = "--last", defaultValue = "20", description = "how many lines list shows (default: ${DEFAULT-VALUE})")
    int last;

    enum Action { list, verify }

    @Spec
    CommandSpec spec;

    AuditCommand(TerminalEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        TerminalConfig config = options.load(env.defaultDataDir()).config();
        Path dbFile = config.dataDir().resolve("terminal.db");
        Path keyFile = config.dataDir().resolve("terminal.key");
        if (!Files.exists(dbFile) || !Files.exists(keyFile)) {
            err.println("no terminal data in " + config.dataDir() + " (terminal.db and terminal.key are made at the first start)");
            return 1;
        }
        try (AccountsWiring accounts = new AccountsWiring(config, env.clock())) {
            return action == Action.verify ? verify(accounts.audit(), out) : list(accounts.audit(), out);
        }
    }

    /** The newest lines; when the log does not verify, a warning first and every failing row marked. */
    private int list(AuditLog audit, PrintWriter out) {
        var entries = audit.latest(last);
        AuditLog.Verification v = audit.verify();
        String warning = v.intact() ? null : "WARNING: the audit log does not verify (" + v.findings().size()
                + " finding(s)); lines marked TAMPERED were changed or added outside the terminal."
                + " Run 'medcard audit verify' for the findings and keep this data folder for investigation.";
        if (options.json) {
            ObjectNode n = TerminalCommands.JSON.createObjectNode();
            n.put("intact", v.intact());
            if (!v.intact()) {
                n.put("warning", warning);
            }
            ArrayNode a = n.putArray("entries");
            entries.forEach(e -> a.addObject().put("id", e.id()).put("at", e.at()).put("operator", e.operator())
                    .put("action", e.action()).put("detail", e.detail()).put("tampered", v.failedRows().contains(e.id())));
            TerminalCommands.printJson(out, n);
        } else {
            if (warning != null) {
                out.println(warning);
                spec.commandLine().getErr().println(warning);
            }
            entries.forEach(e -> out.println((v.failedRows().contains(e.id()) ? "TAMPERED  " : "") + e.id() + "  " + e.at()
                    + "  " + e.operator() + "  " + e.action() + "  " + e.detail()));
        }
        return 0;
    }

    private int verify(AuditLog audit, PrintWriter out) {
        AuditLog.Verification v = audit.verify();
        if (options.json) {
            ObjectNode n = TerminalCommands.JSON.createObjectNode();
            n.put("intact", v.intact()).put("rows", v.rows()).put("before_chain", v.beforeChain());
            ArrayNode f = n.putArray("findings");
            v.findings().forEach(f::add);
            TerminalCommands.printJson(out, n);
        } else {
            out.println(v.intact() ? "audit log verified: " + v.rows() + " row(s), no findings"
                    + (v.beforeChain() > 0 ? " (" + v.beforeChain() + " written before the chain, not verifiable)" : "")
                    : "FINDINGS:");
            v.findings().forEach(x -> out.println("  " + x));
        }
        return v.intact() ? 0 : 1;
    }
}
