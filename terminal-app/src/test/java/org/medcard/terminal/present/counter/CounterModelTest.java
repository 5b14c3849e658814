package org.medcard.terminal.present.counter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.medcard.terminal.present.counter.InMemoryCards.WORDS;
import static org.medcard.terminal.present.counter.InMemoryCards.card;
import static org.medcard.terminal.present.counter.InMemoryCards.withBalance;

import java.text.MessageFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.ResourceBundle;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medcard.card.CardInfo;
import org.medcard.card.CardNumber;
import org.medcard.card.CardStatusCode;
import org.medcard.card.Cardholder;
import org.medcard.card.IdNumber;
import org.medcard.card.InsuranceScheme;
import org.medcard.card.InsuranceStatus;
import org.medcard.crypto.Algorithm;
import org.medcard.queue.Fault;
import org.medcard.terminal.center.CatalogItem;
import org.medcard.terminal.center.PersonInfo;
import org.medcard.terminal.center.SaleLine;
import org.medcard.terminal.text.Texts;
import org.medcard.terminal.receipt.Letterhead;
import org.medcard.terminal.receipt.ReceiptDocument;
import org.medcard.terminal.receipt.SaleReceipt;
import org.medcard.terminal.sale.PaidFor;
import org.medcard.terminal.sale.PaymentPlan;
import org.medcard.terminal.sale.PlanConfirmation;
import org.medcard.terminal.sale.SaleDocuments;
import org.medcard.terminal.sale.SaleItem;
import org.medcard.terminal.sale.SaleOutcome;
import org.medcard.terminal.sale.SaleRequest;
import org.medcard.terminal.sale.SaleTexts;
import org.medcard.terminal.session.CardView;
import org.medcard.terminal.status.CardStatus;
import org.medcard.terminal.status.CardVerdict;
import org.medcard.terminal.status.StatusReport;

/**
 * The counter's model on in-memory ports of our own (a catalog map, a card slot holding card views, a till that
 * splits, asks and debits in memory), both executors inline and a recording view: no SQLite, no HTTP, no reader,
 * no display. The words are the terminal's own message catalogue; the receipt is assembled by the real
 * {@link SaleDocuments}. {@link CounterModelIT} runs the model on the real stack.
 */
class CounterModelTest {

    private static final String AMOXICILLIN = "XJ01CAA001";
    private static final String IBUPROFEN = "XM01AEB002";
    private static final String RIGHT_PIN = "123456";
    private static final String HOLDER_ID = "110101197805211235";

    private final Catalog catalog = new Catalog();
    private final InMemoryCards slot = new InMemoryCards();
    private final Till till = new Till();
    private List<ReceiptDocument> issued;
    private List<ReceiptDocument> saved;
    private RecordingCounterView view;
    private CounterModel model;

    @BeforeEach
    void open() {
        catalog.add(AMOXICILLIN, "阿莫西林胶囊", 1_250);
        catalog.add(IBUPROFEN, "布洛芬缓释胶囊", 1_580);
        catalog.add("XC10AAR019", "阿托伐他汀钙片", 4_680);
        catalog.add("XC10AAX020", "瑞舒伐他汀钙片", 3_990);
        slot.training.put("normal", card("张伟", HOLDER_ID, CardStatus.NORMAL, 50_000, "EMPLOYEE", List.of()));
        slot.training.put("low-balance", card("李强", HOLDER_ID, CardStatus.NORMAL, 350, "EMPLOYEE", List.of()));
        slot.training.put("frozen", card("王芳", HOLDER_ID, CardStatus.FROZEN, 10_000, "EMPLOYEE", List.of()));
        slot.training.put("lost", card("赵敏", HOLDER_ID, CardStatus.LOST, 10_000, "EMPLOYEE", List.of()));
        slot.training.put("suspended", card("孙丽", HOLDER_ID, CardStatus.SUSPENDED, 10_000, "EMPLOYEE", List.of()));
        slot.training.put("resident", card("周杰", HOLDER_ID, CardStatus.NORMAL, 10_000, "RESIDENT", List.of()));
        slot.training.put("rare-name", card("𠮷祥云", HOLDER_ID, CardStatus.NORMAL, 10_000, "EMPLOYEE", List.of()));
        slot.training.put("family", card("刘洋", HOLDER_ID, CardStatus.NORMAL, 80_000, "EMPLOYEE",
                List.of(new PersonInfo.FamilyMember("44000000000000000002", "刘小明", "CHILD", "110101201005051238"))));
        view = new RecordingCounterView();
        RecordingReceiptOutput receipts = RecordingReceiptOutput.withoutPrinter("/tmp/receipt.pdf");
        issued = receipts.issued;
        saved = receipts.saved;
        model = new CounterModel(new CounterModel.Ports(catalog, slot, till, WORDS, receipts), Runnable::run, Runnable::run, view,
                Texts.of(CounterModel.BUNDLE, Locale.ENGLISH), () -> "cashier");
    }

    // ---------------------------------------------------------------- items

    @Test
    void scanningACode_addsALine_andScanningItAgainAddsOneToIt() {
        model.scan(AMOXICILLIN);
        model.scan(" " + AMOXICILLIN + " ");
        model.scan(IBUPROFEN);

        List<CartLine> cart = view.lastCart();
        assertEquals(2, cart.size());
        assertEquals(AMOXICILLIN, cart.get(0).code());
        assertEquals(2, cart.get(0).quantity());
        assertEquals(2_500, cart.get(0).amountFen());
        assertEquals(1_580, cart.get(1).amountFen());
        assertEquals(4_080, model.totalFen());
        assertTrue(view.lastMessage().startsWith("Added "), view.lastMessage());
    }

    @Test
    void aHospitalServiceItem_isRefusedAtTheScan_withTheDeskThatBillsIt_andAddsNoLine() {
        catalog.add("F21010000005", "胸部X线摄影(DR)", 8_000);
        model.scan(AMOXICILLIN);

        model.scan("F21010000005");

        assertEquals(List.of(AMOXICILLIN), model.lines().stream().map(CartLine::code).toList(), "no line for the X-ray");
        assertEquals(1_250, model.totalFen());
        assertEquals("胸部X线摄影(DR) is a medical service: it is billed at the hospital's registration/payment desk, not sold at "
                + "the pharmacy. Not added: send the patient to that desk.", view.lastMessage());
        assertTrue(view.problems.get(view.problems.size() - 1), "said as a problem");

        model.search("X线"); // chosen from a search too (one match is still offered to choose; the view picks the first)
        assertEquals(1, model.lines().size());
        assertTrue(view.lastMessage().startsWith("胸部X线摄影(DR) is a medical service"), view.lastMessage());
    }

    @Test
    void anUnknownCode_isSaidAndAddsNothing() {
        model.scan("NOSUCHCODE123");

        assertTrue(view.carts.isEmpty());
        assertEquals("No item with code or name \"NOSUCHCODE123\" in the catalog.", view.lastMessage());
        assertTrue(view.problems.get(view.problems.size() - 1));
    }

    /** Issue 15: a first start with a slow center leaves the catalog empty; the cashier is told to sync. */
    @Test
    void withNoCatalogDownloaded_anyCodeSaysToSyncTheCatalog() {
        model.scan("NOSUCHCODE");
        assertEquals("No item with code or name \"NOSUCHCODE\" in the catalog.", view.lastMessage(), "a catalog that has items");
        catalog.items.clear();
        model.scan(AMOXICILLIN);
        assertEquals("The item catalog has not been downloaded yet, so no code is known: press Ctrl+R to download it from the center, then scan again.",
                view.lastMessage());
        assertTrue(model.lines().isEmpty());
    }

    @Test
    void searchByName_letsTheCashierChoose_andTheChoiceIsAdded() {
        view.chooser = matches -> matches.stream().filter(i -> i.code().equals("XC10AAR019")).findFirst();

        model.search("他汀");

        assertEquals(1, view.choices.size());
        assertEquals(2, view.choices.get(0).size(), "both statins match: " + view.choices.get(0));
        assertEquals("XC10AAR019", view.lastCart().get(0).code());
        assertEquals(4_680, model.totalFen());
    }

    @Test
    void searchWithNoChoice_addsNothing() {
        view.chooser = matches -> Optional.empty();

        model.search("他汀");

        assertEquals(1, view.choices.size());
        assertTrue(view.carts.isEmpty());
    }

    @Test
    void quantityChange_lineRemoval_andTheRunningTotal() {
        model.scan(AMOXICILLIN);
        model.scan(IBUPROFEN);

        model.setQuantity(0, 3);
        assertEquals(3 * 1_250 + 1_580, model.totalFen());

        model.setQuantity(1, 0);
        assertEquals("The quantity must be between 1 and 999.", view.lastMessage());
        assertEquals(3 * 1_250 + 1_580, model.totalFen());

        model.removeLine(0);
        assertEquals(1, model.lines().size());
        assertEquals(IBUPROFEN, model.lines().get(0).code());

        model.clearSale();
        assertEquals(0, model.totalFen());
        assertTrue(view.lastCart().isEmpty());
    }

    // ---------------------------------------------------------------- the card

    @Test
    void payWithoutItemsOrWithoutCard_isRefusedWithWhatToDo() {
        model.pay();
        assertEquals("Scan at least one item first.", view.lastMessage());

        model.scan(AMOXICILLIN);
        model.pay();
        assertEquals("Insert the patient card first.", view.lastMessage());
        assertTrue(view.offers.isEmpty());
        assertEquals(0, till.sales, "the sale was never reached");
    }

    @Test
    void insertingACard_showsHolderMaskedNumbersSchemeAndAGreenBanner() {
        model.presentTrainingCard("normal");

        CardPanel c = view.lastCard();
        assertTrue(c.present());
        assertEquals("张伟", c.name());
        assertEquals("110***********1235", c.idMasked());
        assertTrue(c.cardMasked().contains("*"), c.cardMasked());
        assertEquals("Employee", c.scheme());
        assertEquals(CardPanel.Banner.OK, c.banner());
        assertEquals("Card OK", c.bannerText());
        assertEquals(50_000, c.balanceFen().orElseThrow());
        assertEquals(1, slot.reads, "read once through the card session");
    }

    @Test
    void aReadThatFailedOnADevice_isTriedAgainOnTheNextPoll_aFewTimes_notForEver() {
        // After a pcscd restart the card's reader may be back a moment before the PSAM's: the first read fails.
        slot.unread = new CardDesk.Unread(false, "CARD_REMOVED: reader 'PSAM', no card in the reader");
        slot.presentTrainingCard("normal");
        model.pollCard();
        assertEquals(CardPanel.Banner.REFUSED, view.lastCard().banner());
        assertEquals(1, slot.reads);

        slot.unread = null; // the PSAM is back
        model.pollCard();
        assertEquals(2, slot.reads, "read again, the same card still in the slot");
        assertEquals("张伟", view.lastCard().name());
        model.pollCard();
        assertEquals(2, slot.reads, "a card read is not read again");

        slot.unread = new CardDesk.Unread(false, "mute card");
        slot.presentTrainingCard("normal");
        for (int i = 0; i < 10; i++) {
            model.pollCard();
        }
        assertEquals(2 + 1 + 3, slot.reads, "a mute card: the first read and three more, then it waits for a new card");
    }

    @Test
    void R15_aLoadAtTheCardsContact_isToldToTheCashier() {
        slot.loadedFen = 20_000;

        model.presentTrainingCard("normal");

        assertTrue(view.lastMessage().contains("200.00"), view.lastMessage());
    }

    @Test
    void anUnusableCard_showsTheTerminalsRefusal_andAReadFaultSaysWhatFailed() {
        slot.unread = new CardDesk.Unread(true, "SELECT answered 6A82");
        model.presentTrainingCard("normal");
        assertEquals(CardPanel.Banner.REFUSED, view.lastCard().banner());
        assertEquals(WORDS.message("sale.card_unusable"), view.lastCard().bannerText());

        slot.unread = new CardDesk.Unread(false, "the card did not answer");
        model.presentTrainingCard("normal");
        assertTrue(view.lastCard().bannerText().contains("the card did not answer"), view.lastCard().bannerText());
    }

    @Test
    void removingTheCard_clearsThePanel_andTellsTheCardSession() {
        model.presentTrainingCard("normal");

        model.removeTrainingCard();

        assertFalse(view.lastCard().present());
        assertEquals("Insert the patient card.", view.lastCard().bannerText());
        assertEquals(1, slot.removals, "the session (and the status bar) hear the card left");
    }

    @Test
    void R5_frozenCard_showsARedBannerWithTheRule_andPayNeverReachesTheSplit() {
        model.presentTrainingCard("frozen");

        CardPanel c = view.lastCard();
        assertEquals(CardPanel.Banner.REFUSED, c.banner());
        assertEquals(WORDS.message("status.frozen"), c.bannerText());
        assertTrue(c.bannerText().contains("(R5)"), c.bannerText());

        model.scan(AMOXICILLIN);
        model.pay();
        assertEquals(c.bannerText(), view.lastMessage());
        assertTrue(view.offers.isEmpty());
        assertTrue(view.done.isEmpty());
        assertEquals(0, till.sales);
    }

    @Test
    void R5_theRefusalOfOnePatient_isClearedWhenTheNextPatientsCardComes() {
        model.presentTrainingCard("frozen");
        model.scan(AMOXICILLIN);
        model.pay();
        assertTrue(view.problems.get(view.problems.size() - 1));

        model.presentTrainingCard("low-balance");

        assertEquals(CardPanel.Banner.OK, view.lastCard().banner());
        assertFalse(view.problems.get(view.problems.size() - 1), "the line under the green panel is not red");
        assertEquals("Card read: scan the items, then pay.", view.lastMessage());
    }

    @Test
    void R8_lostCard_isRefusedWithItsRule() {
        model.presentTrainingCard("lost");

        assertEquals(CardPanel.Banner.REFUSED, view.lastCard().banner());
        assertTrue(view.lastCard().bannerText().contains("(R8)"), view.lastCard().bannerText());
    }

    @Test
    void R4_suspendedCard_isUsableWithAnAmberNote() {
        model.presentTrainingCard("suspended");

        assertEquals(CardPanel.Banner.WARNING, view.lastCard().banner());
        assertTrue(view.lastCard().bannerText().contains("(R4)"), view.lastCard().bannerText());
    }

    @Test
    void R3_noFamilyOfferForAResidentCard() {
        model.presentTrainingCard("resident");
        assertTrue(view.lastCard().family().isEmpty());
        assertEquals("Resident", view.lastCard().scheme());
    }

    @Test
    void aNameBeyondTheBmp_reachesThePanelWhole() {
        model.presentTrainingCard("rare-name");
        assertEquals("𠮷祥云", view.lastCard().name());
        assertEquals(0x20BB7, view.lastCard().name().codePointAt(0));
    }

    // ---------------------------------------------------------------- the sale

    @Test
    void fullSale_showsTheSplitBeforeTheDebit_asksThePinMasked_wipesIt_andEndsSettledWithAReceipt() {
        model.presentTrainingCard("normal");
        model.scan(AMOXICILLIN);
        model.scan(AMOXICILLIN);
        view.pins.add(RIGHT_PIN);

        model.pay();

        assertEquals(1, view.offers.size());
        SplitOffer offer = view.offers.get(0);
        assertEquals(2_500, offer.totalFen());
        assertEquals(0, offer.fundFen());
        assertEquals(2_500, offer.accountFen());
        assertEquals(0, offer.cashFen());
        assertEquals("张伟", offer.holderName());
        assertEquals(Optional.empty(), offer.fundNote(), "the fund may pay this card: its 0 here is the items' own (R13)");
        assertEquals(1, view.pinQuestions);
        assertEquals("\0\0\0\0\0\0", new String(view.pinsHandedOut.get(0)), "the PIN array is wiped after VERIFY");
        assertEquals(List.of(new SaleItem(AMOXICILLIN, 2)), till.lastRequest.items(), "the cart is what is sold");
        assertEquals("cashier", till.lastRequest.cashier());

        SaleDone d = view.done.get(0);
        assertEquals(SaleOutcome.Kind.SETTLED, d.kind(), d.message());
        assertEquals(WORDS.message("sale.settled"), d.message(), "the outcome worded by the caller");
        assertTrue(d.served());
        assertEquals(2_500, d.accountFen());
        assertEquals(0, d.changeFen());
        assertEquals(47_500, d.balanceFen().orElseThrow());
        assertTrue(d.hasReceipt());
        assertTrue(view.lastCart().isEmpty(), "a served sale empties the cart");
        assertEquals(47_500, view.lastCard().balanceFen().orElseThrow(), "the card panel shows the balance after the sale");
        assertEquals(List.of(true, false), view.busy);

        assertEquals(1, issued.size(), "journalled when the sale ended, before any copy");
        SaleReceipt receipt = assertInstanceOf(SaleReceipt.class, issued.get(0));
        assertEquals("阿莫西林胶囊", receipt.items().get(0).name());
        assertEquals("cashier", receipt.header().operator());
        model.saveReceipt();
        assertEquals(1, saved.size());
        assertEquals(1, issued.size(), "saving does not journal it twice");
        assertEquals("Receipt No. 1 saved: /tmp/receipt.pdf", view.lastMessage());
        model.printReceipt();
        assertTrue(view.lastMessage().startsWith("The receipt could not be printed or saved (no printer is configured"),
                view.lastMessage());
    }

    /** Issue 15: "fund pays 0" comes with its reason on the split. */
    @Test
    void R6_R12_theSplitSaysWhyTheFundPaysNothing() {
        CardView local = card("吴刚", HOLDER_ID, CardStatus.NORMAL, 50_000, "EMPLOYEE", List.of());
        PersonInfo p = local.person().orElseThrow();
        slot.training.put("cross-region", new CardView(local.info(), local.holder(), local.cardStatus(), local.algorithm(), java.util.OptionalLong.of(50_000),
                Optional.of(new PersonInfo(p.psnNo(), p.name(), p.idNumber(), p.scheme(), "440304", p.status(), p.cancelReason(), null,
                        p.effectiveFrom(), false, List.of())), local.verdict(), false));
        slot.training.put("new", new CardView(local.info(), local.holder(), local.cardStatus(), local.algorithm(), java.util.OptionalLong.of(50_000),
                Optional.of(new PersonInfo(p.psnNo(), p.name(), p.idNumber(), p.scheme(), p.insuranceRegion(), p.status(), p.cancelReason(), null,
                        LocalDate.of(2026, 9, 1), false, List.of())), local.verdict(), false));

        for (String profile : List.of("cross-region", "new")) {
            model.presentTrainingCard(profile);
            model.scan(AMOXICILLIN);
            view.splitAnswers.add(SplitAnswer.back());
            model.pay();
            model.clearSale();
        }

        assertEquals(2, view.offers.size());
        assertEquals(0, view.offers.get(0).fundFen());
        assertEquals("Fund 0: a card of another region without cross-region filing at the center (R12).", view.offers.get(0).fundNote().orElseThrow());
        assertEquals("Fund 0: benefits start six months after qualification, on 2027-03-01 (R6).", view.offers.get(1).fundNote().orElseThrow());
    }

    @Test
    void goingBackAtTheSplit_cancels_nothingIsDebited_andTheCartStays() {
        model.presentTrainingCard("low-balance");
        model.scan(IBUPROFEN);
        view.splitAnswers.add(SplitAnswer.back());

        model.pay();

        SaleDone d = view.done.get(0);
        assertEquals(SaleOutcome.Kind.REFUSED, d.kind());
        assertEquals(WORDS.message("sale.cancelled"), d.message());
        assertEquals(0, view.pinQuestions, "no PIN after going back");
        assertEquals(1, model.lines().size(), "the cart stays for another try");
        assertFalse(d.hasReceipt());
        assertTrue(issued.isEmpty());
    }

    @Test
    void cashShare_needsEnoughCashTendered_andTheChangeIsComputed() {
        model.presentTrainingCard("low-balance"); // 3.50 on the card
        model.scan(AMOXICILLIN);                  // 12.50
        view.splitAnswers.add(SplitAnswer.confirm(500));   // 5.00: short of the 9.00 cash share
        view.splitAnswers.add(SplitAnswer.confirm(1_000)); // 10.00
        view.pins.add(RIGHT_PIN);

        model.pay();

        assertEquals(2, view.offers.size(), "asked again after the short amount");
        assertEquals(350, view.offers.get(0).accountFen());
        assertEquals(900, view.offers.get(0).cashFen());
        assertTrue(view.messages.contains("The cash tendered is ¥4.00 short."), view.messages.toString());
        SaleDone d = view.done.get(0);
        assertEquals(SaleOutcome.Kind.SETTLED, d.kind(), d.message());
        assertEquals(900, d.cashFen());
        assertEquals(1_000, d.tenderedFen());
        assertEquals(100, d.changeFen());
        assertEquals(0, d.balanceFen().orElseThrow());
    }

    @Test
    void R10_wrongPin_isRefused_andNothingIsServed() {
        model.presentTrainingCard("low-balance");
        model.scan(AMOXICILLIN);
        view.pins.add("000000");

        model.pay();

        SaleDone d = view.done.get(0);
        assertEquals(SaleOutcome.Kind.REFUSED, d.kind());
        assertFalse(d.served());
        assertEquals("Wrong PIN: 2 tries left. Nothing was debited (R10).", d.message());
        assertEquals(1, model.lines().size());
        assertEquals(350, view.lastCard().balanceFen().orElseThrow(), "no balance change shown");
    }

    @Test
    void R11_anIdNumberWithAWrongCheckDigit_saysWhichDigitIsRight_andAsksAgain() {
        till.centerDown = true;
        model.presentTrainingCard("normal");
        model.scan(AMOXICILLIN);
        view.idNumbers.add("110101197805211234");  // the right check digit is 5

        model.pay();

        assertEquals(2, view.idQuestions.size(), view.idQuestions.toString());
        assertTrue(view.idQuestions.get(0).startsWith("Pay in cash during the fault"), view.idQuestions.get(0));
        assertEquals("The check digit of the ID number is wrong: for these 17 digits it must be 5. Check the ID card and"
                + " type the number again.", view.idQuestions.get(1));
        SaleDone d = view.done.get(view.done.size() - 1);
        assertFalse(d.served());
        assertTrue(d.message().contains("it must be 5"), d.message());
        assertEquals(0, till.entries, "nothing was recorded");

        view.idNumbers.add("110101197805211234");
        view.idNumbers.add(HOLDER_ID);
        model.pay();
        SaleDone served = view.done.get(view.done.size() - 1);
        assertEquals(SaleOutcome.Kind.CASH_RESETTLE, served.kind(), served.message());
        assertTrue(served.message().contains("E-0001"), served.message());
        assertEquals(1, till.entries);
        assertTrue(served.hasReceipt(), "the cash receipt with the entry number");
    }

    @Test
    void R3_familyPayment_offersTheBoundMembers_andPaysForTheChosenOne() {
        model.presentTrainingCard("family");
        CardPanel c = view.lastCard();
        assertEquals(1, c.family().size());
        var child = c.family().get(0);
        assertEquals("刘小明 (child)", model.familyLabel(child), "issue 15: the relation by name, not CHILD");

        model.payFor(PaidFor.familyMember("99999999999999999999"));
        assertEquals(WORDS.message("sale.family_unknown"), view.lastMessage());
        assertTrue(model.beneficiary().isEmpty());

        model.payFor(PaidFor.familyMember(child.psnNo()));
        model.scan(AMOXICILLIN);
        view.pins.add(RIGHT_PIN);
        model.pay();

        assertEquals(PaidFor.familyMember(child.psnNo()), till.lastRequest.paidFor());
        assertEquals(SaleOutcome.Kind.SETTLED, view.done.get(0).kind(), view.done.get(0).message());
        assertTrue(model.beneficiary().isEmpty(), "the next sale is for the holder again");
    }

    @Test
    void receiptBeforeAnySale_isSaid() {
        model.saveReceipt();
        assertEquals("No receipt for this sale.", view.lastMessage());
        assertTrue(view.problems.get(view.problems.size() - 1));
    }

    // ---------------------------------------------------------------- the in-memory ports

    private static final class Catalog implements ItemLookup {
        final Map<String, CatalogItem> items = new LinkedHashMap<>();

        void add(String code, String name, long priceFen) {
            items.put(code, new CatalogItem(code, name, "", "", priceFen, "A", 0));
        }

        @Override
        public Optional<CatalogItem> item(String code) {
            return Optional.ofNullable(items.get(code));
        }

        @Override
        public List<CatalogItem> search(String text, int limit) {
            return items.values().stream().filter(i -> i.code().contains(text) || i.name().contains(text)).limit(limit).toList();
        }

        @Override
        public boolean empty() {
            return items.isEmpty();
        }
    }

    /**
     * A till in memory: the split (the card pays what its balance allows, the rest is cash), the cashier's
     * confirmation, the PIN (wiped), the debit; or, with the center down, the R11 cash path asking for the ID number.
     */
    private final class Till implements Checkout {
        private final SaleTexts texts = new SaleTexts(WORDS::message, Fault::name, reason -> reason);
        private final SaleDocuments documents = new SaleDocuments(new Letterhead("P11010100001", "测试药店", "T01", false,
                Clock.fixed(Instant.parse("2026-12-07T02:00:00Z"), ZoneId.of("Asia/Shanghai"))),
                code -> catalog.item(code).map(CatalogItem::name), 90, Fault::name);
        boolean centerDown;
        int sales;
        int entries;
        SaleRequest lastRequest;

        @Override
        public SaleOutcome sell(SaleRequest request, PlanConfirmation confirmation) {
            sales++;
            lastRequest = request;
            CardView v = slot.inSlot;
            SaleOutcome.CardContact contact = new SaleOutcome.CardContact(v.info().cardNo().digits(), v.info().cardNo().masked(),
                    v.holder().name(), v.holder().idNumber().value(), v.balanceFen(), List.of(), 0);
            List<SaleLine> lines = request.items().stream()
                    .map(i -> new SaleLine(i.code(), i.quantity(), catalog.item(i.code()).orElseThrow().priceFen())).toList();
            long total = lines.stream().mapToLong(SaleLine::amountFen).sum();
            if (centerDown) {
                return cash(request, confirmation, contact, lines, total);
            }
            long account = Math.min(total, v.payableFen());
            PaymentPlan plan = new PaymentPlan(total, 0, account, total - account);
            if (!confirmation.confirm(plan, Optional.of(v))) {
                return new SaleOutcome.Refused(Optional.of(contact), Optional.empty(), "sale.cancelled", List.of());
            }
            char[] pin = request.pin().pin();
            boolean right = Arrays.equals(pin, RIGHT_PIN.toCharArray());
            Arrays.fill(pin, '\0');
            if (!right) {
                return new SaleOutcome.Refused(Optional.of(contact), Optional.empty(), "sale.pin_wrong", List.of("2"));
            }
            long after = v.payableFen() - account;
            slot.inSlot = withBalance(v, after);
            return new SaleOutcome.Settled(contact, new SaleOutcome.Purchase(plan, lines, Optional.empty()),
                    Optional.of(new SaleOutcome.CardDebit("S-" + sales, "0A1B2C3D", OptionalLong.of(after))), Optional.of("SETL-" + sales));
        }

        private SaleOutcome cash(SaleRequest request, PlanConfirmation confirmation, SaleOutcome.CardContact contact,
                                 List<SaleLine> lines, long total) {
            Optional<PaymentPlan> asked = Optional.of(PaymentPlan.allCash(total));
            if (request.idNumber().isEmpty()) {
                return new SaleOutcome.Refused(Optional.of(contact), asked, "sale.id_number_needed", List.of(Fault.CENTER_UNREACHABLE));
            }
            String id = request.idNumber().get();
            if (!IdNumber.isValid(id)) {
                return new SaleOutcome.Refused(Optional.of(contact), asked, "sale.id_check_digit",
                        List.of(String.valueOf(IdNumber.checkCharacter(id.substring(0, 17)))));
            }
            if (!confirmation.confirm(PaymentPlan.allCash(total), Optional.ofNullable(slot.inSlot))) {
                return new SaleOutcome.Refused(Optional.of(contact), Optional.empty(), "sale.cancelled", List.of());
            }
            entries++;
            return new SaleOutcome.CashResettle(Optional.of(contact), PaymentPlan.allCash(total), lines, id,
                    String.format(Locale.ROOT, "E-%04d", entries), Fault.CENTER_UNREACHABLE);
        }

        @Override
        public String line(SaleOutcome outcome) {
            return texts.line(outcome);
        }

        @Override
        public Optional<ReceiptDocument> receipt(SaleOutcome outcome, String cashier) {
            return documents.of(outcome, cashier);
        }
    }

    /** Issue 15: the next cashier's F7/F8 never copy the previous cashier's patient's receipt. */
    @Test
    void signedOut_theKeptReceiptIsForgotten_F7AndF8HaveNothingToCopy() {
        model.presentTrainingCard("normal");
        model.scan(AMOXICILLIN);
        view.pins.add(RIGHT_PIN);
        model.pay();
        assertTrue(model.hasReceipt());
        assertEquals(java.util.Optional.of(1L), model.receiptNumber());

        model.signedOut();

        assertFalse(model.hasReceipt());
        assertEquals(java.util.Optional.empty(), model.receiptNumber());
        model.saveReceipt();
        assertEquals("No receipt for this sale.", view.lastMessage());
        model.printReceipt();
        assertEquals("No receipt for this sale.", view.lastMessage());
        assertEquals(0, saved.size(), "nothing saved");
        assertEquals(1, issued.size(), "the journal entry stays");
        assertTrue(view.lastCart().isEmpty());
    }
}
