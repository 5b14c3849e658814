package org.medcard.simulator.reader.vpcd;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.medcard.apdu.Hex;
import org.medcard.simulator.reader.SimulatedCard;

/**
 * A test card that answers fixed commands with fixed responses (hex), {@code 6D00} to anything else, and
 * records every command it receives. The same command may be given several answers: they are used in
 * turn, the last one repeating. Thread-safe: the bridge thread calls it while the test thread inspects it.
 */
final class ScriptedCard implements SimulatedCard {

    static final String T1_ATR = "3B800181";

    private final String name;
    private final byte[] atr;
    private final Map<String, List<String>> answers = new LinkedHashMap<>();
    private final Map<String, Integer> used = new LinkedHashMap<>();
    private final List<String> received = new ArrayList<>();
    private int resets;

    ScriptedCard(String name) {
        this(name, T1_ATR);
    }

    ScriptedCard(String name, String atrHex) {
        this.name = name;
        this.atr = Hex.parse(atrHex);
    }

    /** Answers {@code commandHex} with {@code responses} in turn (the last repeats). */
    synchronized ScriptedCard on(String commandHex, String... responses) {
        answers.put(norm(commandHex), List.of(responses));
        return this;
    }

    @Override
    public byte[] atr() {
        return atr.clone();
    }

    @Override
    public synchronized byte[] process(byte[] command) {
        String hex = Hex.of(command);
        received.add(hex);
        List<String> list = answers.get(hex);
        if (list == null) {
            return Hex.parse("6D00");
        }
        int n = used.merge(hex, 1, Integer::sum) - 1;
        return Hex.parse(list.get(Math.min(n, list.size() - 1)));
    }

    @Override
    public synchronized void reset() {
        resets++;
    }

    synchronized int resets() {
        return resets;
    }

    synchronized List<String> received() {
        return List.copyOf(received);
    }

    synchronized void clearReceived() {
        received.clear();
    }

    @Override
    public String describe() {
        return "scripted card " + name;
    }

    private static String norm(String hex) {
        return Hex.of(Hex.parse(hex));
    }
}
