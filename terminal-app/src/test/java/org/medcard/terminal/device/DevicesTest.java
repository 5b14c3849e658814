package org.medcard.terminal.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medcard.apdu.CommandApdu;
import org.medcard.simulator.profile.CardProfiles;
import org.medcard.terminal.TrainingTerminals;
import org.medcard.terminal.config.DeviceChoice;
import org.medcard.terminal.training.SimulatorTrainingReader;
import org.medcard.transport.CardFault;
import org.medcard.transport.CardTransport;

/**
 * One card session at a time (the soak's finding): opening the card again closes the session before it,
 * so the JDK's PC/SC layer cannot hand back a cached connection whose card was pulled or swapped.
 */
class DevicesTest {
    private static final CommandApdu GET_CHALLENGE = new CommandApdu(0x00, 0x84, 0x00, 0x00, 8);

    @TempDir
    Path dir;

    @Test
    void connectCard_closesThePreviousCardSession_andTheNewOneWorks() throws Exception {
        SimulatorTrainingReader training = new SimulatorTrainingReader(CardProfiles.bundled(), dir, TrainingTerminals.CLOCK);
        training.present("normal-3des");
        try (Devices devices = new Devices(DeviceChoice.simulator(), DeviceChoice.simulator(), Optional.of(training), dir)) {
            CardTransport first = devices.connectCard();
            assertEquals(0x90, first.transmit(GET_CHALLENGE).sw1());

            CardTransport second = devices.connectCard();

            assertThrows(CardFault.class, () -> first.transmit(GET_CHALLENGE), "the earlier session is closed");
            assertEquals(0x90, second.transmit(GET_CHALLENGE).sw1());
        }
    }

    @Test
    void close_closesTheOpenCardSession() throws Exception {
        SimulatorTrainingReader training = new SimulatorTrainingReader(CardProfiles.bundled(), dir, TrainingTerminals.CLOCK);
        training.present("normal-sm4");
        Devices devices = new Devices(DeviceChoice.simulator(), DeviceChoice.simulator(), Optional.of(training), dir);
        CardTransport card = devices.connectCard();

        devices.close();

        assertThrows(CardFault.class, () -> card.transmit(GET_CHALLENGE));
    }
}
