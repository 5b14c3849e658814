package org.medcard.terminal.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code medcard} command line: builds the picocli tree with the process environment injected into commands. */
@Command(name = "medcard", mixinStandardHelpOptions = true, versionProvider = MedcardCli.Version.class,
        description = "MedCard counter terminal. With no command it opens the desktop app.")
public final class MedcardCli {

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
        CommandLine cl = new CommandLine(new MedcardCli(), factory);
        cl.addSubcommand(new CommandLine(ConfigCommand.class, factory));
        cl.setOut(out);
        cl.setErr(err);
        return cl;
    }
}
