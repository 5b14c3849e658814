package org.medcard.terminal.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class DepartmentCatalogTest {

    @Test
    void bundledCatalog_holdsTheSimulatedInstitutionsDepartmentsWithFeesInFen() {
        DepartmentCatalog c = DepartmentCatalog.bundled();
        Department internal = c.department("D01").orElseThrow();
        assertEquals("内科", internal.name());
        assertEquals(5_000, internal.regFeeFen());
        assertEquals(6_000, c.department("D05").orElseThrow().regFeeFen(), "emergency costs more");
        assertEquals(5, c.all().size());
    }

    @Test
    void withoutADoctorTheFirstIsTaken_aDoctorOfAnotherDepartmentIsNotFound() {
        Department internal = DepartmentCatalog.bundled().department(" D01 ").orElseThrow();
        assertEquals("D01-001", internal.doctor(Optional.empty()).orElseThrow().code());
        assertEquals("D01-002", internal.doctor(Optional.of("D01-002")).orElseThrow().code());
        assertTrue(internal.doctor(Optional.of("D02-001")).isEmpty());
        assertTrue(DepartmentCatalog.bundled().department("D99").isEmpty());
    }

    @Test
    void aDepartmentNeedsADoctorAndANonNegativeFee() {
        Department.Doctor d = new Department.Doctor("X-1", "x", "y");
        assertThrows(IllegalArgumentException.class, () -> new Department("X", "x", 100, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new Department("X", "x", -1, List.of(d)));
    }

    @Test
    void aDepartmentWithoutAFeeIsRefusedAsMissing_notReadAsANegativeFee() throws Exception {
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                "{\"departments\":[{\"dept_code\":\"X\",\"name\":\"x\",\"doctors\":[{\"doctor_code\":\"X-1\"}]}]}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DepartmentCatalog.parse(json));
        assertEquals("department X has no registration fee in fen", e.getMessage());
        assertEquals(3_000, DepartmentCatalog.parse(new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                "{\"departments\":[{\"dept_code\":\"X\",\"name\":\"x\",\"reg_fee\":3000,\"doctors\":[{\"doctor_code\":\"X-1\"}]}]}"))
                .department("X").orElseThrow().regFeeFen());
    }
}
