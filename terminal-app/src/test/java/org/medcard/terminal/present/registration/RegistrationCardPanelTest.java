package org.medcard.terminal.present.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.medcard.terminal.present.counter.InMemoryCards.WORDS;
import static org.medcard.terminal.present.counter.InMemoryCards.card;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;

import org.junit.jupiter.api.Test;
import org.medcard.terminal.present.counter.CardDesk;
import org.medcard.terminal.present.counter.CardPanel;
import org.medcard.terminal.present.counter.CardWatch;
import org.medcard.terminal.present.counter.CounterModel;
import org.medcard.terminal.present.counter.InMemoryCards;
import org.medcard.terminal.present.counter.TrainingCard;
import org.medcard.terminal.registration.DepartmentCatalog;
import org.medcard.terminal.status.CardStatus;
import org.medcard.terminal.text.Texts;

/**
 * Issue 15: the registration desk's card panel, on the counter's in-memory card port (a slot holding card views), both
 * executors inline and a recording view: no SQLite, no HTTP, no reader, no display. Registering itself is the desk's
 * ({@link RegistrationDeskModelTest} on the real stack); here the desk is absent and only the card panel is used.
 */
class RegistrationCardPanelTest {

    private static final Executor INLINE = Runnable::run;
    private static final String HOLDER_ID = "110101197805211235";

    private final InMemoryCards slot = new InMemoryCards();
    private final RecordingRegistrationView view = new RecordingRegistrationView();

    private CardWatch watch(Locale language) {
        slot.training.put("normal", card("11000000000000000001", "张伟", HOLDER_ID, CardStatus.NORMAL, 128_650, "EMPLOYEE", List.of()));
        slot.training.put("frozen", card("11000000000000000002", "王芳", HOLDER_ID, CardStatus.FROZEN, 10_000, "EMPLOYEE", List.of()));
        slot.training.put("suspended", card("11000000000000000003", "孙丽", HOLDER_ID, CardStatus.SUSPENDED, 10_000, "RESIDENT", List.of()));
        return new CardWatch(slot, WORDS, Texts.of(CounterModel.BUNDLE, language), INLINE, INLINE);
    }

    private RegistrationDeskModel desk(CardWatch watch, Locale language) {
        return new RegistrationDeskModel(null, null, DepartmentCatalog.bundled(), language, () -> "clerk01", view, INLINE, INLINE)
                .watchCards(watch);
    }

    @Test
    void beforeAnyCard_thePanelAsksForOne() {
        desk(watch(Locale.ENGLISH), Locale.ENGLISH);

        assertFalse(view.lastCard().present());
        assertEquals(CardPanel.Banner.NONE, view.lastCard().banner());
        assertEquals("Insert the patient card.", view.lastCard().bannerText());
    }

    @Test
    void aPresentedCard_showsTheHolderBeforeRegistering_maskedNumberStatusAndBalance() {
        RegistrationDeskModel model = desk(watch(Locale.ENGLISH), Locale.ENGLISH);
        assertEquals(List.of("normal", "frozen", "suspended"), model.trainingCards().stream().map(TrainingCard::profile).toList(),
                "F9 offers the training reader's cards");

        model.presentTrainingCard("normal");

        CardPanel c = view.lastCard();
        assertEquals("张伟", c.name());
        assertFalse(c.cardMasked().contains("11000000000000000001"), c.cardMasked());
        assertTrue(c.cardMasked().contains("*"), "the card number masked: " + c.cardMasked());
        assertEquals("110***********1235", c.idMasked());
        assertEquals(CardPanel.Banner.OK, c.banner());
        assertEquals("Card OK", c.bannerText());
        assertEquals(128_650, c.balanceFen().orElseThrow());
        assertEquals(c, model.card());
        assertEquals("Card read: check the name on the card panel, choose the department and doctor, then register "
                + "(Enter or F6 pays the fee now, F5 with the visit).", view.lineOnScreen);
        assertEquals(1, slot.reads, "read once through the card session");
    }

    @Test
    void R5_aFrozenCard_showsTheRulesMessageOnThePanel_andInTheDesksLine() {
        RegistrationDeskModel model = desk(watch(Locale.ENGLISH), Locale.ENGLISH);

        model.presentTrainingCard("frozen");

        CardPanel c = view.lastCard();
        assertEquals("王芳", c.name(), "the holder is shown with the refusal");
        assertEquals(CardPanel.Banner.REFUSED, c.banner());
        assertEquals(WORDS.message("status.frozen"), c.bannerText());
        assertTrue(c.bannerText().contains("(R5)"), c.bannerText());
        assertEquals("This card cannot be used: " + WORDS.message("status.frozen"), view.lineOnScreen);
    }

    @Test
    void R5_theRefusalOfOnePatient_isClearedWhenTheNextPatientsCardComes() {
        RegistrationDeskModel model = desk(watch(Locale.ENGLISH), Locale.ENGLISH);
        model.presentTrainingCard("frozen");
        assertTrue(view.lineOnScreen.contains("(R5)"), view.lineOnScreen);

        model.presentTrainingCard("normal");

        assertEquals(CardPanel.Banner.OK, view.lastCard().banner());
        assertEquals("张伟", view.lastCard().name());
        assertNull(view.answerOnScreen, "no answer of the last patient left on screen");
        assertFalse(view.lineOnScreen.contains("(R5)"), "the line under the green panel is this patient's: " + view.lineOnScreen);
        assertTrue(view.lineOnScreen.startsWith("Card read"), view.lineOnScreen);
    }

    @Test
    void theSameCardBackInTheSlot_keepsItsAnswer_theNextPatientsCardClearsIt() {
        CardWatch watch = watch(Locale.ENGLISH);
        RegistrationDeskModel model = desk(watch, Locale.ENGLISH);
        model.presentTrainingCard("normal");
        model.settle(" ", "");
        assertEquals("Enter or select the visit number first.", view.lineOnScreen);

        slot.removeTrainingCard();
        watch.poll();
        model.presentTrainingCard("normal");

        assertEquals("张伟", view.lastCard().name());
        assertEquals("Enter or select the visit number first.", view.lineOnScreen, "the same patient: their answer stays");

        model.presentTrainingCard("suspended");

        assertTrue(view.lineOnScreen.startsWith("Card read"), "the next patient: " + view.lineOnScreen);
    }

    @Test
    void R4_aSuspendedCard_isUsableWithAnAmberNote() {
        RegistrationDeskModel model = desk(watch(Locale.ENGLISH), Locale.ENGLISH);

        model.presentTrainingCard("suspended");

        assertEquals(CardPanel.Banner.WARNING, view.lastCard().banner());
        assertTrue(view.lastCard().bannerText().contains("(R4)"), view.lastCard().bannerText());
        assertEquals("Resident", view.lastCard().scheme());
        assertTrue(view.lineOnScreen.startsWith("Card read"), "usable: the clerk registers");
    }

    @Test
    void R15_aLoadAtTheCardsContact_isToldToTheClerk() {
        RegistrationDeskModel model = desk(watch(Locale.ENGLISH), Locale.ENGLISH);
        slot.loadedFen = 70_000;

        model.presentTrainingCard("normal");

        assertEquals("Card read. Monthly contributions loaded onto the card: 700.00 yuan (R15). Check the name, then register.",
                view.lineOnScreen);
    }

    @Test
    void R11_aReadThatFailedOnADevice_saysToInsertItAgain_orTakeTheFeeInCash() {
        RegistrationDeskModel model = desk(watch(Locale.ENGLISH), Locale.ENGLISH);
        slot.unread = new CardDesk.Unread(false, "the card did not answer");

        model.presentTrainingCard("normal");

        assertEquals(CardPanel.Banner.REFUSED, view.lastCard().banner());
        assertTrue(view.lastCard().bannerText().contains("the card did not answer"), view.lastCard().bannerText());
        assertTrue(view.lineOnScreen.contains("F6 takes the fee in cash") && view.lineOnScreen.contains("(R11)"), view.lineOnScreen);
    }

    @Test
    void removingTheCard_emptiesThePanel_andLeavesTheDesksLine() {
        CardWatch watch = watch(Locale.ENGLISH);
        RegistrationDeskModel model = desk(watch, Locale.ENGLISH);
        model.presentTrainingCard("normal");
        String line = view.lineOnScreen;

        slot.removeTrainingCard();
        watch.poll();

        assertFalse(view.lastCard().present());
        assertEquals("Insert the patient card.", view.lastCard().bannerText());
        assertEquals(line, view.lineOnScreen, "the last answer stays until the next patient's card comes");
        assertEquals(1, slot.removals);
    }

    @Test
    void oneWatchForTheCounterAndTheDesk_theCardIsReadOnce_andAPaymentShowsTheBalanceOnBoth() {
        CardWatch watch = watch(Locale.ENGLISH);
        List<CardWatch.Shown> counter = new ArrayList<>();
        watch.listen(counter::add);
        RegistrationDeskModel model = desk(watch, Locale.ENGLISH);

        model.presentTrainingCard("normal");
        watch.poll();
        watch.poll();

        assertEquals(1, slot.reads, "one read for both desks, however often the slot is looked at");
        assertEquals("张伟", counter.get(0).panel().name(), "the counter shows the card the desk presented");
        assertEquals(view.lastCard(), counter.get(0).panel());

        watch.paid(127_150);

        assertEquals(127_150, view.lastCard().balanceFen().orElseThrow(), "the desk's panel shows the balance after paying");
        assertEquals(127_150, counter.get(counter.size() - 1).panel().balanceFen().orElseThrow());
        assertEquals(CardWatch.Change.BALANCE, counter.get(counter.size() - 1).change());
        assertEquals(1, slot.reads, "the balance comes from the payment: the card is not read again");
        assertTrue(view.lineOnScreen.startsWith("Card read"), "a balance is no new patient: the line stays");
    }

    @Test
    void aTrainingCardThatCannotBePresented_isSaidAtTheDeskThatAskedOnly() {
        CardWatch watch = watch(Locale.ENGLISH);
        slot.presentFails = new IllegalStateException("no such profile");
        List<CardWatch.Shown> counter = new ArrayList<>();
        watch.listen(counter::add);
        RegistrationDeskModel model = desk(watch, Locale.ENGLISH);

        model.presentTrainingCard("nobody");

        assertEquals("Training card nobody cannot be presented: no such profile", view.lineOnScreen);
        assertTrue(counter.isEmpty(), "nothing changed in the slot");
    }

    @Test
    void withoutACardWatch_noTrainingCards_andF9DoesNothing() {
        RegistrationDeskModel model = new RegistrationDeskModel(null, null, DepartmentCatalog.bundled(), Locale.ENGLISH, () -> "clerk01",
                view, INLINE, INLINE);

        model.presentTrainingCard("normal");

        assertTrue(model.trainingCards().isEmpty());
        assertFalse(model.card().present());
        assertTrue(view.cards.isEmpty() && view.messages.isEmpty());
    }

    @Test
    void inChinese_theDesksLineAndThePanelSpeakChinese() {
        RegistrationDeskModel model = desk(watch(Locale.SIMPLIFIED_CHINESE), Locale.SIMPLIFIED_CHINESE);

        model.presentTrainingCard("normal");

        assertEquals("卡片正常", view.lastCard().bannerText());
        assertEquals("已读卡：请核对卡片信息中的姓名，选择科室和医生后挂号（回车或 F6 立即支付挂号费，F5 就诊后一并结算）。", view.lineOnScreen);
    }
}
