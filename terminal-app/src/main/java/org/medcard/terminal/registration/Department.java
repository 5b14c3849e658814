package org.medcard.terminal.registration;

import java.util.List;
import java.util.Optional;

/**
 * A registration department of the institution: its code (sent as {@code dept_code}), name, registration fee
 * in fen and its doctors (the first is the default when the clerk names none).
 */
public record Department(String code, String name, long regFeeFen, List<Doctor> doctors) {
    public Department {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("department code missing");
        }
        if (regFeeFen < 0) {
            throw new IllegalArgumentException("registration fee of " + code + " is negative: " + regFeeFen);
        }
        doctors = List.copyOf(doctors);
        if (doctors.isEmpty()) {
            throw new IllegalArgumentException("department " + code + " has no doctor");
        }
    }

    /**
     * The named doctor of this department (empty when none has that code), or the first one when no doctor is named:
     * a patient who names no doctor sees whoever the department lists first.
     */
    public Optional<Doctor> doctor(Optional<String> doctorCode) {
        if (doctorCode.isEmpty()) {
            return Optional.of(doctors.get(0));
        }
        return doctors.stream().filter(d -> d.code().equals(doctorCode.get())).findFirst();
    }

    /** A doctor who sees patients in a department. */
    public record Doctor(String code, String name, String title) {
        public Doctor {
            if (code == null || code.isBlank()) {
                throw new IllegalArgumentException("doctor code missing");
            }
        }
    }
}
