package org.medcard.simulator.console;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;
import org.medcard.apdu.Hex;
import org.medcard.simulator.card.CardOptions;
import org.medcard.simulator.card.Tear;
import org.medcard.simulator.card.VirtualMedicalCard;
import org.medcard.simulator.cli.CardReport;
import org.medcard.simulator.profile.CardProfiles;
import org.medcard.simulator.reader.SimulatedCard;
import org.medcard.simulator.reader.SimulatedReader;
import org.medcard.simulator.reader.SlotFault;

/**
 * A plain line console over a simulated reader, for technicians commissioning a terminal. It reads commands
 * from a reader until {@code quit} or end of input; every command answers on one or a few lines. It works
 * with any reader kind because it only uses {@link SimulatedReader} and its slots.
 *
 * <p>Runs on its own thread (the caller's); the reader thread may transmit concurrently — slots and cards
 * are thread-safe.
 */
public final class SimulatorConsole {

    static final String HELP = String.join("\n",
            "insert PROFILE          put a new card of that profile into slot 0",
            "insert-file FILE        put the card kept in a card file into slot 0",
            "swap PROFILE            remove the card and insert another",
            "remove                  take the card out",
            "mute on|off             the card stops / starts answering",
            "unplug on|off           unplug / plug back the whole reader",
            "delay MS                every answer waits MS milliseconds (0 = off)",
            "corrupt N               corrupt the next N answers",
            "tear before|after|before-load|after-load|next   arm a one-shot tear in the card",
            "show                    reader and card state (numbers masked)",
            "trace on|off            live APDU trace (PIN and personal data masked)",
            "apdu HEX                send one APDU to the card slot",
            "profiles                list profiles",
            "help                    this text",
            "quit                    leave the console");

    private final SimulatedReader reader;
    private final CardProfiles profiles;
    private final Clock clock;
    private final PrintWriter out;
    private final ApduTrace trace;
    private boolean tracing;

    public SimulatorConsole(SimulatedReader reader, CardProfiles profiles, Clock clock, PrintWriter out) {
        this.reader = reader;
        this.profiles = profiles;
        this.clock = clock;
        this.out = out;
        this.trace = new ApduTrace(out);
    }

    /** Reads and runs commands until {@code quit} or end of input. */
    public void run(BufferedReader in) throws IOException {
        say("MedCard simulator console on " + reader.name() + " (TEST KEYS). Type 'help'.");
        String line;
        while ((line = in.readLine()) != null) {
            String trimmed = line.trim();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            if (trimmed.equals("quit") || trimmed.equals("exit")) {
                break;
            }
            execute(trimmed);
        }
        setTrace(false);
    }

    /** Runs one console command and prints its answer. */
    public void execute(String line) {
        String[] words = line.split("\\s+");
        String arg = words.length > 1 ? words[1] : null;
        try {
            switch (words[0].toLowerCase(Locale.ROOT)) {
                case "help" -> say(HELP);
                case "profiles" -> profiles.all().forEach(p -> say(p.profile() + "  " + p.description()));
                case "insert", "swap" -> insert(VirtualMedicalCard.issue(profiles.get(need(arg, "profile name")), profiles.keys(), clock));
                case "insert-file" -> insert(VirtualMedicalCard.open(Path.of(need(arg, "card file")), profiles.keys(), clock, CardOptions.defaults()));
                case "remove" -> say(reader.cardSlot().remove().map(c -> "removed " + c.describe()).orElse("slot 0 was empty"));
                case "mute" -> {
                    reader.cardSlot().setMute(onOff(arg));
                    say("card " + (onOff(arg) ? "mute" : "answers again"));
                }
                case "unplug" -> {
                    reader.setUnplugged(onOff(arg));
                    say("reader " + (onOff(arg) ? "unplugged" : "plugged in"));
                }
                case "delay" -> {
                    reader.cardSlot().setDelayMillis(Long.parseLong(need(arg, "milliseconds")));
                    say("answers delayed by " + arg + " ms");
                }
                case "corrupt" -> {
                    reader.cardSlot().corruptNextAnswers(Integer.parseInt(need(arg, "count")));
                    say("next " + arg + " answers corrupted");
                }
                case "tear" -> tear(need(arg, "before|after|before-load|after-load|next"));
                case "show" -> show();
                case "trace" -> setTrace(onOff(arg));
                case "apdu" -> apdu(String.join("", Arrays.copyOfRange(words, 1, words.length)));
                default -> say("unknown command '" + words[0] + "'; type 'help'");
            }
        } catch (IllegalArgumentException | IOException | SlotFault e) {
            say("error: " + e.getMessage());
        }
    }

    private void insert(VirtualMedicalCard card) {
        reader.cardSlot().insert(card);
        say("inserted " + card.describe());
    }

    private void tear(String where) {
        VirtualMedicalCard card = currentCard();
        Tear tear = switch (where) {
            case "before" -> Tear.BEFORE_DEBIT;
            case "after" -> Tear.AFTER_DEBIT;
            case "before-load" -> Tear.BEFORE_LOAD;
            case "after-load" -> Tear.AFTER_LOAD;
            case "next" -> Tear.NEXT_COMMAND;
            default -> throw new IllegalArgumentException("tear where? before|after|before-load|after-load|next");
        };
        card.arm(tear);
        say("armed tear " + tear + " on " + card.describe());
    }

    private void show() {
        say(reader.toString());
        reader.cardSlot().card().ifPresent(c -> {
            if (c instanceof VirtualMedicalCard v) {
                CardReport.print(out, v.profile(), v.state());
                if (!v.armedTears().isEmpty()) {
                    say("armed tears    " + v.armedTears());
                }
            }
        });
    }

    private void apdu(String hex) {
        byte[] response = reader.cardSlot().transmit(Hex.parse(need(hex.isEmpty() ? null : hex, "APDU hex")));
        if (!tracing) {
            say("< " + ApduTrace.maskResponse(Hex.parse(hex), response));
        }
    }

    private void setTrace(boolean on) {
        if (on && !tracing) {
            reader.slots().forEach(s -> s.addListener(trace));
        } else if (!on && tracing) {
            reader.slots().forEach(s -> s.removeListener(trace));
        }
        tracing = on;
    }

    private VirtualMedicalCard currentCard() {
        SimulatedCard c = reader.cardSlot().card().orElseThrow(() -> new IllegalArgumentException("no card in slot 0"));
        if (c instanceof VirtualMedicalCard v) {
            return v;
        }
        throw new IllegalArgumentException("the card in slot 0 is not a virtual medical card");
    }

    private static String need(String value, String what) {
        if (value == null) {
            throw new IllegalArgumentException("missing " + what);
        }
        return value;
    }

    private static boolean onOff(String value) {
        if ("on".equals(value)) {
            return true;
        }
        if ("off".equals(value)) {
            return false;
        }
        throw new IllegalArgumentException("say on or off");
    }

    private void say(String text) {
        synchronized (out) {
            out.println(text);
            out.flush();
        }
    }
}
