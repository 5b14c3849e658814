package org.medcard.terminal.present.registration;

import java.util.List;
import java.util.Optional;

import org.medcard.terminal.present.counter.CardPanel;
import org.medcard.terminal.registration.Department;

/**
 * What the registration desk shows and asks. Every method is called on the UI thread (through the model's
 * {@code ui} executor when the answer comes from the worker).
 */
public interface RegistrationView {

    /** The departments, each with its label ("D01 内科 · 50.00 yuan"), in catalog order. */
    void showDepartments(List<Department> departments, List<String> labels);

    /** The chosen department's doctors (labels "王建华 主任医师") and fee. */
    void showDoctors(Department department, List<String> doctorLabels, String feeLine);

    void showOpenVisits(List<OpenVisit> visits);

    void showBusy(boolean busy, String what);

    /** Asks for the cardholder's PIN (masked entry); null when the clerk goes back. The model wipes the array. */
    char[] askPin(String prompt);

    /**
     * The patient's ID number typed from the ID card, when the fee or batch falls to cash during a fault (R11 case 2);
     * {@code reason} is the desk's line (the fault, or which check digit is right). Empty: the clerk went back.
     */
    Optional<String> askIdNumber(String reason);

    /** "Cancel visit …?"; true to cancel it. */
    boolean confirmCancel(String mdtrtId);

    void showVisit(VisitAnswer answer);

    void showMessage(String message);

    /**
     * The card panel (issue 15): the holder's name, masked numbers, status banner (the refusing rule's message when
     * refused) and balance, as at the pharmacy counter.
     */
    default void showCard(CardPanel card) {
    }

    /** The line after print / save of the last outcome's slip ("printed on …", "saved as …") or what went wrong. */
    default void showSlip(String line, boolean problem) {
        showMessage(line);
    }
}
