package org.medcard.terminal.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/** The package-cycle condition on a fixture with one deliberate cycle (a ↔ b) and a package that only uses it (c). */
class PackageCyclesTest {

    private static final String FIXTURE = "org.medcard.terminal.architecture.fixture";

    @Test
    void eachEdgeOfACycle_isOneStableLine_andAPackageOutsideTheCycleIsNotReported() {
        JavaClasses classes = new ClassFileImporter().importPackages(FIXTURE);

        EvaluationResult result = PackageCycles.rule(FIXTURE).evaluate(classes);

        assertTrue(result.hasViolation());
        List<String> lines = result.getFailureReport().getDetails().stream().sorted().toList();
        assertEquals(List.of(FIXTURE + ".a -> " + FIXTURE + ".b (in a package cycle)",
                FIXTURE + ".b -> " + FIXTURE + ".a (in a package cycle)"), lines);
    }

    @Test
    void withoutTheCycle_nothingIsReported() {
        JavaClasses classes = new ClassFileImporter().importPackages(FIXTURE + ".a", FIXTURE + ".c");

        assertFalse(PackageCycles.rule(FIXTURE).evaluate(classes).hasViolation());
    }
}
