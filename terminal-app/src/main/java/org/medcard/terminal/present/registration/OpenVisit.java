package org.medcard.terminal.present.registration;

/**
 * A visit registered at this desk in this session and not yet closed or cancelled (a paid visit stays: each batch of
 * prescribed items is paid on it the same day): the clerk settles, closes or cancels it from the list, or types any
 * visit number the patient brings.
 */
public record OpenVisit(String mdtrtId, String deptCode, String deptName, String doctorName, String cardNoMasked,
                        String holderName, String feeText) {
}
