package org.medcard.simulator.center.store;

import java.util.List;

import org.medcard.simulator.center.rules.CatalogItem;

/**
 * Everything a new center database starts with: the people, cards, keys, balances, family bindings and
 * pending loads of the simulator's card profiles (the same ones the virtual cards are made from), plus
 * the catalog and the registration departments.
 */
public record CenterSeed(List<Keys> keys, List<Person> persons, List<Card> cards, List<Load> loads,
                         List<CatalogItem> catalog, List<Department> departments) {

    public CenterSeed {
        keys = List.copyOf(keys);
        persons = List.copyOf(persons);
        cards = List.copyOf(cards);
        loads = List.copyOf(loads);
        catalog = List.copyOf(catalog);
        departments = List.copyOf(departments);
    }

    /** Master keys of one key version, hex. */
    public record Keys(int keyVersion, String mpk, String mtk, String mlk, String mamk) {
    }

    /** An insured person; family members have {@code holderPsnNo} and {@code relation} and no card. */
    public record Person(String psnNo, String name, String certNo, String insutype, String admdvs, String status,
                         String statusReason, String statusSince, String effectiveFrom, boolean crossRegionFiled,
                         String holderPsnNo, String relation) {
    }

    /** A card with its shadow balance (what the card holds as far as the center knows). */
    /** @param blacklistable whether a LOST or FROZEN holder puts this card on the starting blacklist (a status only the center's record has does not) */
    public record Card(String cardNo, String psnNo, String region, String algorithm, int keyVersion, boolean activated,
                       String expiryDate, boolean blocked, long balance, boolean blacklistable) {
    }

    /** A monthly contribution waiting to be loaded onto the card (R15). */
    public record Load(String loadId, String cardNo, long amount, String month) {
    }

    /** A registration department and its doctors. */
    public record Department(String deptCode, String name, long regFee, List<Doctor> doctors) {
        public Department {
            doctors = List.copyOf(doctors);
        }
    }

    public record Doctor(String doctorCode, String name, String title) {
    }
}
