package org.medcard.simulator.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.medcard.simulator.card.CardFile;
import org.medcard.simulator.card.PurseState;
import org.medcard.simulator.profile.CardProfile;
import org.medcard.simulator.profile.IdNumbers;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code card show} and {@code card new}: look at a card, or issue a persistent card file from a profile. */
@Command(name = "card", mixinStandardHelpOptions = true, description = "Show or create virtual cards.",
        subcommands = {CardCommand.Show.class, CardCommand.New.class})
public final class CardCommand implements Runnable {

    private final Clock clock;

    @Spec
    CommandSpec spec;

    public CardCommand(Clock clock) {
        this.clock = clock;
    }

    Clock clock() {
        return clock;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "say 'card show' or 'card new'");
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Print a card's state (card and ID numbers masked): a fresh card of a profile, or a card file.")
    static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ProfileOptions options = new ProfileOptions();

        @Option(names = "--profile", paramLabel = "NAME", description = "profile name (see 'profiles')")
        String profile;

        @Option(names = "--card-file", paramLabel = "FILE", description = "a card file made with 'card new'")
        Path cardFile;

        @CommandLine.ParentCommand
        CardCommand parent;

        @Override
        public Integer call() throws Exception {
            if (profile == null && cardFile == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "give --profile NAME or --card-file FILE");
            }
            CardProfile p;
            PurseState s;
            if (cardFile != null) {
                CardFile f = CardFile.read(cardFile);
                if (profile != null && !profile.equals(f.profile().profile())) {
                    throw new IllegalArgumentException("card file " + cardFile + " holds profile " + f.profile().profile() + ", not " + profile);
                }
                p = f.profile();
                s = f.state();
            } else {
                p = options.load().get(profile);
                s = PurseState.initial(p);
            }
            CardReport.print(spec.commandLine().getOut(), p, s);
            if (java.time.LocalDate.now(parent.clock().withZone(java.time.ZoneId.of("Asia/Shanghai"))).isAfter(p.expiryDate())) {
                spec.commandLine().getOut().println("note           the card is past its expiry date: INITIALIZE answers 6985");
                spec.commandLine().getOut().flush();
            }
            return 0;
        }
    }

    @Command(name = "new", mixinStandardHelpOptions = true, description = "Issue a card of a profile into a card file the simulator keeps up to date.")
    static final class New implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ProfileOptions options = new ProfileOptions();

        @Option(names = "--profile", required = true, paramLabel = "NAME", description = "profile name (see 'profiles')")
        String profile;

        @Option(names = "--card-file", required = true, paramLabel = "FILE", description = "file to create")
        Path cardFile;

        @Option(names = "--force", description = "replace an existing card file (its balance and log are lost)")
        boolean force;

        @Override
        public Integer call() throws Exception {
            if (Files.exists(cardFile) && !force) {
                throw new IllegalArgumentException(cardFile + " exists; use --force to replace it");
            }
            CardProfile p = options.load().get(profile);
            new CardFile(CardFile.FORMAT, p, PurseState.initial(p)).write(cardFile);
            spec.commandLine().getOut().printf("card %s of profile %s written to %s%n", IdNumbers.mask(p.cardNo()), p.profile(), cardFile);
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
