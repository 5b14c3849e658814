package org.medcard.terminal.registration;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The departments and doctors the desk may register for. The host protocol has no transaction listing them
 * (2201 only checks them), so the terminal carries them: the bundled {@code departments.json} holds the
 * simulated institution's departments (the same codes and fees as the simulator's seed).
 */
public final class DepartmentCatalog {

    private final Map<String, Department> byCode;

    public DepartmentCatalog(List<Department> departments) {
        Map<String, Department> m = new LinkedHashMap<>();
        departments.forEach(d -> m.put(d.code(), d));
        this.byCode = Map.copyOf(m);
    }

    /** The catalog bundled with the terminal. */
    public static DepartmentCatalog bundled() {
        try (InputStream in = DepartmentCatalog.class.getResourceAsStream("departments.json")) {
            if (in == null) {
                throw new IllegalStateException("departments.json missing from the terminal's resources");
            }
            return parse(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled departments.json", e);
        }
    }

    static DepartmentCatalog parse(JsonNode root) {
        List<Department> list = new ArrayList<>();
        for (JsonNode d : root.path("departments")) {
            List<Department.Doctor> doctors = new ArrayList<>();
            for (JsonNode doc : d.path("doctors")) {
                doctors.add(new Department.Doctor(doc.path("doctor_code").asText(), doc.path("name").asText(), doc.path("title").asText()));
            }
            JsonNode fee = d.path("reg_fee");
            if (!fee.canConvertToExactIntegral()) {
                // No made-up fee (it used to read as -1 and fail as "negative"): the file is wrong, say which part.
                throw new IllegalArgumentException("department " + d.path("dept_code").asText() + " has no registration fee in fen");
            }
            list.add(new Department(d.path("dept_code").asText(), d.path("name").asText(), fee.asLong(), doctors));
        }
        return new DepartmentCatalog(list);
    }

    public Optional<Department> department(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code.trim()));
    }

    public List<Department> all() {
        return List.copyOf(byCode.values());
    }
}
