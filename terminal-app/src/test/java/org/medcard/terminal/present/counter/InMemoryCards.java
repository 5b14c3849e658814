package org.medcard.terminal.present.counter;

import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.OptionalLong;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;

import org.medcard.card.CardInfo;
import org.medcard.card.CardNumber;
import org.medcard.card.CardStatusCode;
import org.medcard.card.Cardholder;
import org.medcard.card.IdNumber;
import org.medcard.card.InsuranceScheme;
import org.medcard.card.InsuranceStatus;
import org.medcard.crypto.Algorithm;
import org.medcard.terminal.center.PersonInfo;
import org.medcard.terminal.session.CardView;
import org.medcard.terminal.status.CardStatus;
import org.medcard.terminal.status.CardVerdict;
import org.medcard.terminal.status.StatusReport;

/**
 * The card panel's in-memory port for presentation-model tests (the counter's, the registration desk's): a card slot
 * holding card views, where "inserting" a training card puts its view in; with the terminal's own words in English.
 * No reader, no SQLite, no HTTP.
 */
public final class InMemoryCards implements CardDesk {

    /** The terminal's message catalogue in English (no fallback to the machine's language), and its R3 rule. */
    public static final CounterWords WORDS = new CounterWords() {
        private final ResourceBundle bundle = ResourceBundle.getBundle("org.medcard.terminal.messages", Locale.ENGLISH,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));

        @Override
        public String message(String key, Object... args) {
            try {
                return args.length == 0 ? bundle.getString(key) : new MessageFormat(bundle.getString(key), Locale.ENGLISH).format(args);
            } catch (MissingResourceException e) {
                return key;
            }
        }

        @Override
        public String relationName(String relation) {
            String name = message("relation." + relation);
            return name.startsWith("relation.") ? relation : name;
        }

        @Override
        public boolean familyPaymentOffered(String scheme, boolean online) {
            return online && "EMPLOYEE".equals(scheme);
        }

        @Override
        public Optional<String> noPoolingReason(CardView card, boolean forFamily) {
            // the real rule (present reads the sale's policy), on the training clock's day
            return new org.medcard.terminal.sale.SalePolicy("110100", 0).noPooling(card, forFamily, LocalDate.of(2026, 12, 7))
                    .map(n -> message("split.no_pooling." + n.rule(), n.from() == null ? "" : n.from().toString()));
        }
    };

    public final Map<String, CardView> training = new LinkedHashMap<>();
    public CardView inSlot;
    public long generation;
    public long loadedFen;
    public CardDesk.Unread unread;
    public int reads;
    public int removals;
    /** When set, putting a training card in fails with it (a profile the training reader does not have). */
    public RuntimeException presentFails;

    @Override
    public boolean cardPresent() {
        return inSlot != null;
    }

    @Override
    public long cardGeneration() {
        return generation;
    }

    @Override
    public Reading read() {
        reads++;
        return unread != null ? unread : new Read(inSlot, loadedFen);
    }

    @Override
    public void cardRemoved() {
        removals++;
    }

    @Override
    public List<TrainingCard> trainingCards() {
        return training.entrySet().stream().map(e -> new TrainingCard(e.getKey(), e.getValue().holder().name(), "")).toList();
    }

    @Override
    public void presentTrainingCard(String profile) {
        if (presentFails != null) {
            throw presentFails;
        }
        inSlot = training.get(profile);
        generation++;
    }

    @Override
    public void removeTrainingCard() {
        inSlot = null;
    }

    // ---------------------------------------------------------------- card views

    /** A card view as the card session gives it, the center's status decisive; card number 11000000000000000001. */
    public static CardView card(String name, String id, CardStatus status, long balanceFen, String scheme,
                                List<PersonInfo.FamilyMember> family) {
        return card("11000000000000000001", name, id, status, balanceFen, scheme, family);
    }

    public static CardView card(String cardNo, String name, String id, CardStatus status, long balanceFen, String scheme,
                                List<PersonInfo.FamilyMember> family) {
        CardInfo info = new CardInfo(new CardNumber(cardNo), "110100", CardInfo.INSURED_PERSON_CARD, true,
                LocalDate.of(2020, 1, 1), LocalDate.of(2030, 1, 1), 1);
        Cardholder holder = new Cardholder(new IdNumber(id), name, Optional.empty(), Optional.empty(),
                Optional.of(InsuranceScheme.valueOf(scheme)), Optional.of("110100"));
        InsuranceStatus onCard = new InsuranceStatus(CardStatusCode.NORMAL, Optional.empty(), Optional.empty(), Optional.empty());
        LocalDate since = status == CardStatus.SUSPENDED ? LocalDate.of(2026, 11, 3) : null;
        Optional<String> key = switch (status) {
            case FROZEN -> Optional.of("status.frozen");
            case LOST -> Optional.of("status.lost");
            case SUSPENDED -> Optional.of("status.suspended");
            default -> Optional.empty();
        };
        CardVerdict verdict = new CardVerdict(new StatusReport(StatusReport.Source.CENTER, status, null, since), key, false);
        PersonInfo person = new PersonInfo("44000000000000000001", name, id, scheme, "110100", status, Optional.empty(), since,
                LocalDate.of(2020, 1, 1), false, family);
        return new CardView(info, holder, onCard, Algorithm.TRIPLE_DES, OptionalLong.of(balanceFen), Optional.of(person), verdict, false);
    }

    public static CardView withBalance(CardView v, long balanceFen) {
        return new CardView(v.info(), v.holder(), v.cardStatus(), v.algorithm(), OptionalLong.of(balanceFen), v.person(), v.verdict(), v.blockedNow());
    }
}
