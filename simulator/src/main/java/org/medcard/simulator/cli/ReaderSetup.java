package org.medcard.simulator.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import org.medcard.simulator.card.CardOptions;
import org.medcard.simulator.card.VirtualMedicalCard;
import org.medcard.simulator.console.SimulatorConsole;
import org.medcard.simulator.profile.CardProfiles;
import org.medcard.simulator.psam.VirtualPsam;
import org.medcard.simulator.reader.SimulatedReader;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What a technician puts in a simulated reader before it starts serving (vpcd bridge, serial pty):
 * {@code --profile NAME} for the card in slot 0 (kept in {@code --card-file} if given), the virtual PSAM in
 * slot 1, and {@code --console} to insert, remove, swap cards and inject faults while it runs.
 */
public final class ReaderSetup {

    @Mixin
    ProfileOptions profiles = new ProfileOptions();

    @Option(names = "--profile", paramLabel = "NAME", description = "card profile to insert in slot 0 (see 'profiles'); none: empty slot")
    String profile;

    @Option(names = "--card-file", paramLabel = "FILE", description = "keep the card's state in this file (created from --profile if missing)")
    Path cardFile;

    @Option(names = "--no-psam", description = "leave the PSAM slot empty")
    boolean noPsam;

    @Option(names = "--console", description = "read console commands from stdin while running (insert, remove, mute, tear, trace…; 'quit' stops)")
    boolean console;

    /** Whether anything was asked for (otherwise the command keeps its own defaults). */
    public boolean given() {
        return profile != null || cardFile != null || console;
    }

    /** Fills {@code reader}: the PSAM (unless {@code --no-psam}) and the card of {@code --profile} / {@code --card-file}. */
    public CardProfiles fill(SimulatedReader reader, Clock clock) throws IOException {
        CardProfiles loaded = profiles.load();
        if (!noPsam) {
            reader.psamSlot().insert(new VirtualPsam(loaded.keys(), loaded.terminalId()));
        }
        if (cardFile != null && Files.exists(cardFile)) {
            reader.cardSlot().insert(VirtualMedicalCard.open(cardFile, loaded.keys(), clock, CardOptions.defaults()));
        } else if (profile != null) {
            VirtualMedicalCard card = VirtualMedicalCard.issue(loaded.get(profile), loaded.keys(), clock);
            if (cardFile != null) {
                card.saveTo(cardFile);
                card = VirtualMedicalCard.open(cardFile, loaded.keys(), clock, CardOptions.defaults());
            }
            reader.cardSlot().insert(card);
        }
        return loaded;
    }

    /** With {@code --console}: runs the console on {@code in} in a daemon thread and calls {@code onQuit} when it ends. */
    public void startConsole(SimulatedReader reader, CardProfiles loaded, Clock clock, InputStream in, PrintWriter out, Runnable onQuit) {
        if (!console) {
            return;
        }
        SimulatorConsole c = new SimulatorConsole(reader, loaded, clock, out);
        Thread t = new Thread(() -> {
            try {
                c.run(new BufferedReader(new InputStreamReader(in, Charset.defaultCharset())));
            } catch (IOException e) {
                out.println("console input failed: " + e.getMessage());
            } finally {
                onQuit.run();
            }
        }, "simulator-console");
        t.setDaemon(true);
        t.start();
    }
}
