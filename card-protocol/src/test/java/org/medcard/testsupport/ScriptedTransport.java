package org.medcard.testsupport;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.junit.jupiter.api.Assertions;
import org.medcard.apdu.CommandApdu;
import org.medcard.apdu.Hex;
import org.medcard.apdu.ResponseApdu;
import org.medcard.transport.CardFault;
import org.medcard.transport.CardTransport;

/**
 * A transport that plays a script: each step expects one command (hex) and answers with response bytes
 * (hex), or throws a {@link CardFault}. An unexpected command fails the test with both commands shown;
 * {@link #assertAllConsumed()} checks that the code under test sent everything the script expected.
 *
 * <pre>{@code
 * ScriptedTransport card = new ScriptedTransport("card")
 *         .expect("80 5C 00 02 04", "00 00 27 10 90 00")
 *         .expectFault("80 5C 00 02 04", CardFault.Kind.CARD_REMOVED);
 * ...
 * card.assertAllConsumed();
 * }</pre>
 *
 * Hex is compared without spaces and case. Shared with the other modules through the test-jar.
 */
public final class ScriptedTransport implements CardTransport {

    private record Step(String command, String response, CardFault.Kind fault) {
    }

    private final String name;
    private final Deque<Step> steps = new ArrayDeque<>();
    private final List<CommandApdu> sent = new ArrayList<>();
    private boolean cardPresent = true;
    private boolean closed;

    public ScriptedTransport(String name) {
        this.name = name;
    }

    /** Next, expect {@code commandHex} and answer {@code responseHex} (data followed by SW1 SW2). */
    public ScriptedTransport expect(String commandHex, String responseHex) {
        steps.add(new Step(normalize(commandHex), normalize(responseHex), null));
        return this;
    }

    /** Next, expect {@code commandHex} and throw a {@link CardFault} of that kind. */
    public ScriptedTransport expectFault(String commandHex, CardFault.Kind kind) {
        steps.add(new Step(normalize(commandHex), null, kind));
        return this;
    }

    public ScriptedTransport cardPresent(boolean present) {
        this.cardPresent = present;
        return this;
    }

    @Override
    public ResponseApdu transmit(CommandApdu command) {
        Assertions.assertFalse(closed, name + ": transmit after close");
        String actual = Hex.of(command.bytes());
        sent.add(command);
        Step step = steps.poll();
        if (step == null) {
            return Assertions.fail(name + ": unexpected command " + actual + " after the end of the script ("
                    + (sent.size() - 1) + " commands expected)");
        }
        if (!step.command().equals(actual)) {
            return Assertions.fail(name + ": command #" + sent.size() + " expected " + step.command() + " but was " + actual);
        }
        if (step.fault() != null) {
            throw new CardFault(step.fault(), name + ": scripted fault on " + command.header());
        }
        return ResponseApdu.parse(Hex.parse(step.response()));
    }

    /** Fails unless every scripted step was used. */
    public void assertAllConsumed() {
        if (!steps.isEmpty()) {
            Assertions.fail(name + ": " + steps.size() + " scripted command(s) never sent; next expected "
                    + steps.peek().command());
        }
    }

    /** How many commands were sent so far. */
    public int commandsSeen() {
        return sent.size();
    }

    /** The commands sent so far, in order. */
    public List<CommandApdu> sent() {
        return List.copyOf(sent);
    }

    public boolean isClosed() {
        return closed;
    }

    @Override
    public boolean isCardPresent() {
        return cardPresent;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void close() {
        closed = true;
    }

    private static String normalize(String hex) {
        return Hex.of(Hex.parse(hex));
    }
}
