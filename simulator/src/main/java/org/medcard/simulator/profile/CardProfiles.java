package org.medcard.simulator.profile;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The profiles file: master keys, the PSAM's terminal id, and the people with their cards. Loaded from the
 * copy shipped in the simulator ({@link #bundled()}) or from a technician's file; every profile is
 * validated on load and card numbers, profile names and person numbers must be unique.
 */
public final class CardProfiles {

    /** Where the shipped file lives on the class path. */
    public static final String RESOURCE = "/org/medcard/simulator/profiles.json";

    private final SimulatorKeys keys;
    private final String terminalId;
    private final Map<String, CardProfile> byName;
    private final List<String> order;

    private CardProfiles(SimulatorKeys keys, String terminalId, List<CardProfile> profiles) {
        this.keys = keys;
        this.terminalId = terminalId;
        Map<String, CardProfile> map = new LinkedHashMap<>();
        Set<String> cardNos = new HashSet<>();
        Set<String> psnNos = new HashSet<>();
        for (CardProfile p : profiles) {
            if (map.put(p.profile(), p) != null) {
                throw new IllegalArgumentException("profile name used twice: " + p.profile());
            }
            if (!cardNos.add(p.cardNo())) {
                throw new IllegalArgumentException("card_no used twice, second time by profile " + p.profile());
            }
            if (!psnNos.add(p.psnNo())) {
                throw new IllegalArgumentException("psn_no used twice, second time by profile " + p.profile());
            }
            for (FamilyMember f : p.family()) {
                if (!psnNos.add(f.psnNo())) {
                    throw new IllegalArgumentException("psn_no used twice, by a family member of profile " + p.profile());
                }
            }
            if (p.keyVersion() != keys.keyVersion()) {
                throw new IllegalArgumentException("profile " + p.profile() + " uses key version " + p.keyVersion()
                        + " but the file has keys for version " + keys.keyVersion());
            }
        }
        this.byName = Map.copyOf(map);
        this.order = List.copyOf(map.keySet());
    }

    /** The profiles shipped with the simulator. */
    public static CardProfiles bundled() {
        try (InputStream in = CardProfiles.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("profiles file missing from the class path: " + RESOURCE);
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** A technician's own profiles file. */
    public static CardProfiles load(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        }
    }

    static CardProfiles read(InputStream in) throws IOException {
        FileForm form = SimulatorJson.mapper().readValue(in, FileForm.class);
        if (form.keys() == null || form.psam() == null || form.profiles() == null) {
            throw new IllegalArgumentException("profiles file needs keys, psam and profiles");
        }
        String tid = form.psam().terminalId();
        if (tid == null || !tid.matches("[0-9A-Fa-f]{12}")) {
            throw new IllegalArgumentException("psam.terminal_id must be 12 hex digits");
        }
        return new CardProfiles(form.keys(), tid.toUpperCase(java.util.Locale.ROOT), form.profiles());
    }

    public SimulatorKeys keys() {
        return keys;
    }

    /** The default PSAM terminal id, 12 hex digits. */
    public String terminalId() {
        return terminalId;
    }

    /** All profiles in file order. */
    public List<CardProfile> all() {
        return order.stream().map(byName::get).toList();
    }

    public Optional<CardProfile> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The profile with that name; the message lists the names that exist. */
    public CardProfile get(String name) {
        CardProfile p = byName.get(name);
        if (p == null) {
            throw new IllegalArgumentException("no profile named '" + name + "'; known: " + String.join(", ", order));
        }
        return p;
    }

    /** The JSON form of the file. */
    record FileForm(@JsonProperty("comment") String comment,
                    @JsonProperty("keys") SimulatorKeys keys,
                    @JsonProperty("psam") PsamForm psam,
                    @JsonProperty("profiles") List<CardProfile> profiles) {
    }

    record PsamForm(@JsonProperty("terminal_id") String terminalId) {
    }
}
