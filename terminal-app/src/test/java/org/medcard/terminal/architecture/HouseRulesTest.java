package org.medcard.terminal.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The terminal's house rules, checked on the compiled main classes (docs/architecture.md, "House rules"). Every
 * rule is strict: no package of {@code org.medcard.terminal} is in an import cycle (the cycles frozen during
 * issue 13 are gone), and no front end constructs a core service.
 */
@AnalyzeClasses(packages = "org.medcard.terminal", importOptions = ImportOption.DoNotIncludeTests.class)
class HouseRulesTest {

    private static final String UI = "org.medcard.terminal.ui..";
    private static final String TRAINING = "org.medcard.terminal.training..";

    @ArchTest
    static final ArchRule swingAndAwtOnlyInTheUi = noClasses()
            .that().resideOutsideOfPackage(UI)
            .and().resideOutsideOfPackage("org.medcard.terminal.receipt.print..")
            .should().dependOnClassesThat().resideInAnyPackage("javax.swing..", "java.awt..")
            .because("Swing and AWT are the desktop's; presentation models are tested without a display (convention 14)");

    @ArchTest
    static final ArchRule printingUsesOnlyAwtPrinting = noClasses()
            .that().resideInAPackage("org.medcard.terminal.receipt.print..")
            .should().dependOnClassesThat().resideInAnyPackage("javax.swing..")
            .because("the OS printer needs java.awt.print, never a Swing component");

    @ArchTest
    static final ArchRule theSimulatorOnlyBehindTheTrainingDoor = noClasses()
            .that().resideOutsideOfPackage(TRAINING)
            .should().dependOnClassesThat().resideInAPackage("org.medcard.simulator..")
            .because("TRAINING MODE is reached through org.medcard.terminal.TrainingMode, so a production build can leave it out");

    @ArchTest
    static final ArchRule smartcardioOnlyInTheTrainingDoor = noClasses()
            .that().resideOutsideOfPackage(TRAINING)
            .should().dependOnClassesThat().resideInAPackage("javax.smartcardio..")
            .because("card I/O goes through card-protocol's transports; only the simulated reader builds a provider");

    @ArchTest
    static final ArchRule presentationNeverImportsTheUi = noClasses()
            .that().resideInAPackage("org.medcard.terminal.present..")
            .should().dependOnClassesThat().resideInAPackage(UI)
            .because("the UI renders presentation models, never the other way round");

    @ArchTest
    static final ArchRule presentationUsesNoDeviceLibrary = noClasses()
            .that().resideInAPackage("org.medcard.terminal.present..")
            .should().dependOnClassesThat().resideInAnyPackage("org.medcard.transport..", "javax.smartcardio..", "com.fazecast..");

    @ArchTest
    static final ArchRule theUiNeverTouchesADevice = noClasses()
            .that().resideInAPackage(UI)
            .should().dependOnClassesThat().resideInAnyPackage("org.medcard.transport..", "javax.smartcardio..", "com.fazecast..");

    @ArchTest
    static final ArchRule saleAndSessionUseNoDeviceLibraryNoToolkit = noClasses()
            .that().resideInAnyPackage("org.medcard.terminal.sale..", "org.medcard.terminal.session..")
            .should().dependOnClassesThat().resideInAnyPackage("javax.smartcardio..", "com.fazecast..", "java.awt..", "javax.swing..")
            .because("the sale reaches the card through MedicalCard and the PSAM through Psam");

    @ArchTest
    static final ArchRule receiptDocumentsKnowNoOutputTechnology = noClasses()
            .that().resideInAnyPackage("org.medcard.terminal.receipt", "org.medcard.terminal.receipt.sheet..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.pdfbox..", "java.awt..", "com.fazecast..",
                    "org.medcard.terminal.receipt.escpos..", "org.medcard.terminal.receipt.pdf..", "org.medcard.terminal.receipt.print..");

    @ArchTest
    static final ArchRule sheetsKnowNoDocument = noClasses()
            .that().resideInAPackage("org.medcard.terminal.receipt.sheet..")
            .should().dependOnClassesThat().resideInAPackage("org.medcard.terminal.receipt");

    @ArchTest
    static final ArchRule pdfAndEscPosStayInTheirLane = noClasses()
            .that().resideInAnyPackage("org.medcard.terminal.receipt.pdf..", "org.medcard.terminal.receipt.escpos..")
            .should().dependOnClassesThat().resideInAnyPackage("java.awt..", "javax.swing..")
            .orShould().dependOnClassesThat().resideInAPackage("org.medcard.terminal.receipt.print..");

    @ArchTest
    static final ArchRule onlyEscPosUsesTheSerialLibrary = noClasses()
            .that().resideInAPackage("org.medcard.terminal.receipt..")
            .and().resideOutsideOfPackage("org.medcard.terminal.receipt.escpos..")
            .should().dependOnClassesThat().resideInAPackage("com.fazecast..");

    @ArchTest
    static final ArchRule noConsoleOutputInTheLibrary = noClasses()
            .that().resideInAnyPackage("org.medcard.terminal.receipt..", "org.medcard.terminal.present..",
                    "org.medcard.terminal.sale..", "org.medcard.terminal.session..")
            .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
            .because("library code logs through SLF4J; only the entry points write to the console");

    @ArchTest
    static final ArchRule noPrintedStackTraces = noClasses()
            .should().callMethodWhere(JavaCall.Predicates.target(
                    com.tngtech.archunit.core.domain.properties.HasName.Predicates.name("printStackTrace")))
            .because("a user sees one line and the next step, never a stack trace");

    @ArchTest
    static final ArchRule noPackageCycles = PackageCycles.rule("org.medcard.terminal");

    /**
     * The packages whose classes do the terminal's work: the card session, the desks, the center, the loads, the
     * receipt desk's wiring (journal, PDF renderer, printers: one receipt desk, built by the root's {@code ReceiptWiring}),
     * the operators' accounts and audit log (built by the root's {@code AccountsWiring}) and the tamper findings.
     */
    static final String[] CORE = {"org.medcard.terminal.sale..", "org.medcard.terminal.registration..",
            "org.medcard.terminal.resettle..", "org.medcard.terminal.voids..", "org.medcard.terminal.dayclose..",
            "org.medcard.terminal.session..", "org.medcard.terminal.center..", "org.medcard.terminal.load..",
            "org.medcard.terminal.rejected..", "org.medcard.terminal.receipt.desk..", "org.medcard.terminal.receipt.pdf..",
            "org.medcard.terminal.receipt.print..", "org.medcard.terminal.receipt.escpos..", "org.medcard.terminal.operator..",
            "org.medcard.terminal.tamper.."};

    /**
     * A core service: a class of {@link #CORE} that is neither a value (record, enum, interface, exception) nor made
     * to be built by anyone (a class with a static factory is fine: the rule looks at constructor calls only).
     */
    static final DescribedPredicate<JavaClass> CORE_SERVICE = new DescribedPredicate<>("a core service (not a record, enum or exception)") {
        @Override
        public boolean test(JavaClass c) {
            return c.getPackage() != null && java.util.Arrays.stream(CORE).anyMatch(p -> c.getPackageName().startsWith(p.replace("..", "")))
                    && !c.isRecord() && !c.isEnum() && !c.isInterface() && !c.isAssignableTo(Throwable.class);
        }
    };

    /**
     * Front ends get the services the root built ({@code Terminal.resettleDesk()}, {@code Terminal.pharmacySale()}, …);
     * they never wire their own.
     */
    @ArchTest
    static final ArchRule frontEndsNeverConstructCoreServices = noClasses()
            .that().resideInAnyPackage("org.medcard.terminal.cli..", "org.medcard.terminal.ui..", "org.medcard.terminal.present..")
            .should().callConstructorWhere(JavaCall.Predicates.target(
                    com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner(CORE_SERVICE)))
            .because("the composition root (Terminal) builds every core service once; the CLI and the desktop get them from it");
}
