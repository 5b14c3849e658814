package org.medcard.simulator.card;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.security.SecureRandom;
import org.medcard.apdu.CommandApdu;
import org.medcard.apdu.Hex;
import org.medcard.crypto.Algorithm;
import org.medcard.crypto.PurseCrypto;
import org.medcard.simulator.profile.CardProfile;
import org.medcard.simulator.profile.IdNumbers;
import org.medcard.simulator.profile.SimulatorKeys;
import org.medcard.simulator.reader.CardTornException;
import org.medcard.simulator.reader.SimulatedCard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The insured person's card application (MICA) of {@code card-application.md}, card side.
 *
 * <p>Session state (selection, PIN verified, a purchase or load between its two commands, a challenge)
 * lives only until the next reset, as on a real card. Persistent state is one {@link PurseState} value
 * swapped in at the commit point of each command that changes it; with a card file, the file is written
 * (atomically) before the swap, so a file write failure leaves the card unchanged and answers {@code 6581}.
 *
 * <p>Thread-safe: {@link #process} and the technician's inspection and fault methods synchronize on the card.
 */
public final class VirtualMedicalCard implements SimulatedCard {

    private static final Logger LOG = LoggerFactory.getLogger(VirtualMedicalCard.class);
    /** The card's clock runs on Beijing time: expiry is a Beijing date. */
    private static final ZoneId CARD_ZONE = ZoneId.of("Asia/Shanghai");
    static final byte[] AID = Hex.parse("F04D45444341524401");
    private static final int SW_OK = 0x9000;
    private static final int SW_MEMORY_FAILURE = 0x6581;

    private final CardProfile profile;
    private final SimulatorKeys.CardKeys keys;
    private final Algorithm algorithm;
    private final Clock clock;
    private final RandomGenerator random;
    private final CardOptions options;
    private final Path cardFile;
    private final Set<Tear> armedTears = EnumSet.noneOf(Tear.class);

    private PurseState state;
    private Session session = new Session();

    /** Session state, forgotten at every reset. */
    private static final class Session {
        boolean selected;
        boolean pinVerified;
        PendingPurchase purchase;
        PendingLoad load;
        byte[] challenge;
        byte[] pendingResponse;
    }

    private record PendingPurchase(long amount, byte[] terminalId, byte[] cardRandom, int counter) {
    }

    private record PendingLoad(long amount, byte[] terminalId, byte[] sessionKey, int counter) {
    }

    public VirtualMedicalCard(CardProfile profile, SimulatorKeys masterKeys, PurseState state, Clock clock,
                              RandomGenerator random, CardOptions options, Path cardFile) {
        if (masterKeys.keyVersion() != profile.keyVersion()) {
            throw new IllegalArgumentException("profile " + profile.profile() + " needs key version " + profile.keyVersion());
        }
        this.profile = profile;
        this.algorithm = profile.purseAlgorithm();
        this.keys = masterKeys.forCard(algorithm, profile.diversification());
        this.state = state;
        this.clock = clock;
        this.random = random;
        this.options = options;
        this.cardFile = cardFile;
    }

    /** A new card of that profile, in memory only, with a secure random source. */
    public static VirtualMedicalCard issue(CardProfile profile, SimulatorKeys keys, Clock clock) {
        return new VirtualMedicalCard(profile, keys, PurseState.initial(profile), clock, new SecureRandom(), CardOptions.defaults(), null);
    }

    /** A card kept in a card file: every committed change is written back to it. */
    public static VirtualMedicalCard open(Path file, SimulatorKeys keys, Clock clock, CardOptions options) throws IOException {
        CardFile f = CardFile.read(file);
        return new VirtualMedicalCard(f.profile(), keys, f.state(), clock, new SecureRandom(), options, file);
    }

    // ---------------------------------------------------------------- technician / test side

    public CardProfile profile() {
        return profile;
    }

    public synchronized PurseState state() {
        return state;
    }

    public Optional<Path> cardFile() {
        return Optional.ofNullable(cardFile);
    }

    /** The card as a card file value (profile + current state). */
    public synchronized CardFile toCardFile() {
        return new CardFile(CardFile.FORMAT, profile, state);
    }

    /** Writes the current state to {@code file} atomically (e.g. a technician saves an in-memory card). */
    public synchronized void saveTo(Path file) throws IOException {
        toCardFile().write(file);
    }

    /** Arms a one-shot tear at that point. */
    public synchronized void arm(Tear tear) {
        armedTears.add(tear);
    }

    public void tearBeforeDebitApplied() {
        arm(Tear.BEFORE_DEBIT);
    }

    public void tearAfterDebitApplied() {
        arm(Tear.AFTER_DEBIT);
    }

    public void tearBeforeLoadApplied() {
        arm(Tear.BEFORE_LOAD);
    }

    public void tearAfterLoadApplied() {
        arm(Tear.AFTER_LOAD);
    }

    public synchronized Set<Tear> armedTears() {
        return Set.copyOf(armedTears);
    }

    // ---------------------------------------------------------------- SimulatedCard

    @Override
    public byte[] atr() {
        return Atr.medicalCard();
    }

    @Override
    public synchronized void reset() {
        session = new Session();
    }

    @Override
    public String describe() {
        return "card " + profile.profile() + " " + IdNumbers.mask(profile.cardNo()) + " (" + profile.algorithm() + ")";
    }

    @Override
    public synchronized byte[] process(byte[] raw) {
        fireTear(Tear.NEXT_COMMAND, "power lost as the command arrived");
        CommandApdu c;
        try {
            c = CommandApdu.parse(raw);
        } catch (IllegalArgumentException e) {
            return sw(0x6700);
        }
        byte[] challenge = session.challenge;
        session.challenge = null; // a challenge is good for one command
        PendingPurchase purchase = session.purchase;
        PendingLoad load = session.load;
        session.purchase = null; // the second half of a purchase or load must follow its first half directly
        session.load = null;
        byte[] pending = session.pendingResponse;
        session.pendingResponse = null;
        try {
            byte[] answer = dispatch(c, challenge, purchase, load, pending);
            return options.t0Responses() && c.ins() != 0xC0 ? asT0(answer) : answer;
        } catch (StatusException e) {
            return sw(e.sw());
        }
    }

    private byte[] dispatch(CommandApdu c, byte[] challenge, PendingPurchase purchase, PendingLoad load, byte[] pending) {
        int cla = c.cla();
        StatusException.require(cla == 0x00 || cla == 0x80 || cla == 0x84, 0x6E00);
        return switch (c.ins()) {
            case 0xA4 -> expectCla(c, 0x00, () -> select(c));
            case 0xB0 -> expectCla(c, 0x00, () -> readBinary(c));
            case 0xB2 -> expectCla(c, 0x00, () -> readRecord(c));
            case 0x20 -> expectCla(c, 0x00, () -> verifyPin(c));
            case 0x84 -> expectCla(c, 0x00, () -> getChallenge(c));
            case 0xC0 -> expectCla(c, 0x00, () -> getResponse(c, pending));
            case 0x5C -> expectCla(c, 0x80, () -> getBalance(c));
            case 0x50 -> expectCla(c, 0x80, () -> c.p1() == 0x01 ? initializeForPurchase(c) : initializeForLoad(c));
            case 0x54 -> expectCla(c, 0x80, () -> debitForPurchase(c, purchase));
            case 0x5A -> expectCla(c, 0x80, () -> getTransactionProve(c));
            case 0x52 -> expectCla(c, 0x80, () -> creditForLoad(c, load));
            case 0x1E -> expectCla(c, 0x84, () -> applicationBlock(c, challenge));
            default -> throw new StatusException(0x6D00);
        };
    }

    private static byte[] expectCla(CommandApdu c, int cla, java.util.function.Supplier<byte[]> handler) {
        StatusException.require(c.cla() == cla, 0x6E00);
        return handler.get();
    }

    // ---------------------------------------------------------------- selection and files

    private byte[] select(CommandApdu c) {
        StatusException.require(c.p1() == 0x04 && c.p2() == 0x00, 0x6A86);
        StatusException.require(c.lc() > 0, 0x6700);
        session = new Session();
        if (!Arrays.equals(c.data(), AID)) {
            throw new StatusException(0x6A82);
        }
        if (state.block() == BlockState.PERMANENT) {
            throw new StatusException(0x9303);
        }
        session.selected = true;
        byte[] fci = fci();
        return withSw(fci, state.block() == BlockState.TEMPORARY ? 0x6283 : SW_OK);
    }

    private byte[] fci() {
        byte[] a5 = concat(new byte[] {(byte) 0x9F, 0x08, 0x02, 0x01, 0x00}, new byte[] {(byte) 0xC0, 0x01, (byte) algorithm.code()});
        byte[] inner = concat(new byte[] {(byte) 0x84, (byte) AID.length}, AID, new byte[] {(byte) 0xA5, (byte) a5.length}, a5);
        return concat(new byte[] {0x6F, (byte) inner.length}, inner);
    }

    private byte[] readBinary(CommandApdu c) {
        requireSelected();
        StatusException.require((c.p1() & 0x80) != 0, 0x6A86);
        StatusException.require(c.lc() == 0 && c.le() != CommandApdu.NO_LE, 0x6700);
        byte[] file = switch (c.p1() & 0x1F) {
            case 1 -> CardFiles.cardInformation(profile);
            case 2 -> CardFiles.cardholder(profile);
            case 3 -> CardFiles.insuranceStatus(profile);
            default -> throw new StatusException(0x6A82);
        };
        StatusException.require((c.p1() & 0x60) == 0, 0x6A86);
        int offset = c.p2();
        StatusException.require(offset < file.length, 0x6B00);
        int available = file.length - offset;
        if (c.le() != 256 && c.le() > available) {
            throw new StatusException(0x6C00 | available);
        }
        int n = c.le() == 256 ? available : c.le();
        return ok(Arrays.copyOfRange(file, offset, offset + n));
    }

    private byte[] readRecord(CommandApdu c) {
        requireSelected();
        StatusException.require((c.p2() & 0x07) == 0x04 && c.p1() >= 1, 0x6A86);
        StatusException.require(c.p2() >> 3 == 0x04, 0x6A82);
        StatusException.require(c.lc() == 0 && (c.le() == 0x17 || c.le() == 256), 0x6700);
        StatusException.require(c.p1() <= state.log().size(), 0x6A83);
        return ok(state.log().get(c.p1() - 1).bytes());
    }

    // ---------------------------------------------------------------- PIN, balance, challenge

    private byte[] verifyPin(CommandApdu c) {
        requireSelected();
        StatusException.require(c.p1() == 0 && c.p2() == 0, 0x6A86);
        StatusException.require(c.lc() == 3 && c.le() == CommandApdu.NO_LE, 0x6700);
        StatusException.require(state.pinTriesLeft() > 0, 0x6983);
        byte[] presented = c.data();
        byte[] expected = pinBcd(profile.pin());
        boolean match = PurseCrypto.macEquals(expected, presented);
        Arrays.fill(presented, (byte) 0);
        Arrays.fill(expected, (byte) 0);
        if (match) {
            if (state.pinTriesLeft() != PurseState.MAX_PIN_TRIES) {
                commit(state.withPinTries(PurseState.MAX_PIN_TRIES)); // as a real card: no EEPROM write when nothing changes
            }
            session.pinVerified = true;
            return sw(SW_OK);
        }
        int left = state.pinTriesLeft() - 1;
        commit(state.withPinTries(left));
        session.pinVerified = false;
        LOG.info("wrong PIN presented to {}, {} tries left", describe(), left);
        return sw(0x63C0 | left);
    }

    private static byte[] pinBcd(char[] pin) {
        byte[] out = new byte[3];
        for (int i = 0; i < 6; i++) {
            out[i / 2] |= (byte) ((pin[i] - '0') << (i % 2 == 0 ? 4 : 0));
        }
        Arrays.fill(pin, '\0');
        return out;
    }

    private byte[] getBalance(CommandApdu c) {
        requireSelected();
        StatusException.require(c.p1() == 0x00 && c.p2() == 0x02, 0x6A86);
        StatusException.require(c.lc() == 0 && c.le() == 4, 0x6700);
        return ok(PurseCrypto.u32(state.balance()));
    }

    private byte[] getChallenge(CommandApdu c) {
        StatusException.require(c.p1() == 0 && c.p2() == 0, 0x6A86);
        StatusException.require(c.lc() == 0 && c.le() == 8, 0x6700);
        byte[] r = randomBytes(8);
        session.challenge = r.clone();
        return ok(r);
    }

    private byte[] getResponse(CommandApdu c, byte[] pending) {
        StatusException.require(c.p1() == 0 && c.p2() == 0, 0x6A86);
        StatusException.require(pending != null, 0x6985);
        int dataLength = pending.length - 2;
        if (c.le() != dataLength && !(c.le() == 256 && dataLength == 0)) {
            session.pendingResponse = pending; // keep it: the terminal may ask again with the right length
            throw new StatusException(0x6C00 | dataLength);
        }
        return pending;
    }

    // ---------------------------------------------------------------- purchase

    private byte[] initializeForPurchase(CommandApdu c) {
        requireSelected();
        StatusException.require(c.p2() == 0x02, 0x6A86);
        StatusException.require(c.lc() == 0x0B && (c.le() == 0x0F || c.le() == 256), 0x6700);
        byte[] d = c.data();
        requireUsableForPurse();
        if (options.pinPolicy() == PinPolicy.CARD_REQUIRES_VERIFY) {
            StatusException.require(session.pinVerified, 0x6985);
        }
        StatusException.require((d[0] & 0xFF) == profile.keyVersion(), 0x9403);
        StatusException.require(state.offlineCounter() < 0xFFFF, 0x9402);
        long amount = u32(d, 1);
        StatusException.require(amount <= state.balance(), 0x9401);
        byte[] random = randomBytes(4);
        session.purchase = new PendingPurchase(amount, Arrays.copyOfRange(d, 5, 11), random, state.offlineCounter());
        return ok(concat(PurseCrypto.u32(state.balance()), PurseCrypto.u16(state.offlineCounter()), new byte[3],
                new byte[] {(byte) profile.keyVersion(), (byte) algorithm.code()}, random));
    }

    private byte[] debitForPurchase(CommandApdu c, PendingPurchase p) {
        requireSelected();
        StatusException.require(c.p1() == 0x01 && c.p2() == 0x00, 0x6A86);
        StatusException.require(c.lc() == 0x0F && (c.le() == 0x08 || c.le() == 256), 0x6700);
        StatusException.require(p != null, 0x6985);
        byte[] d = c.data();
        byte[] seq = Arrays.copyOfRange(d, 0, 4);
        byte[] date = Arrays.copyOfRange(d, 4, 8);
        byte[] time = Arrays.copyOfRange(d, 8, 11);
        byte[] mac1 = Arrays.copyOfRange(d, 11, 15);
        byte[] sk = PurseCrypto.purchaseSessionKey(algorithm, keys.dpk(), p.cardRandom(), p.counter(), seq);
        if (!PurseCrypto.macEquals(PurseCrypto.purchaseMac1(algorithm, sk, p.amount(), p.terminalId(), date, time), mac1)) {
            commit(state.withMacFailure());
            LOG.warn("MAC1 invalid on {} ({} failures{})", describe(), state.macFailures(),
                    state.block() == BlockState.NONE ? "" : ", application now blocked");
            throw new StatusException(0x9302);
        }
        byte[] mac2 = PurseCrypto.purchaseMac2(algorithm, sk, p.amount());
        byte[] tac = PurseCrypto.purchaseTac(algorithm, keys.dtk(), p.amount(), p.terminalId(), seq, date, time);
        fireTear(Tear.BEFORE_DEBIT, "power lost before the debit was written");
        LogRecord record = new LogRecord(p.counter(), p.amount(), PurseCrypto.TYPE_PURCHASE, Hex.of(p.terminalId()), Hex.of(date), Hex.of(time));
        commit(state.afterPurchase(p.amount(), record, new Proof(p.counter(), Hex.of(mac2), Hex.of(tac))));
        LOG.info("debit of {} fen on {}, offline counter {} -> {}", p.amount(), describe(), p.counter(), state.offlineCounter());
        fireTear(Tear.AFTER_DEBIT, "power lost after the debit was written, before the answer");
        return ok(concat(tac, mac2));
    }

    private byte[] getTransactionProve(CommandApdu c) {
        requireSelected();
        StatusException.require(c.p1() == 0x00 && c.p2() == 0x06, 0x6A86);
        StatusException.require(c.lc() == 2 && (c.le() == 0x08 || c.le() == 256), 0x6700);
        int counter = u16(c.data(), 0);
        return state.proofs().stream().filter(pr -> pr.counter() == counter).findFirst()
                .map(pr -> ok(concat(Hex.parse(pr.mac2()), Hex.parse(pr.tac()))))
                .orElseThrow(() -> new StatusException(0x9406));
    }

    // ---------------------------------------------------------------- load

    private byte[] initializeForLoad(CommandApdu c) {
        requireSelected();
        StatusException.require(c.p1() == 0x00 && c.p2() == 0x02, 0x6A86);
        StatusException.require(c.lc() == 0x0B && (c.le() == 0x10 || c.le() == 256), 0x6700);
        byte[] d = c.data();
        requireUsableForPurse();
        StatusException.require((d[0] & 0xFF) == profile.keyVersion(), 0x9403);
        StatusException.require(state.onlineCounter() < 0xFFFF, 0x9402);
        long amount = u32(d, 1);
        StatusException.require(state.balance() + amount <= 0xFFFF_FFFFL, 0x6985);
        byte[] terminalId = Arrays.copyOfRange(d, 5, 11);
        byte[] random = randomBytes(4);
        byte[] sk = PurseCrypto.loadSessionKey(algorithm, keys.dlk(), random, state.onlineCounter());
        byte[] mac1 = PurseCrypto.loadMac1(algorithm, sk, state.balance(), amount, terminalId);
        session.load = new PendingLoad(amount, terminalId, sk, state.onlineCounter());
        return ok(concat(PurseCrypto.u32(state.balance()), PurseCrypto.u16(state.onlineCounter()),
                new byte[] {(byte) profile.keyVersion(), (byte) algorithm.code()}, random, mac1));
    }

    private byte[] creditForLoad(CommandApdu c, PendingLoad l) {
        requireSelected();
        StatusException.require(c.p1() == 0x00 && c.p2() == 0x00, 0x6A86);
        StatusException.require(c.lc() == 0x0B && (c.le() == 0x04 || c.le() == 256), 0x6700);
        StatusException.require(l != null, 0x6985);
        byte[] d = c.data();
        byte[] date = Arrays.copyOfRange(d, 0, 4);
        byte[] time = Arrays.copyOfRange(d, 4, 7);
        byte[] mac2 = Arrays.copyOfRange(d, 7, 11);
        if (!PurseCrypto.macEquals(PurseCrypto.loadMac2(algorithm, l.sessionKey(), l.amount(), l.terminalId(), date, time), mac2)) {
            LOG.warn("load MAC2 invalid on {}", describe());
            throw new StatusException(0x9302);
        }
        long newBalance = state.balance() + l.amount();
        byte[] tac = PurseCrypto.loadTac(algorithm, keys.dtk(), newBalance, l.counter(), l.amount(), l.terminalId(), date, time);
        fireTear(Tear.BEFORE_LOAD, "power lost before the load was written");
        LogRecord record = new LogRecord(l.counter(), l.amount(), PurseCrypto.TYPE_LOAD, Hex.of(l.terminalId()), Hex.of(date), Hex.of(time));
        commit(state.afterLoad(l.amount(), record));
        LOG.info("load of {} fen on {}, online counter {} -> {}", l.amount(), describe(), l.counter(), state.onlineCounter());
        fireTear(Tear.AFTER_LOAD, "power lost after the load was written, before the answer");
        return ok(tac);
    }

    // ---------------------------------------------------------------- application block

    private byte[] applicationBlock(CommandApdu c, byte[] challenge) {
        requireSelected();
        StatusException.require(c.p1() == 0x00 && (c.p2() == 0x00 || c.p2() == 0x01), 0x6A86);
        StatusException.require(c.lc() == 4 && c.le() == CommandApdu.NO_LE, 0x6700);
        StatusException.require(challenge != null, 0x6985);
        byte[] expected = PurseCrypto.applicationBlockMac(algorithm, keys.damk(), challenge, c.p2());
        StatusException.require(PurseCrypto.macEquals(expected, c.data()), 0x9302);
        BlockState block = c.p2() == 0x01 ? BlockState.PERMANENT : BlockState.TEMPORARY;
        commit(state.withBlock(block));
        LOG.info("application {} blocked ({})", describe(), block);
        return sw(SW_OK);
    }

    // ---------------------------------------------------------------- helpers

    private void requireSelected() {
        StatusException.require(session.selected, 0x6985);
    }

    /** Card-side conditions for a debit or load: not blocked, NORMAL or SUSPENDED, activated, not expired. */
    private void requireUsableForPurse() {
        LocalDate today = LocalDate.now(clock.withZone(CARD_ZONE));
        boolean usable = state.block() == BlockState.NONE
                && profile.psnStatus().allowsDebit()
                && profile.activated()
                && !today.isAfter(profile.expiryDate());
        StatusException.require(usable, 0x6985);
    }

    /** The commit point: card file first (if any), then the in-memory swap. */
    private void commit(PurseState next) {
        if (cardFile != null) {
            try {
                new CardFile(CardFile.FORMAT, profile, next).write(cardFile);
            } catch (IOException | UncheckedIOException e) {
                LOG.error("card file {} could not be written; the command is not applied", cardFile, e);
                throw new StatusException(SW_MEMORY_FAILURE);
            }
        }
        state = next;
    }

    private void fireTear(Tear tear, String what) {
        if (armedTears.remove(tear)) {
            session = new Session();
            LOG.info("tear injected on {}: {}", describe(), what);
            throw new CardTornException(what);
        }
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private byte[] asT0(byte[] answer) {
        int dataLength = answer.length - 2;
        int sw = ((answer[dataLength] & 0xFF) << 8) | (answer[dataLength + 1] & 0xFF);
        if (dataLength == 0 || sw != SW_OK) {
            return answer;
        }
        session.pendingResponse = answer;
        return sw(0x6100 | (dataLength & 0xFF));
    }

    private static long u32(byte[] b, int off) {
        return ((long) (b[off] & 0xFF) << 24) | ((b[off + 1] & 0xFF) << 16) | ((b[off + 2] & 0xFF) << 8) | (b[off + 3] & 0xFF);
    }

    private static int u16(byte[] b, int off) {
        return ((b[off] & 0xFF) << 8) | (b[off + 1] & 0xFF);
    }

    static byte[] ok(byte[] data) {
        return withSw(data, SW_OK);
    }

    static byte[] sw(int sw) {
        return new byte[] {(byte) (sw >> 8), (byte) sw};
    }

    static byte[] withSw(byte[] data, int sw) {
        byte[] out = Arrays.copyOf(data, data.length + 2);
        out[data.length] = (byte) (sw >> 8);
        out[data.length + 1] = (byte) sw;
        return out;
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int off = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, off, p.length);
            off += p.length;
        }
        return out;
    }
}
