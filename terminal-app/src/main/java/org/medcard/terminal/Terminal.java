package org.medcard.terminal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;

import org.medcard.card.MedicalCard;
import org.medcard.psam.Psam;
import org.medcard.queue.OfflineLimits;
import org.medcard.queue.OfflineQueue;
import org.medcard.queue.QueueSettings;
import org.medcard.queue.TerminalIdentity;
import org.medcard.queue.forward.Backoff;
import org.medcard.queue.forward.Forwarder;
import org.medcard.terminal.catalog.BlacklistRefresh;
import org.medcard.terminal.catalog.CenterDownloads;
import org.medcard.terminal.catalog.Downloads;
import org.medcard.terminal.center.CenterSession;
import org.medcard.terminal.center.CenterWatch;
import org.medcard.terminal.center.HostApi;
import org.medcard.terminal.center.HostLink;
import org.medcard.terminal.center.HostCodec;
import org.medcard.terminal.center.QueueWireFormat;
import org.medcard.terminal.config.DeviceChoice;
import org.medcard.terminal.config.OfflineLimitsConfig;
import org.medcard.terminal.config.TerminalConfig;
import org.medcard.terminal.dayclose.DayClose;
import org.medcard.terminal.device.Devices;
import org.medcard.terminal.device.ReaderStatus;
import org.medcard.terminal.device.TerminalIdFile;
import org.medcard.terminal.device.TrainingReader;
import org.medcard.terminal.operator.AuditLog;
import org.medcard.terminal.registration.DepartmentCatalog;
import org.medcard.terminal.registration.RegistrationDesk;
import org.medcard.terminal.resettle.ResettleDesk;
import org.medcard.terminal.sale.SalePolicy;
import org.medcard.terminal.sale.TearRecovery;
import org.medcard.terminal.session.CardCheck;
import org.medcard.terminal.session.CardSession;
import org.medcard.terminal.session.CardSlot;
import org.medcard.terminal.status.PartListener;
import org.medcard.terminal.status.CardStatusPolicy;
import org.medcard.terminal.status.PartStates;
import org.medcard.terminal.status.TerminalState;
import org.medcard.terminal.store.TerminalDb;
import org.medcard.terminal.text.Texts;
import org.medcard.terminal.voids.Reversals;
import org.medcard.terminal.voids.VoidDesk;
import org.medcard.transport.CardTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: from the validated configuration and a clock it opens and wires everything the
 * counter needs, in this order — the terminal database ({@code terminal.db}), the PSAM (its terminal id
 * names the queue's sales), the offline queue ({@code queue.db}, HMAC key in {@code terminal.key}), the
 * center link (a URL, or the embedded simulated center: TRAINING MODE), the sign-in ({@code 9001}), the
 * downloads (catalog, blacklist), and the forwarder. Nothing else in the terminal constructs these. It holds no
 * logic of its own: the center session is {@link CenterSession}, the parts' states {@link PartStates}, the reader
 * events {@link ReaderStatus}; {@link #signIn()}, {@link #signOut()}, {@link #onlineCenter()} and {@link #state()}
 * only delegate, for the front ends. {@link #close()} closes the parts in reverse order.
 *
 * <p>Threads: the thread that calls {@link #openCard()} and runs sales is the reader's worker thread (the
 * CLI's main thread; later the UI's device executor) — it does all card, PSAM and query I/O, never the UI
 * thread. The {@link Forwarder} has its own background thread ({@code queue-forwarder}) that drains the
 * outbox; an online settle is sent by the worker thread through {@link Forwarder#sendNow}, which waits for
 * the background sender's lock. The embedded center serves HTTP on its own small pool. {@link #state()} may
 * be read from any thread.
 */
public final class Terminal implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Terminal.class);
    /** A probe's connect timeout: with a look every half second, a closed center shows within 2 s. */
    private static final Duration CENTER_PROBE_TIMEOUT = Duration.ofMillis(400);
    private static final long CENTER_LOOK_MS = 500;

    /**
     * How this run starts.
     *
     * @param offline              do not contact the center at all (the {@code --offline} option)
     * @param backgroundForwarding start the forwarder's background thread (off in tests that drive it themselves)
     * @param operator             who signs in ({@code opter}) and is recorded as cashier
     */
    public record Options(boolean offline, boolean backgroundForwarding, String operator) {
        public Options {
            if (operator == null || operator.isBlank()) {
                throw new IllegalArgumentException("operator missing");
            }
        }

        public static Options defaults() {
            return new Options(false, true, "cashier");
        }

        public Options withOffline(boolean off) {
            return new Options(off, backgroundForwarding, operator);
        }
    }

    private final TerminalConfig config;
    private final Clock clock;
    private final Options options;
    private final AtomicReference<String> signNo = new AtomicReference<>("");
    private final TerminalDb db;
    private final Devices devices;
    private final OfflineQueue queue;
    private final TrainingMode.EmbeddedCenter embeddedCenter;
    private final HostLink link;
    /** The link as every request uses it: reports answers and silences to the center's part state (null when offline). */
    private final CenterWatch centerWatch;
    private final HostApi hostApi;
    private final Forwarder forwarder;
    private final Downloads downloads;
    private final CardCheck cardCheck;
    private final SalePolicy salePolicy;
    private final AuditLog audit;
    /** Operators' accounts and the audit log, wired once ({@link AccountsWiring}). */
    private final AccountsWiring accounts;
    private final org.medcard.terminal.tamper.TamperFindings tamperFindings;
    private final BlacklistRefresh blacklistRefresh;
    private final ScheduledExecutorService refreshScheduler;
    private final Texts messages;
    /** The parts' states for {@link #state()}; the center counts as OK only while signed in. */
    private final PartStates parts = new PartStates(() -> !signNo.get().isEmpty());
    private final CardSession cardSession;
    /** Sign-in, downloads, sign-in again, sign-out (null when offline). */
    private final CenterSession centerSession;

    public Terminal(TerminalConfig config, Clock clock) {
        this(config, clock, Options.defaults());
    }

    public Terminal(TerminalConfig config, Clock clock, Options options) {
        this.config = config;
        this.clock = clock;
        this.options = options;
        // No fallback to the JVM's default locale: language=en on a Chinese Windows must still say English.
        this.messages = Texts.messages(config.language());
        Path dataDir = config.dataDir();
        createDirectories(dataDir);
        org.medcard.terminal.security.OwnerOnlyFiles.secure(dataDir, true);
        org.medcard.terminal.logging.LogFiles.attach(dataDir.resolve("logs"));
        if (config.trainingMode()) {
            LOG.warn("TRAINING MODE: reader {}, PSAM {}, center {}", config.reader(), config.psam(),
                    config.center().map(URI::toString).orElse("embedded"));
        }
        this.db = TerminalDb.open(dataDir.resolve("terminal.db"));
        byte[] terminalKey = hmacKey(dataDir.resolve("terminal.key"));
        this.accounts = new AccountsWiring(db, terminalKey, clock);
        this.audit = accounts.audit();
        this.devices = new Devices(config.reader(), config.psam(), trainingReader(config, clock), dataDir, config.pcscProvider());
        devices.addListener(new ReaderStatus(parts, this::psam));
        String terminalId = TerminalIdFile.read(devices, dataDir.resolve("terminal.id"), parts);
        this.queue = OfflineQueue.open(dataDir.resolve("queue.db"), queueSettings(config, terminalId),
                terminalKey, clock, new QueueWireFormat(new HostCodec()));
        this.embeddedCenter = options.offline() || config.centerUrl() != null ? null : startEmbeddedCenter(dataDir, clock);
        URI base = options.offline() ? null
                : config.center().orElseGet(() -> URI.create("http://127.0.0.1:" + embeddedCenter.port() + "/"));
        this.link = base == null ? null : new HostLink(new HostLink.Settings(base, config.institutionCode(),
                config.terminalNumber(), options.operator(), signNo::get, config.connectTimeout(), config.requestTimeout(),
                org.medcard.terminal.security.CenterTlsContext.build(config.centerTls()).orElse(null)), clock);
        // Every request passes the center watch, so the center's tag follows each answer and each silence (issue 15).
        this.centerWatch = link == null ? null : new CenterWatch(link, base, CENTER_PROBE_TIMEOUT);
        this.hostApi = link == null ? null : new HostApi(centerWatch, queue::reserveMsgid);
        this.forwarder = link == null ? null
                : new Forwarder(queue, centerWatch, Backoff.standard(new SecureRandom()::nextDouble), clock, Duration.ofSeconds(2));
        this.downloads = new Downloads(db, clock);
        this.cardCheck = new CardCheck(new CardStatusPolicy(), downloads, clock);
        this.salePolicy = new SalePolicy(config.region(), config.pinExemptBelowFen());
        this.cardSession = new CardSession(slot(devices), this::onlineCenter, tearRecovery(), loads()::apply, cardCheck, parts);
        this.blacklistRefresh = new BlacklistRefresh(downloads, this::onlineCenter, clock, BlacklistRefresh.DEFAULT_EVERY,
                BlacklistRefresh.DEFAULT_RETRY, reason -> parts.fault(PartListener.Part.CENTER, reason));
        this.centerSession = link == null ? null : new CenterSession(hostApi, signNo, forwarder,
                new CenterDownloads(downloads, blacklistRefresh), parts, new CenterSession.Counter(options.operator(),
                config.terminalNumber(), embeddedCenter != null), options.backgroundForwarding());
        if (centerSession == null) {
            parts.none(PartListener.Part.CENTER, "offline: the center is not contacted (--offline)");
        } else {
            centerWatch.listen(centerSession.watchListener()); // the center's tag follows each answer and silence
            centerSession.start();
        }
        tearRecovery().recoverAtStart(devices::cardPresent, cardSession);
        this.tamperFindings = new org.medcard.terminal.tamper.TamperFindings(queue, audit);
        tamperFindings.recordFound(); // "when found" (issue 18, case 4)
        this.refreshScheduler = options.offline() || !options.backgroundForwarding() ? null : startBlacklistRefresh();
        org.medcard.terminal.security.OwnerOnlyFiles.secure(dataDir, false); // what this start created (queue.db, -wal, -shm…)
    }

    /** A running terminal (not a one-shot CLI command) refreshes the blacklist on its own thread (8101: "periodically"). */
    private ScheduledExecutorService startBlacklistRefresh() {
        ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "blacklist-refresh");
            t.setDaemon(true);
            return t;
        });
        blacklistRefresh.schedule(s, BlacklistRefresh.DEFAULT_CHECK);
        watchCenter(s);
        return s;
    }

    // ---------------------------------------------------------------- center watch (issue 15: the tag tells the truth within 2 s)

    /** Looks at the center every half second while nothing is sent (a running terminal only, like the blacklist refresh). */
    private void watchCenter(ScheduledExecutorService s) {
        if (centerWatch == null) {
            return;
        }
        s.scheduleWithFixedDelay(centerWatch::look, CENTER_LOOK_MS, CENTER_LOOK_MS, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    // ---------------------------------------------------------------- wiring

    /** The simulator's reader and PSAM, through the training door, when the configuration names them. */
    private static Optional<TrainingReader> trainingReader(TerminalConfig config, Clock clock) {
        if (config.reader().kind() != DeviceChoice.Kind.SIMULATOR && config.psam().kind() != DeviceChoice.Kind.SIMULATOR) {
            return Optional.empty();
        }
        return Optional.of(TrainingMode.required("reader=simulator").reader(config.dataDir(), clock));
    }

    private static QueueSettings queueSettings(TerminalConfig config, String terminalId) {
        OfflineLimitsConfig l = config.offlineLimits();
        QueueSettings base = QueueSettings.of(new TerminalIdentity(config.institutionCode(),
                Integer.parseInt(config.terminalNumber()), terminalId));
        return new QueueSettings(base.terminal(), new OfflineLimits(config.offlineMode(), l.perSaleFen(), l.perCardPerDayFen(),
                l.terminalTotalFen(), l.oldestRecordAge()), config.resettleMaxDays(), base.busyTimeout(), base.maxDatabaseBytes())
                .withCenter(config.center().map(org.medcard.terminal.config.DataFolderPurpose::normalise).orElse("embedded"));
    }

    /** 32 random bytes made on first start, owner-only; it keys the queue's and the audit log's tamper-evident chains. */
    static byte[] hmacKey(Path file) {
        return org.medcard.terminal.security.TerminalKey.loadOrCreate(file);
    }

    private static TrainingMode.EmbeddedCenter startEmbeddedCenter(Path dataDir, Clock clock) {
        return TrainingMode.required("center.url=embedded").startCenter(dataDir, clock);
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data folder " + dir, e);
        }
    }

    // ---------------------------------------------------------------- center

    /** Signs in ({@code 9001}) again (the CLI's and desktop's "sign in"); false offline or when the center refuses. */
    public boolean signIn() {
        return centerSession != null && centerSession.signIn();
    }

    /** Signs out ({@code 9002}); false offline, when not signed in, or when the center is away. */
    public boolean signOut() {
        return centerSession != null && centerSession.signOut();
    }

    /** The center's query API when the terminal may talk to it (signed in, or signing in now succeeds). */
    public Optional<HostApi> onlineCenter() {
        return centerSession == null ? Optional.empty() : centerSession.online();
    }

    /** The session with the center, absent when the terminal runs {@code --offline}. */
    public Optional<CenterSession> centerSession() {
        return Optional.ofNullable(centerSession);
    }

    // ---------------------------------------------------------------- devices

    /** Opens a card session on the card in the card slot; a fault marks the reader/card state. */
    public MedicalCard openCard() {
        return cardSession.connect();
    }

    /** The PSAM, reopened after a fault. */
    public Psam psam() {
        return cardSession.psam();
    }

    /** The one way every desk and front end opens the card in the slot (torn sales, R15 loads, status check). */
    public CardSession cardSession() {
        return cardSession;
    }

    /** Where services report the reader's, PSAM's, card's and center's state (shown by {@link #state()}). */
    public PartListener parts() {
        return parts;
    }

    private static CardSlot slot(Devices devices) {
        return new CardSlot() {
            @Override
            public CardTransport connectCard() {
                return devices.connectCard();
            }

            @Override
            public Psam psam() {
                return devices.psam();
            }

            @Override
            public void psamFaulted() {
                devices.psamFaulted();
            }
        };
    }

    /**
     * {@code listener} runs, on the thread that reported it, after a part's state changed (a service's report or a
     * reader event); it must hand real work to its own thread. Closing the returned handle stops it.
     */
    public AutoCloseable onPartChange(Runnable listener) {
        return parts.onChange(listener);
    }

    // ---------------------------------------------------------------- desks: built here, the front ends get them

    /** The hospital's registration desk (1201 / 2201 / 2206 / 2207 / 2202), on the bundled or given departments. */
    public RegistrationDesk registrationDesk(DepartmentCatalog departments) {
        return new RegistrationDesk(new RegistrationDesk.Institution(config.kind(), departments, downloads::item), this::onlineCenter,
                cardSession, pharmacySale(), salePolicy, new org.medcard.terminal.registration.VisitBook(db, clock));
    }

    /** Re-settlement of the queue's OPEN entries (8400 / 8401); its debit applies no R15 load. */
    public ResettleDesk resettleDesk() {
        return new ResettleDesk(queue, new ResettleDesk.Center(this::onlineCenter, forwarder()),
                new ResettleDesk.Card(cardSession, pharmacySale().withoutLoads()), parts, audit, config.resettleMaxDays());
    }

    /** Words a re-settlement's outcome in the configured language (the desk builds no text). */
    public org.medcard.terminal.resettle.ResettleTexts resettleTexts() {
        return new org.medcard.terminal.resettle.ResettleTexts(messages::text, messages::faultName, messages::centerSays);
    }

    /** Voids (2208) by a signed-in supervisor of {@code operators}. */
    public VoidDesk voidDesk(org.medcard.terminal.operator.Operators operators) {
        return new VoidDesk(queue, forwarder(), this::onlineCenter, audit, operators);
    }

    /** The center's rejected messages and what a supervisor does about them (issue 14). */
    public org.medcard.terminal.rejected.RejectedDesk rejectedDesk() {
        return new org.medcard.terminal.rejected.RejectedDesk(queue, audit,
                msgid -> onlineCenter().flatMap(c -> forwarder()).ifPresent(f -> f.sendNow(msgid)), clock.getZone(),
                new QueueWireFormat());
    }

    /** Reversals (2601) of settlements whose answer never came. */
    public Reversals reversals() {
        return new Reversals(queue, forwarder(), this::onlineCenter, audit);
    }

    /** Words a void's and a reversal's outcome in the configured language (the desks build no text). */
    public org.medcard.terminal.voids.VoidTexts voidTexts() {
        return new org.medcard.terminal.voids.VoidTexts(messages::text, messages::centerSays);
    }

    /** The day close (9100 / 9101) of this counter, with the center as it is now (online or not). */
    public DayClose dayClose() {
        return new DayClose(queue, onlineCenter(), clock);
    }

    /** The day close naming this counter's number ({@code term_no}) in its 9100 (the CLI's {@code medcard day-close}). */
    public DayClose dayCloseOfThisCounter() {
        return new DayClose(queue, onlineCenter(), clock, config.terminalNumber());
    }

    /** Torn sales' recovery on this terminal's queue and center link; made once (it keeps nothing between sales). */
    public synchronized TearRecovery tearRecovery() {
        if (tearRecovery == null) {
            tearRecovery = new TearRecovery(queue, new org.medcard.terminal.sale.OnlineSettler(queue, forwarder()), audit,
                    options.operator());
        }
        return tearRecovery;
    }

    private TearRecovery tearRecovery;

    /**
     * A pharmacy sale on this terminal's card session, queue, center link and settings (R15 loads applied). Made once
     * and handed out again: it keeps nothing between sales, and a new one per sale (three JSON mappers with empty
     * caches, code the JIT never sees often enough to compile) cost the counter about a millisecond a sale (issue 17).
     */
    public synchronized org.medcard.terminal.sale.PharmacySale pharmacySale() {
        if (pharmacySale == null) {
            pharmacySale = new org.medcard.terminal.sale.PharmacySale(
                    new org.medcard.terminal.sale.PharmacySale.Slot(cardSession, tearRecovery()),
                    new org.medcard.terminal.sale.PharmacySale.Books(queue, new org.medcard.terminal.sale.OnlineSettler(queue, forwarder()),
                            new org.medcard.terminal.store.FreeSpace(config.dataDir(), config.minFreeBytes())),
                    new org.medcard.terminal.sale.PharmacySale.Rules(salePolicy, downloads::item, config.offlineMode()),
                    new org.medcard.terminal.sale.PharmacySale.Reports(parts, audit), clock);
        }
        return pharmacySale;
    }

    private org.medcard.terminal.sale.PharmacySale pharmacySale;

    /** A sale's outcome in the configured language. */
    public org.medcard.terminal.sale.SaleTexts saleTexts() {
        return new org.medcard.terminal.sale.SaleTexts(messages::text, messages::faultName, messages::centerSays);
    }

    /** A visit's outcome (registration, settlement, close, cancellation) in the configured language. */
    public org.medcard.terminal.registration.VisitTexts visitTexts() {
        return new org.medcard.terminal.registration.VisitTexts(saleTexts(), messages::text, messages::faultName);
    }

    /** A sale's receipt documents, with this terminal's letterhead and catalog names. */
    public org.medcard.terminal.sale.SaleDocuments saleDocuments() {
        return new org.medcard.terminal.sale.SaleDocuments(letterhead(), code -> downloads.item(code).map(
                org.medcard.terminal.center.CatalogItem::name), config.resettleMaxDays(), messages::faultName);
    }

    /** A re-settlement's receipt documents (the entry, its refund), with this terminal's letterhead. */
    public org.medcard.terminal.resettle.ResettleDocuments resettleDocuments() {
        return new org.medcard.terminal.resettle.ResettleDocuments(queue, receipts().journal(), letterhead());
    }

    /** A visit's documents (registration slip, outpatient receipt, cash receipt), with this terminal's letterhead. */
    public org.medcard.terminal.registration.VisitDocuments visitDocuments() {
        return new org.medcard.terminal.registration.VisitDocuments(saleDocuments());
    }

    /** A void's receipt documents, with this terminal's letterhead. */
    public org.medcard.terminal.voids.VoidDocuments voidDocuments() {
        return new org.medcard.terminal.voids.VoidDocuments(queue, receipts().journal(), letterhead());
    }

    /** The top of every document this terminal issues. */
    public org.medcard.terminal.receipt.Letterhead letterhead() {
        return new org.medcard.terminal.receipt.Letterhead(config.institutionCode(), config.institutionName(),
                "T" + config.terminalNumber(), config.trainingMode(), clock);
    }

    // ---------------------------------------------------------------- accessors

    public TerminalConfig config() {
        return config;
    }

    public Clock clock() {
        return clock;
    }

    public Options options() {
        return options;
    }

    public OfflineQueue queue() {
        return queue;
    }

    /** The forwarder, absent when the terminal runs {@code --offline}. */
    public Optional<Forwarder> forwarder() {
        return Optional.ofNullable(forwarder);
    }

    public Devices devices() {
        return devices;
    }

    public Downloads downloads() {
        return downloads;
    }

    public CardCheck cardCheck() {
        return cardCheck;
    }

    public SalePolicy salePolicy() {
        return salePolicy;
    }

    /** The audit log in terminal.db (security events such as a forged card, R10). */
    /** The periodic blacklist refresh (its scheduler runs only in a long-running terminal). */
    public BlacklistRefresh blacklistRefresh() {
        return blacklistRefresh;
    }

    public AuditLog audit() {
        return audit;
    }

    /** Who may sign in, with which role: the desktop's sign-in, the supervisor's CLI commands and commissioning. */
    public org.medcard.terminal.operator.Operators operators() {
        return accounts.operators();
    }

    /** The queue's tamper findings: listed, acknowledged, and held rows released by a technician. */
    public org.medcard.terminal.tamper.TamperFindings tamperFindings() {
        return tamperFindings;
    }

    public TerminalDb db() {
        return db;
    }

    /** The embedded simulated center (TRAINING MODE), when configured. */
    public Optional<TrainingMode.EmbeddedCenter> embeddedCenter() {
        return Optional.ofNullable(embeddedCenter);
    }

    /** The core's sentences (the desks', the CLI's) in the configured language: the one {@link Texts}. */
    public Texts messages() {
        return messages;
    }

    public Locale language() {
        return config.language();
    }

    /** R15 loads, journalled in {@code terminal.db}; made on first use. */
    public synchronized org.medcard.terminal.load.MonthlyLoads loads() {
        if (monthlyLoads == null) {
            monthlyLoads = new org.medcard.terminal.load.MonthlyLoads(new org.medcard.terminal.load.LoadJournal(db, clock), queue,
                    Optional.ofNullable(forwarder), clock);
        }
        return monthlyLoads;
    }

    private org.medcard.terminal.load.MonthlyLoads monthlyLoads;

    /**
     * Receipts: the journal in terminal.db, the PDF renderer with the fonts parsed once for the process, and
     * the configured printer, wired by {@link ReceiptWiring} (the one place, which {@code medcard receipt} also uses).
     * Made on first use; the CLI, the desktop app and commissioning hand every outcome's document here.
     */
    public synchronized org.medcard.terminal.receipt.desk.ReceiptDesk receipts() {
        return receiptWiring().desk();
    }

    private synchronized ReceiptWiring receiptWiring() {
        if (receiptWiring == null) {
            receiptWiring = new ReceiptWiring(db, config.receipt(), clock);
        }
        return receiptWiring;
    }

    private ReceiptWiring receiptWiring;

    /** The fonts receipts are printed with (made with {@link #receipts()}): whether Chinese prints, and which font. */
    public synchronized org.medcard.terminal.receipt.pdf.FontCache receiptFonts() {
        return receiptWiring().fonts();
    }

    private synchronized void closeReceiptFonts() {
        if (receiptWiring != null) {
            receiptWiring.close(); // the fonts; terminal.db is closed next, by the terminal
        }
    }

    public TerminalState state() {
        return parts.state(config.trainingMode());
    }

    @Override
    public void close() {
        if (refreshScheduler != null) {
            refreshScheduler.shutdownNow();
            try {
                refreshScheduler.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (forwarder != null) {
            forwarder.close();
        }
        signOut();
        devices.close();
        queue.close();
        if (embeddedCenter != null) {
            embeddedCenter.stop();
        }
        closeReceiptFonts();
        db.close();
        org.medcard.terminal.logging.LogFiles.detach();
        try {
            org.medcard.terminal.security.OwnerOnlyFiles.secure(config.dataDir(), false);
        } catch (RuntimeException e) {
            LOG.warn("Could not tighten the data folder's permissions at close: {}", e.getMessage());
        }
    }
}
