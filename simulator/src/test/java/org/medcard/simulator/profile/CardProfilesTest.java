package org.medcard.simulator.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.medcard.crypto.Algorithm;

class CardProfilesTest {

    private final CardProfiles profiles = CardProfiles.bundled();

    @Test
    void bundledFile_hasEveryProfileTheBriefAsksFor() {
        Set<String> names = profiles.all().stream().map(CardProfile::profile).collect(Collectors.toSet());
        for (String required : List.of("normal-3des", "normal-sm4", "suspended", "frozen", "lost", "cancelled-abroad",
                "cancelled-household", "cancelled-transfer", "cancelled-death", "not-activated", "expired", "blocked",
                "low-balance", "pin-blocked", "employee-family", "out-of-region", "rare-name")) {
            assertTrue(names.contains(required), "missing profile " + required);
        }
    }

    @Test
    void everyIdNumber_includingFamily_passesMod112CheckDigit() {
        for (CardProfile p : profiles.all()) {
            assertTrue(IdNumbers.isValid(p.psnCertNo()), p.profile());
            assertEquals(IdNumbers.checkDigit(p.psnCertNo().substring(0, 17)), p.psnCertNo().charAt(17), p.profile());
            for (FamilyMember f : p.family()) {
                assertTrue(IdNumbers.isValid(f.psnCertNo()), p.profile() + " family " + f.psnNo());
            }
        }
    }

    @Test
    void checkDigit_knownPublishedExample() {
        // GB 11643 worked example: 11010519491231002X
        assertEquals('X', IdNumbers.checkDigit("11010519491231002"));
        assertTrue(IdNumbers.isValid("11010519491231002X"));
        assertFalse(IdNumbers.isValid("110105194912310021"));
        assertFalse(IdNumbers.isValid("11010519491331002X"), "month 13 is not a date");
    }

    @Test
    void cardNumbers_are20DigitsUniqueAndStartWithCardRegion() {
        Set<String> seen = profiles.all().stream().map(CardProfile::cardNo).collect(Collectors.toSet());
        assertEquals(profiles.all().size(), seen.size());
        profiles.all().forEach(p -> assertTrue(p.cardNo().matches("\\d{20}") && p.cardNo().startsWith(p.cardRegion()), p.profile()));
    }

    @Test
    void statusProfiles_carryWhatTheirNameSays() {
        assertEquals(CardStatus.SUSPENDED, profiles.get("suspended").psnStatus());
        assertEquals(CardStatus.FROZEN, profiles.get("frozen").psnStatus());
        assertEquals(CardStatus.LOST, profiles.get("lost").psnStatus());
        assertEquals(CancelReason.ABROAD, profiles.get("cancelled-abroad").statusReason());
        assertEquals(CancelReason.HOUSEHOLD, profiles.get("cancelled-household").statusReason());
        assertEquals(CancelReason.TRANSFER, profiles.get("cancelled-transfer").statusReason());
        assertEquals(CancelReason.DEATH, profiles.get("cancelled-death").statusReason());
        assertFalse(profiles.get("not-activated").activated());
        assertTrue(profiles.get("expired").expiryDate().isBefore(LocalDate.of(2026, 11, 23)));
        assertTrue(profiles.get("blocked").applicationBlocked());
        assertEquals(0, profiles.get("pin-blocked").pinTriesLeft());
        assertTrue(profiles.get("low-balance").balance() < 1000);
        assertEquals(Algorithm.TRIPLE_DES, profiles.get("normal-3des").purseAlgorithm());
        assertEquals(Algorithm.SM4, profiles.get("normal-sm4").purseAlgorithm());
        assertFalse(profiles.get("normal-3des").pendingLoads().isEmpty(), "R15 loads on normal-3des");
    }

    @Test
    void employeeFamily_hasSpouseChildAndParent() {
        CardProfile p = profiles.get("employee-family");
        assertEquals(Scheme.EMPLOYEE, p.insutype());
        assertEquals(Set.of(Relation.SPOUSE, Relation.CHILD, Relation.PARENT),
                p.family().stream().map(FamilyMember::relation).collect(Collectors.toSet()));
    }

    @Test
    void outOfRegion_differsFromInstitutionRegionAndIsFiled() {
        CardProfile p = profiles.get("out-of-region");
        assertFalse(p.cardRegion().equals("110101"));
        assertTrue(p.crossRegionFiled());
    }

    @Test
    void rareName_isOutsideTheBmpAndEncodesTo4BytesInGb18030() {
        String name = profiles.get("rare-name").psnName();
        assertEquals(0x20BB7, name.codePointAt(0));
        byte[] gb = name.substring(0, 2).getBytes(Charset.forName("GB18030"));
        assertEquals(4, gb.length);
        assertEquals(name, new String(name.getBytes(Charset.forName("GB18030")), Charset.forName("GB18030")));
    }

    @Test
    void defaultPin_is123456_andToStringHidesPinAndMasksNumbers() {
        CardProfile p = profiles.get("normal-3des");
        assertEquals("123456", new String(p.pin()));
        String text = p.toString();
        assertFalse(text.contains("123456"));
        assertFalse(text.contains(p.cardNo()));
        assertFalse(text.contains(p.psnCertNo()));
        assertTrue(text.contains(IdNumbers.mask(p.cardNo())));
    }

    @Test
    void mask_keepsFirstThreeAndLastFour() {
        assertEquals("110***********0017", IdNumbers.mask("110101197805210017"));
    }

    @Test
    void wrongCheckDigit_isRefusedOnLoad() {
        CardProfile good = profiles.get("normal-3des");
        String json = new String(readBundled(), StandardCharsets.UTF_8).replace(good.psnCertNo(),
                good.psnCertNo().substring(0, 17) + (good.psnCertNo().charAt(17) == '0' ? '1' : '0'));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> readWrapped(json));
        assertTrue(e.getMessage().contains("check digit"), e.getMessage());
    }

    @Test
    void birthDateInconsistentWithId_isRefusedOnLoad() {
        String json = new String(readBundled(), StandardCharsets.UTF_8).replace("\"birth_date\" : \"1978-05-21\"", "\"birth_date\" : \"1978-05-22\"")
                .replace("\"birth_date\": \"1978-05-21\"", "\"birth_date\": \"1978-05-22\"");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> readWrapped(json));
        assertTrue(e.getMessage().contains("birth_date"), e.getMessage());
    }

    private static CardProfiles readWrapped(String json) throws Exception {
        try {
            return CardProfiles.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
        } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
            // Jackson wraps exceptions thrown by record constructors; unwrap to the validation message.
            Throwable cause = e.getCause();
            throw cause instanceof IllegalArgumentException iae ? iae : e;
        }
    }

    private static byte[] readBundled() {
        try (var in = CardProfiles.class.getResourceAsStream(CardProfiles.RESOURCE)) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
