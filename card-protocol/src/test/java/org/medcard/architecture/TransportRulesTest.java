package org.medcard.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The protocol core is free of hardware (conventions 1, 2): only the transports' adapters import the device
 * libraries; the card and PSAM clients, crypto, TLV and APDU values know only {@code CardTransport}.
 */
@AnalyzeClasses(packages = "org.medcard", importOptions = ImportOption.DoNotIncludeTests.class)
class TransportRulesTest {

    @ArchTest
    static final ArchRule smartcardioOnlyInThePcscTransport = noClasses()
            .that().resideOutsideOfPackage("org.medcard.transport.pcsc..")
            .should().dependOnClassesThat().resideInAPackage("javax.smartcardio..")
            .because("PC/SC is one adapter behind CardTransport");

    @ArchTest
    static final ArchRule jSerialCommOnlyInTheSerialTransport = noClasses()
            .that().resideOutsideOfPackage("org.medcard.transport.serial..")
            .should().dependOnClassesThat().resideInAPackage("com.fazecast..")
            .because("the serial port library is wrapped behind our own serial link");

    @ArchTest
    static final ArchRule theCoreKnowsNoTransportAdapter = noClasses()
            .that().resideInAnyPackage("org.medcard.card..", "org.medcard.psam..", "org.medcard.crypto..", "org.medcard.tlv..",
                    "org.medcard.apdu..")
            .should().dependOnClassesThat().resideInAnyPackage("org.medcard.transport.pcsc..", "org.medcard.transport.serial..")
            .because("the card application client is tested with a scripted fake transport");
}
