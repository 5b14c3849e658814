package org.medcard.simulator.profile;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A family member bound to an employee's personal account (R3). */
public record FamilyMember(
        @JsonProperty("psn_no") String psnNo,
        @JsonProperty("psn_name") String psnName,
        @JsonProperty("psn_cert_no") String psnCertNo,
        @JsonProperty("relation") Relation relation) {

    public FamilyMember {
        require(psnNo != null && psnNo.matches("\\d{1,30}"), "family psn_no must be digits: " + psnNo);
        require(psnName != null && !psnName.isBlank(), "family psn_name missing");
        require(IdNumbers.isValid(psnCertNo), "family psn_cert_no invalid: " + IdNumbers.mask(psnCertNo));
        require(relation != null, "family relation missing");
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    @Override
    public String toString() {
        return "FamilyMember[" + psnNo + " " + relation + " " + IdNumbers.mask(psnCertNo) + "]";
    }
}
