package org.medcard.simulator.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.medcard.simulator.console.SimulatorConsole;
import org.medcard.simulator.profile.CardProfiles;
import org.medcard.simulator.psam.VirtualPsam;
import org.medcard.simulator.reader.SimulatedReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code console}: the interactive console over a reader of its own (PSAM in slot 1), for trying cards,
 * faults and APDUs by hand. The vpcd and serial readers run the same console over their reader.
 */
@Command(name = "console", mixinStandardHelpOptions = true, description = "Interactive console over a simulated reader (reads commands from stdin).")
public final class ConsoleCommand implements Callable<Integer> {

    private final Clock clock;
    private final java.io.InputStream in;

    @Spec
    CommandSpec spec;

    @Mixin
    ProfileOptions options = new ProfileOptions();

    @Option(names = "--reader", paramLabel = "NAME", defaultValue = "MedCard Simulator", description = "reader name (default: ${DEFAULT-VALUE})")
    String readerName;

    @Option(names = "--insert", paramLabel = "PROFILE", description = "insert a card of this profile at start")
    String insert;

    public ConsoleCommand(Clock clock, java.io.InputStream in) {
        this.clock = clock;
        this.in = in;
    }

    @Override
    public Integer call() throws Exception {
        CardProfiles profiles = options.load();
        SimulatedReader reader = new SimulatedReader(readerName);
        reader.psamSlot().insert(new VirtualPsam(profiles.keys(), profiles.terminalId()));
        SimulatorConsole console = new SimulatorConsole(reader, profiles, clock, spec.commandLine().getOut());
        if (insert != null) {
            console.execute("insert " + insert);
        }
        console.run(new BufferedReader(new InputStreamReader(in, Charset.defaultCharset())));
        return 0;
    }
}
