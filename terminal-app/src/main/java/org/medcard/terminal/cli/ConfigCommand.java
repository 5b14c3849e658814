package org.medcard.terminal.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.medcard.terminal.config.ConfigException;
import org.medcard.terminal.config.ConfigLoader;
import org.medcard.terminal.config.Money;
import org.medcard.terminal.config.TerminalConfig;
import org.medcard.terminal.config.TerminalEnvironment;
import org.medcard.terminal.receipt.pdf.FontCache;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code medcard config check}: validates the configuration and shows what the terminal would use. */
@Command(name = "config", description = "Configuration commands.", mixinStandardHelpOptions = true,
        subcommands = ConfigCommand.Check.class)
public final class ConfigCommand {

    @Command(name = "check", description = "Validate the configuration file and print the values in force.", mixinStandardHelpOptions = true)
    static final class Check implements Callable<Integer> {
        @Mixin
        CommonOptions options;

        @Spec
        CommandSpec spec;

        private final TerminalEnvironment environment;

        Check(TerminalEnvironment environment) {
            this.environment = environment;
        }

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            ConfigLoader.Loaded loaded;
            try {
                loaded = options.load(environment.defaultDataDir());
            } catch (ConfigException e) {
                err.println(e.getMessage()); // config check lists every problem, one per line
                return 1;
            }
            loaded.warnings().forEach(w -> err.println("warning: " + w));
            TerminalConfig c = loaded.config();
            if (options.json) {
                printJson(out, c, loaded);
                return 0;
            }
            out.println("configuration: " + options.configFile(environment.defaultDataDir()));
            out.println("institution:   " + c.institutionCode() + " " + c.institutionName() + " (" + c.region() + ", " + c.kind() + ")");
            out.println("terminal:      " + c.terminalNumber());
            out.println("reader:        " + c.reader());
            out.println("psam:          " + c.psam());
            out.println("center:        " + c.center().map(Object::toString).orElse("embedded simulated center"));
            if (c.center().isPresent() && c.centerTls() != null) {
                out.println("center TLS:    " + (c.centerTls().trustStore() == null ? "the JDK's CAs" : "trusts " + c.centerTls().trustStore())
                        + (c.centerTls().keyStore() == null ? "" : ", client certificate " + c.centerTls().keyStore()));
            }
            out.println("offline:       " + c.offlineMode() + ", per sale " + Money.formatYuan(c.offlineLimits().perSaleFen())
                    + ", per card per day " + Money.formatYuan(c.offlineLimits().perCardPerDayFen())
                    + ", terminal total " + Money.formatYuan(c.offlineLimits().terminalTotalFen())
                    + ", oldest " + c.offlineLimits().oldestRecordAge().toHours() + " h");
            out.println("data:          " + c.dataDir());
            try (FontCache fonts = FontCache.system(c.receipt().font())) {
                out.println("receipts:      " + fonts.receiptFontLine());
            } catch (IOException e) {
                out.println("receipts:      fonts could not be read (" + e.getMessage() + ")");
            }
            if (c.trainingMode()) {
                out.println("TRAINING MODE: simulated devices or center in use");
            }
            java.util.Optional<String> refused = org.medcard.terminal.config.DataFolderPurpose.wouldRefuse(c,
                    options.configFile(environment.defaultDataDir()));
            if (refused.isPresent()) {
                out.println("NOT STARTED WITH THIS DATA FOLDER: " + refused.get());
                return 1;
            }
            out.println("OK");
            return 0;
        }

        private void printJson(PrintWriter out, TerminalConfig c, ConfigLoader.Loaded loaded) {
            com.fasterxml.jackson.databind.node.ObjectNode n = TerminalCommands.JSON.createObjectNode();
            n.put("ok", true).put("configuration", options.configFile(environment.defaultDataDir()).toString())
                    .put("institution_code", c.institutionCode()).put("institution_name", c.institutionName())
                    .put("region", c.region()).put("kind", c.kind().name()).put("terminal_number", c.terminalNumber())
                    .put("reader", c.reader().toString()).put("psam", c.psam().toString())
                    .put("center", c.center().map(Object::toString).orElse("embedded"))
                    .put("offline_mode", c.offlineMode().name())
                    .put("offline_per_sale_fen", c.offlineLimits().perSaleFen())
                    .put("offline_per_card_per_day_fen", c.offlineLimits().perCardPerDayFen())
                    .put("offline_terminal_total_fen", c.offlineLimits().terminalTotalFen())
                    .put("offline_oldest_hours", c.offlineLimits().oldestRecordAge().toHours())
                    .put("data_dir", c.dataDir().toString()).put("training_mode", c.trainingMode());
            com.fasterxml.jackson.databind.node.ArrayNode w = n.putArray("warnings");
            loaded.warnings().forEach(w::add);
            TerminalCommands.printJson(out, n);
        }
    }
}
