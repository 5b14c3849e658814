package org.medcard.simulator.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.medcard.simulator.profile.CardProfile;
import org.medcard.simulator.profile.CardProfiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code profiles}: one line per profile, name and description. */
@Command(name = "profiles", mixinStandardHelpOptions = true, description = "List the card profiles, one line each.")
public final class ProfilesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ProfileOptions options = new ProfileOptions();

    @Override
    public Integer call() throws Exception {
        CardProfiles profiles = options.load();
        PrintWriter out = spec.commandLine().getOut();
        int width = profiles.all().stream().mapToInt(p -> p.profile().length()).max().orElse(10);
        for (CardProfile p : profiles.all()) {
            out.printf("%-" + width + "s  %s%n", p.profile(), p.description());
        }
        out.flush();
        return 0;
    }
}
