package org.medcard.terminal.center;

/**
 * What a {@code 1301} catalog item is, read from its code: the national medical-insurance coding puts medical service
 * items (consultation, imaging, laboratory, infusion …) in the class whose codes start with {@code F}; western medicines
 * ({@code X…}) and Chinese patent medicines ({@code Z…}) are drugs. The spec's 1301 has no kind field, and one catalog
 * serves both the pharmacy and the hospital desk, so the code is what tells them apart (docs/decisions.md, xray15).
 */
public enum ItemKind {
    /** A drug: sold at the pharmacy counter, and billed on a hospital visit too. */
    DRUG,
    /** A medical service item: billed at the hospital's registration/payment desk only, never sold at the pharmacy. */
    SERVICE;

    /** The kind of the item with this code (a blank code is no service item: it is refused elsewhere as unknown). */
    public static ItemKind of(String code) {
        return code != null && code.startsWith("F") ? SERVICE : DRUG;
    }

    /** Whether the pharmacy counter may sell an item of this kind. */
    public boolean soldAtPharmacy() {
        return this == DRUG;
    }
}
