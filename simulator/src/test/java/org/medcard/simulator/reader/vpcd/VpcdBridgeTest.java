package org.medcard.simulator.reader.vpcd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medcard.simulator.reader.SimulatedSlot;

/** The bridge's side of the vpcd protocol, against a fake vpcd on loopback (no pcscd needed). */
class VpcdBridgeTest {

    private static final Duration SOON = Duration.ofSeconds(3);

    private FakeVpcd vpcd;
    private final SimulatedSlot slot = new SimulatedSlot(0, "test card slot");
    private final ScriptedCard card = new ScriptedCard("card").on("805C000204", "000027109000");
    private VpcdBridge bridge;

    @BeforeEach
    void startFakeVpcdAndBridge() throws Exception {
        vpcd = new FakeVpcd();
        bridge = new VpcdBridge(slot, "127.0.0.1", vpcd.port());
        bridge.start();
    }

    @AfterEach
    void stop() throws Exception {
        bridge.close();
        vpcd.close();
    }

    @Test
    void emptySlot_doesNotConnect() throws Exception {
        assertFalse(vpcd.accept(Duration.ofMillis(500)));
        assertFalse(bridge.isConnected());
    }

    @Test
    void insertedCard_connects_andAnswersAtrAndApdus() throws Exception {
        slot.insert(card);

        assertTrue(vpcd.accept(SOON));
        assertEquals(ScriptedCard.T1_ATR, vpcd.atr());
        assertEquals("000027109000", vpcd.exchange("805C000204"));
        assertEquals("6D00", vpcd.exchange("80CA000000"));
        assertTrue(bridge.isConnected());
    }

    @Test
    void powerOnAndReset_resetTheCard_withoutAnAnswer() throws Exception {
        slot.insert(card);
        assertTrue(vpcd.accept(SOON));
        int before = card.resets();

        vpcd.control(VpcdBridge.CTRL_ON);
        vpcd.control(VpcdBridge.CTRL_RESET);
        vpcd.control(VpcdBridge.CTRL_OFF);

        assertEquals(ScriptedCard.T1_ATR, vpcd.atr(), "next message is the ATR, nothing answered the power messages");
        assertEquals(before + 3, card.resets());
    }

    @Test
    void atrRequest_doesNotResetTheCard() throws Exception {
        slot.insert(card);
        assertTrue(vpcd.accept(SOON));
        int before = card.resets();

        vpcd.atr();
        vpcd.atr();

        assertEquals(before, card.resets());
    }

    @Test
    void cardRemoved_closesTheLink_andInsertingConnectsAgain() throws Exception {
        slot.insert(card);
        assertTrue(vpcd.accept(SOON));

        slot.remove();

        assertTrue(vpcd.peerClosed());
        assertFalse(bridge.isConnected());
        slot.insert(card);
        assertTrue(vpcd.accept(SOON));
        assertEquals(ScriptedCard.T1_ATR, vpcd.atr());
    }

    @Test
    void removedCard_staysAwayLongEnoughForPcscdToNotice() throws Exception {
        slot.insert(card);
        assertTrue(vpcd.accept(SOON));

        slot.remove();
        slot.insert(card);

        assertFalse(vpcd.accept(VpcdBridge.REMOVAL_HOLD.minusMillis(300)), "not back before the hold");
        assertTrue(vpcd.accept(SOON));
    }

    @Test
    void muteCard_answersAnEmptyMessage_andDropsTheLink() throws Exception {
        slot.insert(card);
        assertTrue(vpcd.accept(SOON));
        slot.setMute(true);

        assertEquals("", vpcd.exchange("805C000204"));

        assertTrue(vpcd.peerClosed());
    }

    @Test
    void unpluggedReader_cardReportedAbsentAtTheNextPoll() throws Exception {
        slot.insert(card);
        assertTrue(vpcd.accept(SOON));
        slot.setUnplugged(true);

        assertNull(vpcd.atr());
    }

    @Test
    void cardThatThrows_answers6F00_andTheBridgeKeepsServing() throws Exception {
        card.on("80CA000000", "9000");
        slot.insert(new org.medcard.simulator.reader.SimulatedCard() {
            @Override
            public byte[] atr() {
                return card.atr();
            }

            @Override
            public byte[] process(byte[] command) {
                if (command[1] == (byte) 0xCA) {
                    throw new IllegalStateException("bug in a simulated card");
                }
                return card.process(command);
            }

            @Override
            public void reset() {
            }

            @Override
            public String describe() {
                return "buggy card";
            }
        });
        assertTrue(vpcd.accept(SOON));

        assertEquals("6F00", vpcd.exchange("80CA000000"));
        assertEquals("000027109000", vpcd.exchange("805C000204"));
    }

    @Test
    void vpcdGoneAndBack_bridgeConnectsAgain() throws Exception {
        slot.insert(card);
        assertTrue(vpcd.accept(SOON));

        vpcd.dropPeer();

        assertTrue(vpcd.accept(SOON));
        assertEquals("000027109000", vpcd.exchange("805C000204"));
    }

    @Test
    void close_disconnectsAndStopsConnecting() throws Exception {
        slot.insert(card);
        assertTrue(vpcd.accept(SOON));

        bridge.close();

        assertTrue(vpcd.peerClosed());
        assertFalse(vpcd.accept(Duration.ofMillis(500)));
    }
}
