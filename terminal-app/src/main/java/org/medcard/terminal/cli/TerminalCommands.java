package org.medcard.terminal.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.medcard.terminal.Terminal;
import org.medcard.terminal.config.ConfigLoader;
import org.medcard.terminal.config.DataFolderPurpose;
import org.medcard.terminal.config.DeviceChoice;
import org.medcard.terminal.config.TerminalConfig;
import org.medcard.terminal.config.TerminalEnvironment;
import org.medcard.terminal.security.OutputFiles;
import picocli.CommandLine;

/** What the commands that open the terminal share: start it from the options, present a training card, print JSON. */
final class TerminalCommands {
    static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT);
    static final String DEFAULT_SIM_CARD = "normal-3des";

    private TerminalCommands() {
    }

    /**
     * Opens the terminal (one-shot: the forwarder sends on this thread, no background thread), after checking that
     * the data folder was set up for this configuration ({@link DataFolderPurpose}) and that no output file would
     * write over the terminal's own files (checked before anything happens: before a sale debits a card).
     */
    static Terminal open(CommonOptions options, TerminalEnvironment env, PrintWriter err, Output... outputs) {
        ConfigLoader.Loaded loaded = options.load(env.defaultDataDir());
        loaded.warnings().forEach(w -> err.println("warning: " + w));
        checkOutputs(options, env, loaded.config(), outputs);
        DataFolderPurpose.check(loaded.config(), options.configFile(env.defaultDataDir()));
        Terminal t = new Terminal(loaded.config(), env.clock(), new Terminal.Options(options.offline, false, "cashier"));
        if (t.config().trainingMode()) {
            err.println("TRAINING MODE");
        }
        return t;
    }

    /** A file an option asks the command to write, and whether {@code --replace} allows replacing it. */
    record Output(Path file, boolean replace) {
    }

    /** Refuses output paths inside the data folder, naming the terminal's own files, or existing without --replace. */
    static void checkOutputs(CommonOptions options, TerminalEnvironment env, TerminalConfig config, Output... outputs) {
        OutputFiles.Protected own = protectedFiles(options, env, config);
        for (Output o : outputs) {
            if (o != null && o.file() != null) {
                OutputFiles.check(o.file(), own, o.replace());
            }
        }
    }

    /** The data folder and every file the configuration names: no output option may write there. */
    static OutputFiles.Protected protectedFiles(CommonOptions options, TerminalEnvironment env, TerminalConfig config) {
        List<Path> own = new ArrayList<>();
        own.add(options.configFile(env.defaultDataDir()));
        own.add(config.trustStore());
        own.add(config.centerTls().keyStore());
        own.add(config.receipt().font());
        for (DeviceChoice d : List.of(config.reader(), config.psam())) {
            if (d.kind() == DeviceChoice.Kind.SOFT_PSAM || d.kind() == DeviceChoice.Kind.SERIAL) {
                own.add(Path.of(d.target()));
            }
        }
        return new OutputFiles.Protected(config.dataDir(), own);
    }

    /** With the simulator reader, puts the training card of {@code profile} in the slot. */
    static void presentSimCard(Terminal t, String profile, CommandLine cl) {
        if (t.config().reader().kind() != DeviceChoice.Kind.SIMULATOR) {
            if (profile != null) {
                throw new CommandLine.ParameterException(cl, "--sim-card needs the simulator reader (reader is " + t.config().reader() + ")");
            }
            return;
        }
        String p = profile == null ? DEFAULT_SIM_CARD : profile;
        if (t.devices().training().orElseThrow().cards().stream().noneMatch(c -> c.profile().equals(p))) {
            throw new CommandLine.ParameterException(cl, "no training card profile '" + p + "'");
        }
        try {
            t.devices().training().orElseThrow().present(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot present the training card " + p, e);
        }
    }

    static void printJson(PrintWriter out, ObjectNode node) {
        try {
            out.println(JSON.writeValueAsString(node));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
