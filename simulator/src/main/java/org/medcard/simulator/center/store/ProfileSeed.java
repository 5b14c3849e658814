package org.medcard.simulator.center.store;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.medcard.simulator.profile.CancelReason;
import org.medcard.simulator.profile.CardProfile;
import org.medcard.simulator.profile.CardProfiles;
import org.medcard.simulator.profile.FamilyMember;
import org.medcard.simulator.profile.PendingLoad;
import org.medcard.simulator.profile.SimulatorKeys;

/**
 * Builds the center's seed from the simulator's card profiles, so the center knows the same people,
 * cards, keys, balances, family bindings and pending loads as the virtual cards are made from.
 */
public final class ProfileSeed {
    private ProfileSeed() {
    }

    /** The bundled profiles plus the bundled catalog and departments. */
    public static CenterSeed bundled() {
        return from(CardProfiles.bundled());
    }

    public static CenterSeed from(CardProfiles profiles) {
        SimulatorKeys k = profiles.keys();
        List<CenterSeed.Person> persons = new ArrayList<>();
        List<CenterSeed.Card> cards = new ArrayList<>();
        List<CenterSeed.Load> loads = new ArrayList<>();
        for (CardProfile p : profiles.all()) {
            persons.add(new CenterSeed.Person(p.psnNo(), p.psnName(), p.psnCertNo(), p.insutype().name(), p.insuplcAdmdvs(),
                    p.centerRecordStatus().name(), centerReason(p), centerSince(p).toString(),
                    p.effectiveFrom().toString(), p.crossRegionFiled(), null, null));
            for (FamilyMember f : p.family()) {
                // A family member is known to the center as a person bound to the holder; their own scheme
                // does not matter here, since the pooling fund never pays for them from this account (R3).
                persons.add(new CenterSeed.Person(f.psnNo(), f.psnName(), f.psnCertNo(), null, p.insuplcAdmdvs(), "NORMAL", null,
                        null, null, false, p.psnNo(), f.relation().name()));
            }
            cards.add(new CenterSeed.Card(p.cardNo(), p.psnNo(), p.cardRegion(), p.algorithm(), p.keyVersion(), p.activated(),
                    p.expiryDate().toString(), p.applicationBlocked(), p.balance(), p.centerStatus() == null));
            for (PendingLoad l : p.pendingLoads()) {
                loads.add(new CenterSeed.Load(l.loadId(), p.cardNo(), l.amount(), l.month().toString()));
            }
        }
        List<CenterSeed.Keys> keys = List.of(new CenterSeed.Keys(k.keyVersion(), k.mpk(), k.mtk(), k.mlk(), k.mamk()));
        return new CenterSeed(keys, persons, cards, loads, SeedResources.catalog(), SeedResources.departments());
    }

    /** The center's own status reason: the profile's center_status overrides what the card file says. */
    private static String centerReason(CardProfile p) {
        CancelReason r = p.centerStatus() != null ? p.centerStatusReason() : p.statusReason();
        return r == null ? null : r.name();
    }

    private static LocalDate centerSince(CardProfile p) {
        return p.centerStatus() != null && p.centerStatusSince() != null ? p.centerStatusSince() : p.statusSince();
    }
}
