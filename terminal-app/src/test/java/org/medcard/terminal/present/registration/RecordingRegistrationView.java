package org.medcard.terminal.present.registration;

import java.util.ArrayList;
import java.util.List;

import org.medcard.terminal.present.counter.CardPanel;
import org.medcard.terminal.registration.Department;

/** A view that records what the model showed and answers its questions as told. */
final class RecordingRegistrationView implements RegistrationView {
    final List<String> departmentLabels = new ArrayList<>();
    final List<String> doctorLabels = new ArrayList<>();
    final List<String> feeLines = new ArrayList<>();
    final List<List<OpenVisit>> openVisits = new ArrayList<>();
    final List<VisitAnswer> visits = new ArrayList<>();
    final List<String> messages = new ArrayList<>();
    final List<String> pinPrompts = new ArrayList<>();
    final List<String> cancelAsked = new ArrayList<>();
    final List<String> idReasons = new ArrayList<>();
    /** The ID numbers the clerk types, one per question; when none are left the clerk goes back. */
    final java.util.Deque<String> idNumbers = new java.util.ArrayDeque<>();
    String pin = "123456";
    boolean confirmCancel = true;
    boolean isBusy;
    final List<CardPanel> cards = new ArrayList<>();
    /** What the result area shows now, as the panel does: an answer, or a message line that replaced it. */
    VisitAnswer answerOnScreen;
    String lineOnScreen;
    Thread pinAskedOn;
    /** What the result area showed while the PIN was asked (issue 15: not the previous answer's split). */
    VisitAnswer answerAtPin;
    String lineAtPin;

    @Override
    public void showDepartments(List<Department> departments, List<String> labels) {
        departmentLabels.clear();
        departmentLabels.addAll(labels);
    }

    @Override
    public void showDoctors(Department department, List<String> labels, String feeLine) {
        doctorLabels.clear();
        doctorLabels.addAll(labels);
        feeLines.add(feeLine);
    }

    @Override
    public void showOpenVisits(List<OpenVisit> v) {
        openVisits.add(v);
    }

    @Override
    public void showBusy(boolean busy, String what) {
        isBusy = busy;
    }

    @Override
    public char[] askPin(String prompt) {
        pinPrompts.add(prompt);
        answerAtPin = answerOnScreen;
        lineAtPin = lineOnScreen;
        pinAskedOn = Thread.currentThread();
        return pin == null ? null : pin.toCharArray();
    }

    @Override
    public java.util.Optional<String> askIdNumber(String reason) {
        idReasons.add(reason);
        return java.util.Optional.ofNullable(idNumbers.poll());
    }

    @Override
    public boolean confirmCancel(String mdtrtId) {
        cancelAsked.add(mdtrtId);
        return confirmCancel;
    }

    @Override
    public void showVisit(VisitAnswer answer) {
        visits.add(answer);
        answerOnScreen = answer;
        lineOnScreen = answer.detail();
    }

    @Override
    public void showMessage(String message) {
        messages.add(message);
        answerOnScreen = null;
        lineOnScreen = message;
    }

    @Override
    public void showCard(CardPanel card) {
        cards.add(card);
    }

    CardPanel lastCard() {
        return cards.get(cards.size() - 1);
    }

    VisitAnswer last() {
        return visits.get(visits.size() - 1);
    }

    List<OpenVisit> lastOpen() {
        return openVisits.get(openVisits.size() - 1);
    }
}
