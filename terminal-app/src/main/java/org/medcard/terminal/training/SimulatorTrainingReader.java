package org.medcard.terminal.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.List;

import javax.smartcardio.TerminalFactory;

import org.medcard.simulator.card.CardOptions;
import org.medcard.simulator.card.VirtualMedicalCard;
import org.medcard.simulator.profile.CardProfiles;
import org.medcard.simulator.psam.VirtualPsam;
import org.medcard.simulator.reader.SimulatedReader;
import org.medcard.simulator.reader.inprocess.SimulatorProvider;
import org.medcard.terminal.device.TrainingReader;
import org.medcard.transport.pcsc.PcscReaders;

/**
 * The built-in simulator used in training mode: one simulated reader with the virtual PSAM in slot 1 and,
 * when the cashier presents one, a training card of a chosen profile in slot 0. Training cards keep their
 * state in card files under the data folder, so a balance spent in one session is still spent in the next.
 */
public final class SimulatorTrainingReader implements TrainingReader {

    private final SimulatedReader reader = new SimulatedReader("MedCard training reader");
    private final CardProfiles profiles;
    private final Path cardDir;
    private final Clock clock;
    private PcscReaders pcsc;

    public SimulatorTrainingReader(CardProfiles profiles, Path dataDir, Clock clock) throws IOException {
        this.profiles = profiles;
        this.cardDir = dataDir.resolve("training-cards");
        this.clock = clock;
        Files.createDirectories(cardDir);
        reader.psamSlot().insert(VirtualPsam.withSequenceFile(profiles.keys(), TERMINAL_ID, cardDir.resolve("psam-sequence")));
    }

    /** The simulator's reader itself (tests put misbehaving cards in its slots). */
    public SimulatedReader reader() {
        return reader;
    }

    public CardProfiles profiles() {
        return profiles;
    }

    @Override
    public String name() {
        return reader.name();
    }

    @Override
    public synchronized PcscReaders pcsc() {
        if (pcsc == null) {
            try {
                pcsc = new PcscReaders(TerminalFactory.getInstance(SimulatorProvider.TYPE, reader, new SimulatorProvider()));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("the simulator's smartcardio provider is missing", e);
            }
        }
        return pcsc;
    }

    @Override
    public boolean cardPresent() {
        return reader.cardSlot().isCardPresent();
    }

    @Override
    public List<Card> cards() {
        return profiles.all().stream().map(p -> new Card(p.profile(), p.psnName(), p.description())).toList();
    }

    @Override
    public void present(String profile) throws IOException {
        presentCard(profile);
    }

    /** Puts the training card of {@code profile} in the card slot and returns it (issued on first use, then read from its file). */
    public VirtualMedicalCard presentCard(String profile) throws IOException {
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

    @Override
    public void remove() {
        reader.cardSlot().remove();
    }
}
