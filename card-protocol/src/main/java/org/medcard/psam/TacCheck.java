package org.medcard.psam;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

import org.medcard.crypto.Algorithm;
import org.medcard.crypto.PurseCrypto;

/**
 * A purchase TAC to verify (PSAM VERIFY TAC). {@code algorithm} and {@code keyVersion} select the MTK in
 * a software PSAM; the VERIFY TAC APDU does not carry them (a hardware PSAM uses the card's keys of its
 * current session), so {@link PsamClient} does not send them.
 */
public record TacCheck(Algorithm algorithm, int keyVersion, byte[] diversification, long amount, TerminalId terminalId,
                       long terminalSeq, LocalDateTime dateTime, byte[] tac) {

    public TacCheck {
        Objects.requireNonNull(algorithm, "algorithm");
        Checks.keyVersion(keyVersion);
        diversification = Checks.bytes("diversification data", diversification, 8);
        PurseCrypto.u32(amount);
        Objects.requireNonNull(terminalId, "terminalId");
        Checks.terminalSeq(terminalSeq);
        dateTime = Objects.requireNonNull(dateTime, "dateTime").truncatedTo(ChronoUnit.SECONDS);
        tac = Checks.bytes("TAC", tac, 4);
    }

    @Override
    public byte[] diversification() {
        return diversification.clone();
    }

    @Override
    public byte[] tac() {
        return tac.clone();
    }
}
