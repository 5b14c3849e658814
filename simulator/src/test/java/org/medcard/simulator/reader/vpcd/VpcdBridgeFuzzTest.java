package org.medcard.simulator.reader.vpcd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;

import com.code_intelligence.jazzer.junit.FuzzTest;

import org.medcard.simulator.card.CardOptions;
import org.medcard.simulator.card.PurseState;
import org.medcard.simulator.card.VirtualMedicalCard;
import org.medcard.simulator.profile.CardProfile;
import org.medcard.simulator.profile.CardProfiles;
import org.medcard.simulator.reader.SimulatedSlot;

/**
 * Coverage-guided fuzzing of the vpcd bridge's framing and dispatch (docs/fuzzing.md), without a socket: the
 * input is what vpcd would send (2-byte length + payload, repeated), the first byte choosing a slot state
 * (card, mute card, no card, corrupted answers). Contract: reading ends only with {@link EOFException} at the
 * end of the input; every answer written is one complete length-prefixed message; every command and every
 * ATR request gets exactly one answer until the bridge decides to close the link; nothing else is thrown.
 */
class VpcdBridgeFuzzTest {

    private static final CardProfiles PROFILES = CardProfiles.bundled();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T03:02:03Z"), ZoneOffset.UTC);

    @FuzzTest(maxDuration = "1m")
    void anyBytesFromVpcd_areFramedAndAnsweredOneForOne(byte[] input) throws IOException {
        if (input.length == 0) {
            return;
        }
        SimulatedSlot slot = new SimulatedSlot(0, "fuzz slot");
        CardProfile profile = PROFILES.all().get(0);
        slot.insert(new VirtualMedicalCard(profile, PROFILES.keys(), PurseState.initial(profile), CLOCK, new Random(7),
                CardOptions.defaults(), null));
        switch (input[0] & 0x03) {
            case 1 -> slot.setMute(true);
            case 2 -> slot.remove();
            case 3 -> slot.corruptNextAnswers(3);
            default -> { }
        }
        VpcdBridge bridge = new VpcdBridge(slot, "localhost", VpcdBridge.DEFAULT_PORT);
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(input, 1, input.length - 1));
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(written);

        int expectedAnswers = 0;
        boolean open = true;
        while (open) {
            byte[] message;
            try {
                message = VpcdBridge.readMessage(in, () -> { });
            } catch (EOFException end) {
                break;
            }
            int before = written.size();
            open = bridge.answer(message, out);
            boolean wantsAnswer = message.length != 1 || (message[0] & 0xFF) == VpcdBridge.CTRL_ATR;
            int answers = countMessages(written.toByteArray(), before);
            if (open && wantsAnswer) {
                assertEquals(1, answers, "one answer per command or ATR request");
                expectedAnswers++;
            } else {
                assertTrue(answers <= 1, "at most one answer before the link closes");
                expectedAnswers += answers;
            }
            if (!wantsAnswer) {
                assertEquals(0, answers, "power off, power on and reset are not answered");
            }
        }
        assertEquals(expectedAnswers, countMessages(written.toByteArray(), 0), "the answer stream is whole messages only");
    }

    /** The number of length-prefixed messages in {@code bytes[from..]}; fails on a partial one. */
    private static int countMessages(byte[] bytes, int from) {
        int n = 0;
        int pos = from;
        while (pos < bytes.length) {
            assertTrue(pos + 2 <= bytes.length, "length prefix cut");
            int length = ((bytes[pos] & 0xFF) << 8) | (bytes[pos + 1] & 0xFF);
            pos += 2 + length;
            assertTrue(pos <= bytes.length, "payload shorter than its length");
            n++;
        }
        return n;
    }
}
