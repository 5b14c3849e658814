package org.medcard.testsupport;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Supplier;

import org.junit.jupiter.api.Assertions;
import org.medcard.apdu.CommandApdu;
import org.medcard.apdu.Hex;
import org.medcard.apdu.ResponseApdu;
import org.medcard.transport.CardFault;
import org.medcard.transport.CardTransport;

/**
 * A card transport that plays a script: each step expects one exact command (hex) and answers with
 * response bytes (hex, data then SW) or throws a fault. An unexpected command fails the test with the
 * step number, what was expected and what came; {@link #assertAllConsumed()} fails if steps are left.
 *
 * <pre>
 * ScriptedTransport card = new ScriptedTransport("card")
 *         .expect("80 5C 00 02 04", "00002710 9000")
 *         .expectFault("80 54 ...", CardFault.Kind.CARD_REMOVED);
 * </pre>
 */
public final class ScriptedTransport implements CardTransport {

    private record Step(String command, Supplier<ResponseApdu> answer) {
    }

    private final String name;
    private final Deque<Step> steps = new ArrayDeque<>();
    private int done;
    private boolean closed;

    public ScriptedTransport(String name) {
        this.name = name;
    }

    /** Expects {@code commandHex} (spaces ignored) and answers {@code responseHex} (data followed by SW). */
    public ScriptedTransport expect(String commandHex, String responseHex) {
        ResponseApdu response = ResponseApdu.parse(Hex.parse(responseHex));
        steps.add(new Step(normal(commandHex), () -> response));
        return this;
    }

    /** Expects {@code commandHex} and throws a {@link CardFault} of {@code kind} instead of answering. */
    public ScriptedTransport expectFault(String commandHex, CardFault.Kind kind) {
        steps.add(new Step(normal(commandHex), () -> {
            throw new CardFault(kind, "scripted " + kind + " on " + name);
        }));
        return this;
    }

    @Override
    public ResponseApdu transmit(CommandApdu command) {
        Assertions.assertFalse(closed, name + ": transmit after close");
        String sent = Hex.of(command.bytes());
        Step step = steps.poll();
        if (step == null) {
            Assertions.fail(name + ": unexpected command after the end of the script (" + done + " steps done): " + sent);
        }
        if (!step.command().equals(sent)) {
            Assertions.fail(name + ": step " + (done + 1) + " expected " + step.command() + " but got " + sent);
        }
        done++;
        return step.answer().get();
    }

    /** How many scripted commands have been received so far. */
    public int commandsSeen() {
        return done;
    }

    /** Fails if any scripted step was not reached. */
    public void assertAllConsumed() {
        Assertions.assertTrue(steps.isEmpty(), () -> name + ": " + steps.size() + " scripted step(s) not reached, next: "
                + steps.peek().command());
    }

    @Override
    public boolean isCardPresent() {
        return !closed;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void close() {
        closed = true;
    }

    private static String normal(String hex) {
        return Hex.of(Hex.parse(hex));
    }
}
