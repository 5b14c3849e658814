package org.medcard.queue;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMembers;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The queue's house rules (docs/architecture.md, "House rules"), on its compiled main classes: it stores and
 * forwards the terminal's encoded messages without knowing the host protocol's envelope.
 */
@AnalyzeClasses(packages = "org.medcard.queue", importOptions = ImportOption.DoNotIncludeTests.class)
class QueueHouseRulesTest {

    @ArchTest
    static final ArchRule theQueuesApiNamesNoHostEnvelopeField = noMembers()
            .that().areDeclaredInClassesThat().resideInAPackage("org.medcard.queue..")
            .should().haveNameMatching("(?i).*(infno|infcode|inf_?refmsgid|fixmedins).*")
            .because("the queue speaks of a transaction and the center's code; the envelope is the terminal's"
                    + " center.HostLink (the stored column names stay, mapped in Rows)");

    @ArchTest
    static final ArchRule theQueueKnowsNoTerminal = noClasses()
            .that().resideInAPackage("org.medcard.queue..")
            .should().dependOnClassesThat().resideInAnyPackage("org.medcard.terminal..", "org.medcard.simulator..")
            .because("the terminal plugs its codec and its link into the queue's ports (WireFormat, forward.CenterLink)");
}
