package org.medcard.terminal.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.Callable;

import org.medcard.terminal.Terminal;
import org.medcard.terminal.TrainingMode;
import org.medcard.terminal.config.ConfigLoader;
import org.medcard.terminal.config.TerminalConfig;
import org.medcard.terminal.config.TerminalEnvironment;
import org.medcard.terminal.receipt.CommissioningReport;
import org.medcard.terminal.receipt.desk.ReceiptDesk;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code medcard simulator commission --technician NAME --report FILE.pdf}: runs the commissioning checklist
 * on this installation's configuration (institution, terminal number, offline limits, printer, paper, font)
 * with the simulator's cards, PSAM and center, in a scratch folder ({@code DATA_DIR/commissioning/TIME}) so the
 * installation's journal and queue stay untouched, and writes the signed-off report. Exit 0 all passed,
 * 1 something failed, 2 usage (including a non-training installation).
 */
@Command(name = "commission", description = "Run the commissioning checklist with the simulator and write the signed-off report.",
        mixinStandardHelpOptions = true)
final class CommissionCommand implements Callable<Integer> {
    private final TerminalEnvironment env;

    @Mixin
    CommonOptions options;

    @Option(names = "--technician", required = true, paramLabel = "NAME", description = "who runs the checklist (printed for sign-off)")
    String technician;

    @Option(names = "--report", required = true, paramLabel = "FILE.pdf", description = "where to write the report")
    Path report;

    @Option(names = "--print", description = "also print the report on the configured printer")
    boolean print;

    @Option(names = "--replace", description = "replace an existing report file (atomically)")
    boolean replace;

    @Spec
    CommandSpec spec;

    CommissionCommand(TerminalEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ConfigLoader.Loaded loaded = options.load(env.defaultDataDir());
        loaded.warnings().forEach(w -> err.println("warning: " + w));
        TerminalConfig installed = loaded.config();
        if (!installed.trainingMode()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "this installation is not in training mode (reader "
                    + installed.reader() + ", center " + installed.center().map(Object::toString).orElse("embedded")
                    + "): commissioning makes sales; run it with --reader simulator --psam-reader simulator --center embedded");
        }
        TerminalCommands.checkOutputs(options, env, installed, new TerminalCommands.Output(report, replace));
        Path scratch = installed.dataDir().resolve("commissioning")
                .resolve(LocalDateTime.now(env.clock()).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", java.util.Locale.ROOT)));
        Map<String, String> overrides = options.overrides();
        overrides.put("data.dir", scratch.toString());
        // The checklist itself needs the simulator's reader and PSAM and the embedded center.
        overrides.put("reader", "simulator");
        overrides.put("psam", "simulator");
        overrides.put("center.url", "embedded");
        TerminalConfig config = new ConfigLoader(env.defaultDataDir()).load(options.configFile(env.defaultDataDir()), overrides).config();
        try (Terminal t = new Terminal(config, env.clock(), new Terminal.Options(false, false, technician))) {
            CommissioningReport result = TrainingMode.required("commissioning").commission(TrainingMode.Counter.of(t), technician);
            ReceiptDesk desk = t.receipts();
            ReceiptDesk.Issued issued = desk.issue(result);
            long passed = result.items().stream().filter(CommissioningReport.CheckItem::passed).count();
            if (options.json) {
                TerminalCommands.printJson(out, json(result, passed, scratch));
            } else {
                text(out, result, passed);
            }
            ReceiptOptions delivery = new ReceiptOptions();
            delivery.file = report;
            delivery.print = print;
            delivery.replace = replace;
            delivery.deliver(desk, issued, options.json, out, err);
            (options.json ? err : out).println("scratch data: " + scratch);
            return result.allPassed() ? 0 : 1;
        }
    }
    private static void text(PrintWriter out, CommissioningReport result, long passed) {
        int n = 1;
        for (CommissioningReport.CheckItem item : result.items()) {
            out.println(String.format(java.util.Locale.ROOT, "%2d %-4s %s — %s", n++, item.passed() ? "PASS" : "FAIL",
                    item.name(), item.detail()));
        }
        out.println("verdict: " + (result.allPassed() ? "PASS" : "FAIL") + " (" + passed + "/" + result.items().size() + ")");
    }

    static com.fasterxml.jackson.databind.node.ObjectNode json(CommissioningReport result, long passed, Path scratch) {
        var n = TerminalCommands.JSON.createObjectNode();
        n.put("verdict", result.allPassed() ? "PASS" : "FAIL").put("passed", passed).put("total", result.items().size())
                .put("scratch", scratch.toString());
        var checks = n.putArray("checks");
        for (CommissioningReport.CheckItem item : result.items()) {
            checks.addObject().put("name", item.name()).put("passed", item.passed()).put("detail", item.detail());
        }
        return n;
    }
}
