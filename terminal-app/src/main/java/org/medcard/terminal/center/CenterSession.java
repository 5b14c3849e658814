package org.medcard.terminal.center;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.medcard.queue.forward.Forwarder;
import org.medcard.terminal.status.PartListener.Part;
import org.medcard.terminal.status.PartStates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The terminal's session with the center: the sign-in ({@code 9001}) whose {@code sign_no} every later message
 * carries, the downloads after it, a sign-in again when a query finds it lost, the sign-out ({@code 9002}) at close,
 * and what happens when the {@link CenterWatch} sees the center come back (one real request, then the outbox is sent
 * at once instead of after its back-off). The center's part state follows each of these.
 *
 * <p>Called on the reader's worker thread (queries), the scheduler's thread (the watch) and the closing thread.
 */
public final class CenterSession {
    private static final Logger LOG = LoggerFactory.getLogger(CenterSession.class);

    /**
     * Who signs in.
     *
     * @param operator       the {@code opter} of the 9001
     * @param terminalNumber this counter's number ({@code term_no})
     * @param embedded       the center is the embedded simulated one (TRAINING MODE), said in the center's state
     */
    public record Counter(String operator, String terminalNumber, boolean embedded) {
    }

    /** What is downloaded from the center (the catalog package's; kept as a port so no cycle forms). */
    public interface Sync {
        /** Catalog and blacklist, after the sign-in at start. */
        void all(HostApi api);

        /** The blacklist (due anyway) when the center answers again. */
        void blacklist(HostApi api);
    }

    private final HostApi api;
    private final AtomicReference<String> signNo;
    private final Forwarder forwarder;
    private final Sync sync;
    private final PartStates parts;
    private final Counter counter;
    private final boolean startForwarder;

    /**
     * @param signNo         the {@code sign_no} the center link puts on every message ("" while not signed in)
     * @param startForwarder start the forwarder's background thread once signed in (off in tests that drive it)
     */
    public CenterSession(HostApi api, AtomicReference<String> signNo, Forwarder forwarder, Sync sync, PartStates parts,
            Counter counter, boolean startForwarder) {
        this.api = api;
        this.signNo = signNo;
        this.forwarder = forwarder;
        this.sync = sync;
        this.parts = parts;
        this.counter = counter;
        this.startForwarder = startForwarder;
    }

    /** Whether the terminal holds a sign-in now. */
    public boolean signedIn() {
        return !signNo.get().isEmpty();
    }

    /**
     * Signs in ({@code 9001}) and keeps the {@code sign_no} for every later message. Starts the background forwarder
     * only once signed in: before that the center would refuse every message with 1001.
     */
    public synchronized boolean signIn() {
        try {
            SignedIn signedIn = api.call(new HostRequest.SignIn9001(counter.operator(), counter.terminalNumber(),
                    "00:00:00:00:00:" + counter.terminalNumber()));
            signNo.set(signedIn.signNo());
        } catch (MalformedAnswer e) {
            parts.fault(Part.CENTER, "sign-in answer unreadable");
            LOG.warn("Sign-in: {}", e.getMessage());
            return false;
        } catch (CenterUnreachable e) {
            parts.fault(Part.CENTER, "center unreachable: " + e.getMessage());
            LOG.warn("Sign-in: center unreachable ({}); working offline", e.getMessage());
            return false;
        } catch (CenterRefusal e) {
            parts.fault(Part.CENTER, "center refused sign-in: " + e.infcode() + " " + e.centerMessage());
            LOG.error("Sign-in refused: infcode {} ({})", e.infcode(), e.centerMessage());
            return false;
        }
        parts.ok(Part.CENTER, "signed in" + (counter.embedded() ? " (embedded center, TRAINING MODE)" : ""));
        if (startForwarder) {
            forwarder.start();
        }
        return true;
    }

    /**
     * Signs out ({@code 9002}) so the center stops accepting this {@code sign_no}. Done on close, after the forwarder
     * stopped; skipped when the center is already known to be away (it would only add the timeouts to the close).
     */
    public synchronized boolean signOut() {
        String current = signNo.get();
        if (current.isEmpty() || !parts.of(Part.CENTER).isOk()) {
            return false;
        }
        try {
            api.call(new HostRequest.SignOut9002(current));
        } catch (CenterUnreachable | CenterRefusal e) {
            LOG.warn("Sign-out not confirmed by the center: {}", e.getMessage());
            return false;
        }
        signNo.set("");
        parts.none(Part.CENTER, "signed out");
        LOG.info("Signed out ({})", current);
        return true;
    }

    /** Signs in and downloads the catalog and blacklist (at start); a failed download leaves the last complete one. */
    public void start() {
        if (!signIn()) {
            return;
        }
        try {
            sync.all(api);
        } catch (CenterUnreachable | CenterRefusal e) {
            parts.fault(Part.CENTER, "downloads failed: " + e.getMessage());
            LOG.warn("Downloads failed, working with the last complete download: {}", e.getMessage());
        }
    }

    /** The center's query API when the terminal may talk to it (signed in, or signing in now succeeds). */
    public Optional<HostApi> online() {
        if (!signedIn() && !signIn()) {
            return Optional.empty();
        }
        return Optional.of(api);
    }

    /**
     * The center's port opens again: one real request says whether it answers (signing in again if the sign-in was
     * lost; else the blacklist, which is due anyway), and the outbox is sent now instead of after its back-off.
     */
    public void centerBack() {
        try {
            boolean wasSignedIn = signedIn();
            Optional<HostApi> center = online();
            if (center.isPresent() && wasSignedIn) {
                sync.blacklist(center.get());
            }
        } catch (CenterUnreachable | CenterRefusal e) {
            LOG.info("Center not answering yet: {}", e.getMessage());
        }
        forwarder.forwardNow();
    }

    /** Where the center watch reports: the center's part state, and {@link #centerBack()} once its port opens again. */
    public CenterWatch.Listener watchListener() {
        return new CenterWatch.Listener() {
            @Override
            public void answered() {
                if (!parts.of(Part.CENTER).isOk()) { // keeps the sign-in's own words ("signed in (embedded center, …)")
                    parts.ok(Part.CENTER, "online");
                }
            }

            @Override
            public void noAnswer(String reason) {
                parts.fault(Part.CENTER, reason);
            }

            @Override
            public void reachableAgain() {
                centerBack();
            }
        };
    }
}
