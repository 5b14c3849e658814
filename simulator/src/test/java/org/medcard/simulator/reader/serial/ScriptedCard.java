package org.medcard.simulator.reader.serial;

import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.medcard.apdu.Hex;
import org.medcard.simulator.reader.SimulatedCard;

/**
 * A small test card: answers every command with a fixed response that starts with its own tag, so a test
 * can tell which slot answered, and echoes the command's INS. Counts commands; can be told to hold the
 * next command until the test releases it (to put events between a request and its answer).
 */
final class ScriptedCard implements SimulatedCard {

    private final byte[] atr;
    private final byte tag;
    private final AtomicInteger commands = new AtomicInteger();
    private volatile CountDownLatch started = new CountDownLatch(0);
    private volatile CountDownLatch release = new CountDownLatch(0);
    private final java.util.concurrent.atomic.AtomicBoolean holdNext = new java.util.concurrent.atomic.AtomicBoolean();

    ScriptedCard(String atrHex, int tag) {
        this.atr = Hex.parse(atrHex);
        this.tag = (byte) tag;
    }

    /** The response to {@code command}: tag, INS, then 90 00. */
    byte[] expectedResponse(byte[] command) {
        return new byte[] {tag, command[1], (byte) 0x90, 0x00};
    }

    /** The next command waits in the card until {@link #releaseHeldCommand()}. */
    void holdNextCommand() {
        started = new CountDownLatch(1);
        release = new CountDownLatch(1);
        holdNext.set(true);
    }

    boolean awaitHeldCommand() throws InterruptedException {
        return started.await(5, TimeUnit.SECONDS);
    }

    void releaseHeldCommand() {
        release.countDown();
    }

    int commands() {
        return commands.get();
    }

    @Override
    public byte[] atr() {
        return atr.clone();
    }

    @Override
    public byte[] process(byte[] command) {
        commands.incrementAndGet();
        if (holdNext.getAndSet(false)) {
            started.countDown();
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (command.length < 4) {
            return new byte[] {0x67, 0x00};
        }
        return expectedResponse(Arrays.copyOf(command, 4));
    }

    @Override
    public void reset() {
    }

    @Override
    public String describe() {
        return "scripted card " + Hex.of(new byte[] {tag});
    }
}
