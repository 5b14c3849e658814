package org.medcard.simulator.center.tx;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.medcard.simulator.center.rules.Insutype;
import org.medcard.simulator.center.rules.PsnStatus;
import org.medcard.simulator.center.store.Db;

/** An insured person (or a bound family member, who has a holder and a relation) as the center knows them. */
record Person(String psnNo, String name, String certNo, Insutype insutype, String admdvs, PsnStatus status,
              String statusReason, LocalDate statusSince, LocalDate effectiveFrom, boolean crossRegionFiled,
              String holderPsnNo, String relation) {

    static final String COLUMNS = "psn_no, psn_name, psn_cert_no, insutype, insuplc_admdvs, psn_status, status_reason, status_since,"
            + " effective_from, cross_region_filed, holder_psn_no, relation";

    static Person map(ResultSet rs) throws SQLException {
        String insutype = rs.getString(4);
        return new Person(rs.getString(1), rs.getString(2), rs.getString(3), insutype == null ? null : Insutype.valueOf(insutype),
                rs.getString(5), PsnStatus.valueOf(rs.getString(6)), rs.getString(7), date(rs.getString(8)), date(rs.getString(9)),
                rs.getInt(10) != 0, rs.getString(11), rs.getString(12));
    }

    static Optional<Person> byPsnNo(Db db, String psnNo) {
        return db.one("SELECT " + COLUMNS + " FROM person WHERE psn_no = ?", Person::map, psnNo);
    }

    static Optional<Person> byCertNo(Db db, String certNo) {
        return db.one("SELECT " + COLUMNS + " FROM person WHERE psn_cert_no = ?", Person::map, certNo);
    }

    List<Person> family(Db db) {
        return db.list("SELECT " + COLUMNS + " FROM person WHERE holder_psn_no = ? ORDER BY psn_no", Person::map, psnNo);
    }

    void describe(ObjectNode out) {
        out.put("psn_no", psnNo);
        out.put("psn_name", name);
        out.put("psn_cert_no", certNo);
        out.put("insutype", insutype == null ? null : insutype.name());
        out.put("insuplc_admdvs", admdvs);
        out.put("status_reason", statusReason);
        out.put("suspended_since", status == PsnStatus.SUSPENDED && statusSince != null ? statusSince.toString() : null);
        out.put("effective_from", effectiveFrom == null ? null : effectiveFrom.toString());
        out.put("cross_region_filed", crossRegionFiled);
    }

    private static LocalDate date(String s) {
        return s == null ? null : LocalDate.parse(s);
    }
}
