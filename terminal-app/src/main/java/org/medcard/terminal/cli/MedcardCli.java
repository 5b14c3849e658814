package org.medcard.terminal.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.medcard.terminal.TrainingMode;
import org.medcard.terminal.config.ConfigException;
import org.medcard.terminal.config.ConfigLoader;
import org.medcard.terminal.config.TerminalEnvironment;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code medcard} command line: builds the picocli tree with the process environment injected into commands. */
@Command(name = "medcard", mixinStandardHelpOptions = true, versionProvider = MedcardCli.Version.class,
        description = "MedCard counter terminal. With no command it opens the desktop app.")
public final class MedcardCli implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** {@code medcard [global options]}: the plain start (the desktop app, or this state without a display) with them. */
    @Mixin
    CommonOptions options = new CommonOptions();

    private final TerminalEnvironment environment;

    MedcardCli(TerminalEnvironment environment) {
        this.environment = environment;
    }

    /**
     * No command: says what this terminal is and which readers it sees. (The desktop app, issue 7, takes
     * this place; until then this is the start screen.)
     */
    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.println("MedCard Terminal " + version());
        ConfigLoader.Loaded loaded;
        try {
            loaded = options.load(environment.defaultDataDir());
        } catch (ConfigException e) {
            spec.commandLine().getErr().println(CommandFailures.oneLine(e));
            return 1;
        }
        loaded.warnings().forEach(w -> spec.commandLine().getErr().println("warning: " + w));
        ReadersCommand.print(out, false);
        out.println("Configured reader: " + loaded.config().reader() + ", PSAM: " + loaded.config().psam());
        if (loaded.config().trainingMode()) {
            out.println("TRAINING MODE: no reader configured, the built-in simulator is used.");
        }
        out.println("Commands: medcard --help");
        return 0;
    }

    /** The version from the jar manifest, or "development" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"MedCard Terminal " + version()};
        }
    }

    public static String version() {
        String v = MedcardCli.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }

    /** A command line whose commands get {@code environment} through their constructors. */
    public static CommandLine create(TerminalEnvironment environment, PrintWriter out, PrintWriter err) {
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                try {
                    var ctor = cls.getDeclaredConstructor(TerminalEnvironment.class);
                    ctor.setAccessible(true);
                    return ctor.newInstance(environment);
                } catch (NoSuchMethodException e) {
                    return CommandLine.defaultFactory().create(cls);
                }
            }
        };
        CommandLine cl = new CommandLine(new MedcardCli(environment), factory);
        cl.addSubcommand(new CommandLine(ConfigCommand.class, factory));
        cl.addSubcommand(new CommandLine(ReadersCommand.class, factory));
        cl.addSubcommand(new CommandLine(CardCommand.class, factory));
        cl.addSubcommand(new CommandLine(SaleCommand.class, factory));
        cl.addSubcommand(new CommandLine(QueueCommand.class, factory));
        cl.addSubcommand(new CommandLine(RegisterCommand.class, factory));
        cl.addSubcommand(new CommandLine(OutpatientCommand.class, factory));
        cl.addSubcommand(new CommandLine(ResettleCommand.class, factory));
        cl.addSubcommand(new CommandLine(VoidCommand.class, factory));
        cl.addSubcommand(new CommandLine(ReverseCommand.class, factory));
        cl.addSubcommand(new CommandLine(DayCloseCommand.class, factory));
        cl.addSubcommand(new CommandLine(ReceiptCommand.class, factory));
        // Only a build with TRAINING MODE has the simulator's technician tool.
        TrainingMode.installed().ifPresent(training -> cl.addSubcommand("simulator",
                TechnicianCommands.simulator(training, environment, factory)));
        cl.addSubcommand(new CommandLine(OperatorCommand.class, factory));
        cl.addSubcommand(new CommandLine(AuditCommand.class, factory));
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler(new CommandFailures(environment)); // one line and the next step, never a trace
        cl.setExecutionStrategy(MedcardCli::globalOptionsBeforeACommand);
        return cl;
    }

    /**
     * Global options belong to the plain start ({@code medcard --config FILE}); before a command they would be
     * silently ignored (each command reads its own), so they are refused there with the right order (issue 15).
     */
    private static int globalOptionsBeforeACommand(CommandLine.ParseResult parsed) {
        if (parsed.hasSubcommand() && parsed.matchedOptions().stream().anyMatch(o -> o.longestName().startsWith("--")
                && !o.usageHelp() && !o.versionHelp())) {
            String command = parsed.subcommand().commandSpec().name();
            String given = parsed.matchedOptions().stream().map(o -> o.longestName()).distinct()
                    .collect(java.util.stream.Collectors.joining(" "));
            parsed.commandSpec().commandLine().getErr().println("Options " + given + " go after the command: medcard "
                    + command + " " + given + " ... (before a command they apply to the desktop app only).");
            return 2;
        }
        return new CommandLine.RunLast().execute(parsed);
    }

    /**
     * Whether these arguments are only global options (a plain start with them, e.g. {@code --config FILE
     * --reader R}): then the desktop app opens with them. Help, version and commands are not a plain start.
     */
    public static boolean isPlainStart(String[] args) {
        CommandLine probe = new CommandLine(new PlainStart());
        try {
            CommandLine.ParseResult r = probe.parseArgs(args);
            return r.unmatched().isEmpty();
        } catch (CommandLine.ParameterException e) {
            return false;
        }
    }

    /** The global options and nothing else: for {@link #isPlainStart}. */
    @Command(name = "medcard")
    static final class PlainStart {
        @Mixin
        CommonOptions options = new CommonOptions();
    }

    /**
     * The configuration of a plain start with these global options (see {@link #isPlainStart}).
     *
     * @throws ConfigException when it is invalid or {@code --config} names no file
     */
    public static ConfigLoader.Loaded startConfiguration(java.nio.file.Path defaultDataDir, String[] args) {
        PlainStart start = new PlainStart();
        new CommandLine(start).parseArgs(args);
        return start.options.load(defaultDataDir);
    }

    /** The configuration file a plain start with these global options reads. */
    public static java.nio.file.Path startConfigurationFile(java.nio.file.Path defaultDataDir, String[] args) {
        PlainStart start = new PlainStart();
        new CommandLine(start).parseArgs(args);
        return start.options.configFile(defaultDataDir);
    }
}
