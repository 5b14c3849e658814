package org.medcard.terminal.receipt;

import java.util.Objects;

import org.medcard.terminal.receipt.sheet.Sheet;
import org.medcard.terminal.text.Texts;

/**
 * The slip of an outpatient registration (host {@code 2201}) and the settlement of its fee.
 *
 * @param mdtrtId the visit id ({@code mdtrt_id})
 * @param department the department's name
 * @param doctor the doctor's name, or {@code null} for a general registration
 * @param split how the registration fee was paid
 * @param setlId the fee's {@code setl_id}
 * @param proof the card's TAC and balance after, {@code null} when {@code acct_pay} is 0
 * @param fundNote why the pooling fund paid nothing of the fee (issue 15, as on the settlement receipt), or null
 */
public record RegistrationSlip(ReceiptHeader header, Insured insured, String mdtrtId, String department, String doctor,
                               Split split, String setlId, CardProof proof, FundNote fundNote) implements ReceiptDocument {

    /** A slip whose fee needs no reason for the fund's share. */
    public RegistrationSlip(ReceiptHeader header, Insured insured, String mdtrtId, String department, String doctor,
                            Split split, String setlId, CardProof proof) {
        this(header, insured, mdtrtId, department, doctor, split, setlId, proof, null);
    }

    public RegistrationSlip {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(insured, "insured");
        Texts.requireText(mdtrtId, "mdtrtId");
        Texts.requireText(department, "department");
        Objects.requireNonNull(split, "split");
        Texts.requireText(setlId, "setlId");
        if (split.acctPay() > 0 && proof == null) {
            throw new IllegalArgumentException("acct_pay " + split.acctPay() + " fen was debited but there is no TAC");
        }
        if (fundNote != null && split.fundPay() != 0) {
            throw new IllegalArgumentException("the fund paid " + split.fundPay() + " fen; a reason it paid nothing is wrong");
        }
    }

    @Override
    public Sheet toSheet() {
        SheetBuilder b = new SheetBuilder("registration-slip", "挂号单 Registration slip", header)
                .insured(insured)
                .rule()
                .boldField("就诊号 mdtrt_id", mdtrtId)
                .field("科室 Department", department)
                .field("医生 Doctor", doctor)
                .rule()
                .split(split);
        if (fundNote != null) {
            fundNote.line(b);
        }
        return b.proof(proof)
                .field("结算号 setl_id", setlId)
                .build();
    }
}
