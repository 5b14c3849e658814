package org.medcard.terminal.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.medcard.terminal.Terminal;
import org.medcard.terminal.config.ConfigLoader;
import org.medcard.terminal.config.DeviceChoice;
import picocli.CommandLine;

/** What the commands that open the terminal share: start it from the options, present a training card, print JSON. */
final class TerminalCommands {
    static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT);
    static final String DEFAULT_SIM_CARD = "normal-3des";

    private TerminalCommands() {
    }

    /** Opens the terminal (one-shot: the forwarder sends on this thread, no background thread). */
    static Terminal open(CommonOptions options, TerminalEnvironment env, PrintWriter err) {
        ConfigLoader.Loaded loaded = options.load(env.defaultDataDir());
        loaded.warnings().forEach(w -> err.println("warning: " + w));
        Terminal t = new Terminal(loaded.config(), env.clock(), new Terminal.Options(options.offline, false, "cashier"));
        if (t.config().trainingMode()) {
            err.println("TRAINING MODE");
        }
        return t;
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
