package org.medcard.simulator.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.medcard.simulator.profile.CardProfiles;
import picocli.CommandLine.Option;

/** {@code --profiles FILE}: a technician's own profiles file instead of the shipped one. */
public final class ProfileOptions {

    @Option(names = "--profiles", paramLabel = "FILE", description = "profiles file (default: the one shipped with the simulator)")
    Path profilesFile;

    CardProfiles load() throws IOException {
        return profilesFile == null ? CardProfiles.bundled() : CardProfiles.load(profilesFile);
    }
}
