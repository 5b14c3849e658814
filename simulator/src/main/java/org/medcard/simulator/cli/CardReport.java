package org.medcard.simulator.cli;

import java.io.PrintWriter;
import org.medcard.simulator.card.LogRecord;
import org.medcard.simulator.card.PurseState;
import org.medcard.simulator.profile.CardProfile;
import org.medcard.simulator.profile.FamilyMember;
import org.medcard.simulator.profile.IdNumbers;

/** Prints a card for the technician: card and ID numbers masked, PIN never shown, money as yuan from fen. */
public final class CardReport {

    private CardReport() {
    }

    public static void print(PrintWriter out, CardProfile p, PurseState s) {
        out.printf("profile        %s  (%s)%n", p.profile(), p.description());
        out.printf("holder         %s  psn_no %s  id %s  %s  born %s%n", p.psnName(), p.psnNo(), IdNumbers.mask(p.psnCertNo()), p.sex(), p.birthDate());
        out.printf("insurance      %s  region %s  status %s%s since %s  effective from %s%s%n", p.insutype(), p.insuplcAdmdvs(),
                p.psnStatus(), p.statusReason() == null ? "" : "/" + p.statusReason(), p.statusSince(), p.effectiveFrom(),
                p.crossRegionFiled() ? "  cross-region filed" : "");
        out.printf("card           %s  region %s  %s  key version %02X  %s  issued %s  expires %s%n", IdNumbers.mask(p.cardNo()),
                p.cardRegion(), p.algorithm(), p.keyVersion(), p.activated() ? "activated" : "NOT ACTIVATED", p.issueDate(), p.expiryDate());
        out.printf("purse          balance %s CNY (%d fen)  offline counter %d  online counter %d%n", yuan(s.balance()), s.balance(),
                s.offlineCounter(), s.onlineCounter());
        out.printf("security       PIN tries left %d  MAC failures %d  application block %s%n", s.pinTriesLeft(), s.macFailures(), s.block());
        for (FamilyMember f : p.family()) {
            out.printf("family         %-7s %s  psn_no %s  id %s%n", f.relation(), f.psnName(), f.psnNo(), IdNumbers.mask(f.psnCertNo()));
        }
        p.pendingLoads().forEach(l -> out.printf("pending load   %s  %s  %s CNY%n", l.loadId(), l.month(), yuan(l.amount())));
        int n = 1;
        for (LogRecord r : s.log()) {
            out.printf("log %2d         %s  counter %d  %s CNY  terminal %s  %s %s%n", n++, r.type() == 0x06 ? "purchase" : "load    ",
                    r.counter(), yuan(r.amount()), r.terminalId(), r.date(), r.time());
        }
        out.flush();
    }

    /** Fen as yuan with two decimals, independent of the default locale. */
    public static String yuan(long fen) {
        return (fen < 0 ? "-" : "") + Math.abs(fen) / 100 + "." + String.format(java.util.Locale.ROOT, "%02d", Math.abs(fen) % 100);
    }
}
