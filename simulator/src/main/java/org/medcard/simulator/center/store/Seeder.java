package org.medcard.simulator.center.store;

import java.util.HashMap;
import java.util.Map;

import org.medcard.simulator.center.rules.CatalogItem;

/**
 * Writes a {@link CenterSeed} into a fresh database, in the caller's transaction. The blacklist starts
 * with the cards whose holder is LOST or FROZEN, one version per entry (not those whose status only the
 * center's record has: they test the center's own refusal, issue 14).
 */
public final class Seeder {
    private Seeder() {
    }

    public static void seed(Db db, CenterSeed seed) {
        for (CenterSeed.Keys k : seed.keys()) {
            db.update("INSERT INTO key_set(key_version, mpk, mtk, mlk, mamk) VALUES (?,?,?,?,?)",
                    k.keyVersion(), k.mpk(), k.mtk(), k.mlk(), k.mamk());
        }
        Map<String, CenterSeed.Person> byPsn = new HashMap<>();
        // Holders before family members: the family rows refer to their holder.
        for (CenterSeed.Person p : seed.persons()) {
            if (p.holderPsnNo() == null) {
                insertPerson(db, p);
                byPsn.put(p.psnNo(), p);
            }
        }
        for (CenterSeed.Person p : seed.persons()) {
            if (p.holderPsnNo() != null) {
                insertPerson(db, p);
            }
        }
        for (CenterSeed.Card c : seed.cards()) {
            db.update("INSERT INTO card(card_no, psn_no, card_region, algorithm, key_version, activated, expiry_date, blocked, balance)"
                            + " VALUES (?,?,?,?,?,?,?,?,?)", c.cardNo(), c.psnNo(), c.region(), c.algorithm(), c.keyVersion(),
                    c.activated(), c.expiryDate(), c.blocked(), c.balance());
            CenterSeed.Person holder = byPsn.get(c.psnNo());
            if (holder != null && c.blacklistable() && ("LOST".equals(holder.status()) || "FROZEN".equals(holder.status()))) {
                db.update("INSERT INTO blacklist(card_no, psn_status, since) VALUES (?,?,?)", c.cardNo(), holder.status(),
                        holder.statusSince());
            }
        }
        for (CenterSeed.Load l : seed.loads()) {
            db.update("INSERT INTO pending_load(load_id, card_no, amount, month, origin, status) VALUES (?,?,?,?,'CONTRIBUTION','PENDING')",
                    l.loadId(), l.cardNo(), l.amount(), l.month());
        }
        for (CatalogItem i : seed.catalog()) {
            db.update("INSERT INTO catalog(code, name, spec, unit, price, category, self_pay_ratio_bp, chronic, version) VALUES (?,?,?,?,?,?,?,?,?)",
                    i.code(), i.name(), i.spec(), i.unit(), i.price(), i.category(), i.selfPayRatioBp(), i.chronic(), i.version());
        }
        for (CenterSeed.Department d : seed.departments()) {
            db.update("INSERT INTO department(dept_code, name, reg_fee) VALUES (?,?,?)", d.deptCode(), d.name(), d.regFee());
            for (CenterSeed.Doctor doc : d.doctors()) {
                db.update("INSERT INTO doctor(doctor_code, dept_code, name, title) VALUES (?,?,?,?)", doc.doctorCode(), d.deptCode(),
                        doc.name(), doc.title());
            }
        }
    }

    private static void insertPerson(Db db, CenterSeed.Person p) {
        db.update("INSERT INTO person(psn_no, psn_name, psn_cert_no, insutype, insuplc_admdvs, psn_status, status_reason, status_since,"
                        + " effective_from, cross_region_filed, holder_psn_no, relation) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                p.psnNo(), p.name(), p.certNo(), p.insutype(), p.admdvs(), p.status(), p.statusReason(), p.statusSince(),
                p.effectiveFrom(), p.crossRegionFiled(), p.holderPsnNo(), p.relation());
    }
}
