package org.medcard.terminal.device;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import org.medcard.simulator.card.CardOptions;
import org.medcard.simulator.card.VirtualMedicalCard;
import org.medcard.simulator.profile.CardProfiles;
import org.medcard.simulator.psam.VirtualPsam;
import org.medcard.simulator.reader.SimulatedReader;

/**
 * The built-in simulator used in training mode: one simulated reader with the virtual PSAM in slot 1 and,
 * when the cashier presents one, a training card of a chosen profile in slot 0. Training cards keep their
 * state in card files under the data folder, so a balance spent in one session is still spent in the next.
 */
public final class TrainingReader {

    /** The virtual PSAM's terminal id (the simulator's default). */
    public static final String TERMINAL_ID = "000000123456";

    private final SimulatedReader reader = new SimulatedReader("MedCard training reader");
    private final CardProfiles profiles;
    private final Path cardDir;
    private final Clock clock;

    public TrainingReader(CardProfiles profiles, Path dataDir, Clock clock) throws IOException {
        this.profiles = profiles;
        this.cardDir = dataDir.resolve("training-cards");
        this.clock = clock;
        Files.createDirectories(cardDir);
        reader.psamSlot().insert(VirtualPsam.withSequenceFile(profiles.keys(), TERMINAL_ID, cardDir.resolve("psam-sequence")));
    }

    public SimulatedReader reader() {
        return reader;
    }

    public CardProfiles profiles() {
        return profiles;
    }

    /** Puts the training card of {@code profile} in the card slot (issued on first use, then read from its file). */
    public VirtualMedicalCard present(String profile) throws IOException {
        Path file = cardDir.resolve(profile + ".json");
        VirtualMedicalCard card;
        if (Files.exists(file)) {
            card = VirtualMedicalCard.open(file, profiles.keys(), clock, CardOptions.defaults());
        } else {
            card = VirtualMedicalCard.issue(profiles.get(profile), profiles.keys(), clock);
            card.saveTo(file);
            card = VirtualMedicalCard.open(file, profiles.keys(), clock, CardOptions.defaults());
        }
        reader.cardSlot().insert(card);
        return card;
    }

    /** Takes the training card out. */
    public void remove() {
        reader.cardSlot().remove();
    }
}
