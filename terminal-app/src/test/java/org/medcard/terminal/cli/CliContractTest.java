package org.medcard.terminal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.medcard.terminal.TrainingTerminals;
import org.medcard.terminal.config.TerminalEnvironment;
import picocli.CommandLine;

/**
 * The issue's CLI contract, for every command in the tree (found by walking it, so a new command is covered
 * without editing this test): {@code --help} exits 0 with the usage, an unknown option exits 2, a command group
 * without its subcommand exits 2, and every command that reports something takes {@code --json}. None of these
 * runs opens the terminal.
 */
class CliContractTest {
    /*
     * The "simulator" subtree is the simulator's technician tool embedded as it is (its machine-readable side is
     * the center's HTTP and the console protocol, docs/simulator.md); only commission, which is the terminal's,
     * follows the --json rule.
     */
    /** Commands that only change something and print one line (no listing to make machine-readable). */
    private static final Set<String> NO_JSON = Set.of("operator add", "operator disable", "operator enable", "operator unlock",
            "operator passwd");

    /**
     * {@code queue} is a command with a default action (list) that also holds {@code queue tamper} (issue 18): without
     * a subcommand it lists, as it always did, instead of being a usage error.
     */
    private static final List<String> DEFAULT_ACTION_WITH_SUBCOMMAND = List.of("queue");

    @TempDir
    Path dir;

    private StringWriter out;
    private StringWriter err;

    private CommandLine cli() {
        out = new StringWriter();
        err = new StringWriter();
        return MedcardCli.create(new TerminalEnvironment(dir, TrainingTerminals.CLOCK, InputStream.nullInputStream()),
                new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private int run(List<String> args) {
        return cli().execute(args.toArray(String[]::new));
    }

    /** Every command below the root, as the words that name it ("card info", "operator add", …). */
    private List<List<String>> commands() {
        List<List<String>> all = new ArrayList<>();
        walk(cli(), new ArrayList<>(), all);
        return all;
    }

    private static void walk(CommandLine cl, List<String> path, List<List<String>> all) {
        cl.getSubcommands().forEach((name, sub) -> {
            if (!sub.getCommandName().equals(name)) {
                return; // an alias
            }
            List<String> p = new ArrayList<>(path);
            p.add(name);
            all.add(p);
            walk(sub, p, all);
        });
    }

    private CommandLine find(List<String> path) {
        CommandLine cl = cli();
        for (String w : path) {
            cl = cl.getSubcommands().get(w);
        }
        return cl;
    }

    @Test
    void theTreeHasTheIssuesCommands() {
        List<String> names = commands().stream().map(p -> String.join(" ", p)).toList();
        for (String required : List.of("readers", "card info", "sale", "register", "queue", "resettle list", "resettle settle",
                "void", "day-close", "config check", "operator list", "operator add", "operator disable", "operator enable",
                "operator unlock", "operator passwd")) {
            assertTrue(names.contains(required), required + " missing from " + names);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyCommand_helpExitsZero_unknownOptionExitsTwo() {
        return commands().stream().map(path -> DynamicTest.dynamicTest(String.join(" ", path), () -> {
            List<String> help = new ArrayList<>(path);
            help.add("--help");
            assertEquals(0, run(help), err.toString());
            assertTrue(out.toString().startsWith("Usage: medcard " + String.join(" ", path)), out.toString());

            List<String> bad = new ArrayList<>(path);
            bad.add("--no-such-option");
            assertEquals(2, run(bad), "usage error: " + out + err);
            // picocli prints "Possible solutions" instead of the usage when the word is close to a real option
            assertTrue(err.toString().contains("Usage: medcard") || err.toString().contains("Possible solutions: --"),
                    "the usage or the near options go with the error: " + err);
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyGroupWithoutItsSubcommand_exitsTwo() {
        return commands().stream().filter(p -> !find(p).getSubcommands().isEmpty())
                .filter(p -> !p.equals(DEFAULT_ACTION_WITH_SUBCOMMAND))
                .map(path -> DynamicTest.dynamicTest(String.join(" ", path), () -> assertEquals(2, run(path), out + " " + err)));
    }

    @TestFactory
    Stream<DynamicTest> everyReportingCommandTakesJson() {
        return commands().stream().filter(p -> find(p).getSubcommands().isEmpty() || p.equals(List.of("register"))
                        || p.equals(DEFAULT_ACTION_WITH_SUBCOMMAND))
                .filter(p -> !NO_JSON.contains(String.join(" ", p)))
                .filter(p -> !p.get(0).equals("simulator") || p.equals(List.of("simulator", "commission")))
                .map(path -> DynamicTest.dynamicTest(String.join(" ", path),
                        () -> assertNotNull(find(path).getCommandSpec().findOption("--json"), String.join(" ", path) + " has no --json")));
    }
}
