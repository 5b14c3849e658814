package org.medcard.terminal.session;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.medcard.apdu.CardRefusal;
import org.medcard.card.ApplicationState;
import org.medcard.card.BlockMode;
import org.medcard.card.CardInfo;
import org.medcard.card.Cardholder;
import org.medcard.card.InsuranceStatus;
import org.medcard.card.MedicalCard;
import org.medcard.card.SelectResult;
import org.medcard.crypto.Algorithm;
import org.medcard.psam.Psam;
import org.medcard.terminal.catalog.Downloads;
import org.medcard.terminal.center.CenterRefusal;
import org.medcard.terminal.center.CenterUnreachable;
import org.medcard.terminal.center.HostApi;
import org.medcard.terminal.center.PersonInfo;
import org.medcard.terminal.status.CardStatus;
import org.medcard.terminal.status.CardStatusPolicy;
import org.medcard.terminal.status.CardVerdict;
import org.medcard.terminal.status.StatusReport;
import org.medcard.terminal.status.StatusReport.Source;
import org.medcard.transport.CardFault;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a presented card and decides whether it may be used: the card's own files (status, activation,
 * expiry, application block), the downloaded blacklist, and the center's {@code 1101} when online — the
 * business rules' status table, strongest source last. A LOST or CANCELLED card found while online has its
 * application blocked (R8). Runs on the reader's thread.
 */
public final class CardCheck {
    private static final Logger LOG = LoggerFactory.getLogger(CardCheck.class);

    private final CardStatusPolicy policy;
    private final Downloads downloads;
    private final Clock clock;

    public CardCheck(CardStatusPolicy policy, Downloads downloads, Clock clock) {
        this.policy = policy;
        this.downloads = downloads;
        this.clock = clock;
    }

    /**
     * Checks the card; {@code center} is empty when the terminal is offline.
     *
     * @throws CardFault the card could not be read (a fault, R11: cash and re-settlement)
     * @throws UnusableCardException the card has no medical-insurance application
     */
    public CardView check(MedicalCard card, Psam psam, Optional<HostApi> center) {
        SelectResult select = card.select();
        if (select.state() == ApplicationState.NOT_FOUND) {
            throw new UnusableCardException("this card has no medical-insurance application (SELECT answered 6A82)");
        }
        CardInfo info = card.readCardInfo();
        Cardholder holder = card.readCardholder();
        InsuranceStatus status = card.readInsuranceStatus();
        Algorithm algorithm = select.fci().map(f -> f.algorithm()).orElse(null);
        OptionalLong balance = readBalance(card, select);

        List<StatusReport> reports = new ArrayList<>();
        reports.add(cardReport(select, info, status, LocalDate.now(clock)));
        downloads.blacklisted(info.cardNo().digits()).ifPresent(b ->
                reports.add(new StatusReport(Source.BLACKLIST, b.status(), null, b.since())));
        CenterWord word = center.map(api -> ask(api, info)).orElse(CenterWord.SILENT);
        Optional<PersonInfo> person = word.person();
        person.ifPresent(p -> reports.add(centerReport(p)));
        word.refusal().ifPresent(reports::add);
        if (!word.answered()) {
            reports.replaceAll(r -> longSuspensionFreezes(r, LocalDate.now(clock)));
        }

        CardVerdict verdict = policy.decide(reports, word.answered());
        boolean blocked = false;
        if (verdict.blockApplication() && select.isUsable()) {
            BlockMode mode = verdict.status() == CardStatus.CANCELLED ? BlockMode.PERMANENT : BlockMode.TEMPORARY;
            card.applicationBlock(mode, psam);
            blocked = true;
            LOG.warn("R8/R9: card {} is {} at the center; application blocked ({})", info.cardNo(), verdict.status(), mode);
        }
        return new CardView(info, holder, status, algorithm, balance, person, verdict, blocked);
    }

    private static OptionalLong readBalance(MedicalCard card, SelectResult select) {
        if (!select.isUsable()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(card.getBalance());
        } catch (CardRefusal e) {
            return OptionalLong.empty();
        }
    }

    /** The card's own word: application block first, then activation, expiry, and the status file. */
    static StatusReport cardReport(SelectResult select, CardInfo info, InsuranceStatus status, LocalDate today) {
        if (select.state() == ApplicationState.BLOCKED || select.state() == ApplicationState.LOCKED) {
            return StatusReport.of(Source.CARD, CardStatus.BLOCKED);
        }
        if (!info.activated()) {
            return StatusReport.of(Source.CARD, CardStatus.NOT_ACTIVATED);
        }
        if (info.isExpiredOn(today)) {
            return StatusReport.of(Source.CARD, CardStatus.EXPIRED);
        }
        CardStatus s = CardStatus.valueOf(status.status().name());
        return new StatusReport(Source.CARD, s, status.cancelReason().orElse(null), status.since().orElse(null));
    }

    /**
     * What the center said of the person: its {@code 1101} answer, or its refusal with a status (2002), which is the
     * center's word on the card and refuses like any other source (R5, R8, R9) — never "the center is away".
     */
    record CenterWord(Optional<PersonInfo> person, Optional<StatusReport> refusal) {
        static final CenterWord SILENT = new CenterWord(Optional.empty(), Optional.empty());

        boolean answered() {
            return person.isPresent() || refusal.isPresent();
        }
    }

    private static CenterWord ask(HostApi api, CardInfo info) {
        try {
            return new CenterWord(Optional.of(api.personInfo(info.cardNo().digits())), Optional.empty());
        } catch (CenterUnreachable e) {
            LOG.warn("Center unreachable while checking card {}: {}", info.cardNo(), e.getMessage());
            return CenterWord.SILENT;
        } catch (CenterRefusal e) {
            Optional<CardStatus> refusedAs = e.infcode() == 2002 ? e.cardStatus() : Optional.empty();
            if (refusedAs.isPresent()) {
                LOG.info("Center refused card {} with status {} (1101 infcode 2002)", info.cardNo(), refusedAs.get());
                return new CenterWord(Optional.empty(), Optional.of(StatusReport.of(Source.CENTER, refusedAs.get())));
            }
            throw new UnusableCardException("the center does not know this card (" + e.getMessage() + ")");
        }
    }

    /**
     * R5: premiums unpaid for more than three months freeze the card. The center freezes it in its own record; when the
     * center cannot be asked, a card whose own file says SUSPENDED since more than three months counts as FROZEN, so
     * no offline debit reaches a card the center would refuse.
     */
    static StatusReport longSuspensionFreezes(StatusReport r, LocalDate today) {
        if (r.status() == CardStatus.SUSPENDED && r.since() != null && r.since().isBefore(today.minusMonths(3))) {
            return new StatusReport(r.source(), CardStatus.FROZEN, null, r.since());
        }
        return r;
    }

    static StatusReport centerReport(PersonInfo p) {
        return new StatusReport(Source.CENTER, p.status(), p.cancelReason().orElse(null), p.suspendedSince());
    }
}
