package org.medcard.terminal.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code medcard readers}: the PC/SC readers this machine has, and the built-in simulator. */
@Command(name = "readers", description = "List the card readers: PC/SC readers and the built-in simulator.", mixinStandardHelpOptions = true)
final class ReadersCommand implements Callable<Integer> {

    @Option(names = "--json", description = "machine-readable output")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        print(spec.commandLine().getOut(), json);
        return 0;
    }

    static void print(PrintWriter out, boolean json) {
        ReaderDiscovery.PcscListing pcsc = ReaderDiscovery.pcsc();
        if (json) {
            StringBuilder sb = new StringBuilder("{\"pcsc\":[");
            for (int i = 0; i < pcsc.readers().size(); i++) {
                sb.append(i == 0 ? "" : ",").append(JsonText.quote(pcsc.readers().get(i)));
            }
            sb.append("],\"pcsc_problem\":").append(pcsc.problem() == null ? "null" : JsonText.quote(pcsc.problem()));
            sb.append(",\"simulator\":true}");
            out.println(sb);
            return;
        }
        if (pcsc.problem() != null) {
            out.println("PC/SC readers: none (" + pcsc.problem() + ")");
        } else if (pcsc.readers().isEmpty()) {
            out.println("PC/SC readers: none connected");
        } else {
            out.println("PC/SC readers:");
            pcsc.readers().forEach(r -> out.println("  pcsc:" + r));
        }
        out.println("Serial readers: give the port, e.g. serial:/dev/ttyUSB0 or serial:COM3");
        out.println("Built-in simulator: simulator (training mode)");
    }
}
