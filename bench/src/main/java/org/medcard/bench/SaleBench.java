package org.medcard.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jdk.jfr.Category;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Recording;
import jdk.jfr.StackTrace;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.medcard.simulator.profile.CardProfiles;
import org.medcard.terminal.Terminal;
import org.medcard.terminal.config.ConfigLoader;
import org.medcard.terminal.config.TerminalConfig;
import org.medcard.terminal.training.SimulatorTrainingReader;
import org.medcard.terminal.sale.SaleItem;
import org.medcard.terminal.sale.SaleOutcome;
import org.medcard.terminal.sale.SaleRequest;

/**
 * A main, not a JMH benchmark: N complete pharmacy sales through the real terminal stack — training card and PSAM
 * (in-process, or behind a real pcscd with vpcd), embedded center on loopback, SQLite files with
 * {@code synchronous=FULL} — each one: card session, tear recovery, R15 loads listing ({@code 8501}), card check
 * with {@code 1101}, {@code 2101}, PIN, INITIALIZE/DEBIT with the PSAM, {@code 2102} through the outbox, then the
 * receipt journalled in {@code terminal.db}.
 *
 * <p>The phases come from the Flight Recorder events the lower layers commit (card-protocol's APDU event,
 * offline-queue's center round trip and queue commit), recorded in this JVM and cut per sale; nested phases
 * (a commit inside the debit) are shown as they are, "other" is the time no phase covers (CPU: JSON, SQL reads,
 * logging). The last line is {@code sale p50=<ms> ms p90=<ms> ms card_apdus=<n> psam_apdus=<n>}.
 *
 * <pre>
 * mvn -B -q -Pbench -pl bench -am package -DskipTests
 * java -cp bench/target/benchmarks.jar org.medcard.bench.SaleBench 200 inprocess
 * flock /tmp/medcard-pcscd.lock java -cp bench/target/benchmarks.jar org.medcard.bench.SaleBench 200 pcscd
 * </pre>
 */
public final class SaleBench {
    private static final String PROFILE = "normal-3des";
    private static final int WARM_UP = 20;
    /** CPU ms per timed sale: {process, the sale's thread}. */
    private static double[] cpu = {0, 0};
    /** CPU ms per timed sale of the JVM's visible threads, by name without digits. */
    private static String threadGroups = "";
    private static final List<String> EVENTS = List.of("org.medcard.Apdu", "org.medcard.CenterCall",
            "org.medcard.QueueCommit", SaleEvent.NAME, ReceiptJournalEvent.NAME);

    private SaleBench() {
    }

    /** One timed sale, as the bench sees it from outside. */
    @Name(SaleEvent.NAME)
    @Label("Bench sale")
    @Category("MedCard bench")
    @StackTrace(false)
    static final class SaleEvent extends jdk.jfr.Event {
        static final String NAME = "org.medcard.bench.Sale";
    }

    @Name(ReceiptJournalEvent.NAME)
    @Label("Receipt journal")
    @Category("MedCard bench")
    @StackTrace(false)
    static final class ReceiptJournalEvent extends jdk.jfr.Event {
        static final String NAME = "org.medcard.bench.ReceiptJournal";
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        String mode = args.length > 1 ? args[1] : "inprocess";
        if (!mode.equals("inprocess") && !mode.equals("pcscd")) {
            System.err.println("usage: SaleBench N [inprocess|pcscd]");
            System.exit(2);
        }
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true"); // as TerminalMain does
        }
        Path dir = Files.createTempDirectory("sale-bench");
        try {
            run(mode, n, dir);
        } finally {
            deleteTree(dir);
        }
    }

    private static void run(String mode, int n, Path dir) throws Exception {
        if (mode.equals("pcscd")) {
            try (PcscdBridge rig = PcscdBridge.start(new SimulatorTrainingReader(CardProfiles.bundled(), dir.resolve("cards"),
                    BenchClock.CLOCK))) {
                rig.present(PROFILE);
                try (Terminal t = open(dir.resolve("terminal"), Map.of("reader", "pcsc:" + PcscdBridge.CARD_READER,
                        "psam", "pcsc:" + PcscdBridge.PSAM_READER))) {
                    run(t, n, "pcscd + vpcd", PcscdBridge.PSAM_READER);
                }
            }
        } else {
            try (Terminal t = open(dir.resolve("terminal"), Map.of())) {
                t.devices().training().orElseThrow().present(PROFILE);
                run(t, n, "in-process training reader", "PSAM");
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static Terminal open(Path dataDir, Map<String, String> overrides) throws IOException {
        Files.createDirectories(dataDir);
        Map<String, String> o = new LinkedHashMap<>(overrides);
        o.put("data.dir", dataDir.toString());
        TerminalConfig config = new ConfigLoader(dataDir).load(dataDir.resolve("medcard.properties"), o).config();
        // As the desktop app runs: the forwarder's background thread on, the center on loopback.
        return new Terminal(config, BenchClock.CLOCK, new Terminal.Options(false, true, "cashier01"));
    }

    private static void run(Terminal t, int n, String what, String psamMarker) throws IOException {
        for (int i = 0; i < WARM_UP; i++) {
            sell(t, i);
        }
        Path file = Files.createTempFile("sale-bench", ".jfr");
        try (Recording r = new Recording()) {
            for (String e : EVENTS) {
                r.enable(e).withThreshold(Duration.ZERO);
            }
            r.start();
            // CPU does not depend on how many other processes wait for the cores: the figure to compare on a shared machine.
            com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            long processCpu = os.getProcessCpuTime();
            long saleThreadCpu = threads.getCurrentThreadCpuTime();
            Map<String, Long> groupsBefore = cpuByThreadGroup(threads);
            for (int i = 0; i < n; i++) {
                SaleEvent e = new SaleEvent();
                e.begin();
                sell(t, WARM_UP + i);
                e.commit();
            }
            cpu = new double[] {(os.getProcessCpuTime() - processCpu) / 1e6 / n,
                (threads.getCurrentThreadCpuTime() - saleThreadCpu) / 1e6 / n};
            Map<String, Long> groupsAfter = cpuByThreadGroup(threads);
            StringBuilder g = new StringBuilder();
            groupsAfter.forEach((name, ns) -> {
                double ms = (ns - groupsBefore.getOrDefault(name, 0L)) / 1e6 / n;
                if (ms >= 0.05) {
                    g.append(String.format(Locale.ROOT, "%s%s %.1f", g.length() == 0 ? "" : ", ", name, ms));
                }
            });
            threadGroups = g.toString();
            r.stop();
            r.dump(file);
        }
        List<RecordedEvent> events = RecordingFile.readAllEvents(file);
        Files.deleteIfExists(file);
        report(what, n, Phases.of(events, psamMarker));
    }

    /** CPU ns so far of every live thread the JVM lists (not its compiler threads), by name with the digits left out. */
    private static Map<String, Long> cpuByThreadGroup(java.lang.management.ThreadMXBean threads) {
        Map<String, Long> out = new java.util.TreeMap<>();
        for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null) {
                long ns = threads.getThreadCpuTime(info.getThreadId());
                out.merge(info.getThreadName().replaceAll("[0-9]+", "N"), Math.max(ns, 0), Long::sum);
            }
        }
        return out;
    }

    private static void sell(Terminal t, int i) {
        // 甲硝唑片 at 3.50: 220 sales (warm-up included) come to 770.00, within the card's balance, so every sale has
        // its PIN and purse debit. At 12.50 (amoxicillin, used before) the card ran dry after about 155 sales and the
        // rest settled with nothing from the card, which flattered the median (about 30 % of the sales had no debit).
        SaleOutcome o = t.pharmacySale().sell(SaleRequest.of(List.of(SaleItem.parse("XP01ABJ016:1")),
                () -> "123456".toCharArray(), "cashier01"));
        if (o.kind() != SaleOutcome.Kind.SETTLED) {
            throw new IllegalStateException("sale " + i + ": " + o.kind() + " " + t.saleTexts().line(o));
        }
        ReceiptJournalEvent e = new ReceiptJournalEvent();
        e.begin();
        // The receipt is assembled by the caller after the sale (issue 13), then journalled: both are measured here.
        t.receipts().journal().record(t.saleDocuments().of(o, "cashier01").orElseThrow());
        e.commit();
    }

    private static void report(String what, int n, Phases p) {
        System.out.printf(Locale.ROOT, "%s: %d sales after %d warm-up sales; phases per sale, ms (nested phases overlap)%n",
                what, n, WARM_UP);
        System.out.printf(Locale.ROOT, "  %-58s %8s %8s %6s%n", "phase", "median", "p90", "count");
        for (Map.Entry<String, List<Phases.PerSale>> e : p.rows().entrySet()) {
            double[] ms = e.getValue().stream().mapToDouble(Phases.PerSale::ms).sorted().toArray();
            double count = e.getValue().stream().mapToInt(Phases.PerSale::count).average().orElse(0);
            System.out.printf(Locale.ROOT, "  %-58s %8.2f %8.2f %6.1f%n", e.getKey(), Phases.pct(ms, 50), Phases.pct(ms, 90), count);
        }
        double[] total = p.totals();
        // Counts the load does not change (docs/performance.md counts every file's fsyncs with strace).
        System.out.printf(Locale.ROOT, "  queue commits per sale (one fsync each): %.2f%n", p.meanQueueCommits());
        System.out.printf(Locale.ROOT, "  CPU per sale: %.1f ms the whole process (all threads, the JIT's included), %.1f ms the sale's thread%n",
                cpu[0], cpu[1]);
        System.out.printf(Locale.ROOT, "  CPU per sale by thread, ms (the rest of the process's: JIT compilers, GC): %s%n", threadGroups);
        System.out.printf(Locale.ROOT, "sale p50=%.1f ms p90=%.1f ms card_apdus=%d psam_apdus=%d%n", Phases.pct(total, 50),
                Phases.pct(total, 90), p.medianCardApdus(), p.medianPsamApdus());
    }

    /** The per-sale figures cut out of one recording. */
    static final class Phases {
        record PerSale(double ms, int count) {
        }

        private record Span(Instant start, Instant end) {
            double ms() {
                return Duration.between(start, end).toNanos() / 1e6;
            }
        }

        private final Map<String, List<PerSale>> rows = new LinkedHashMap<>();
        private final List<Double> totals = new ArrayList<>();
        private final List<Integer> cardApdus = new ArrayList<>();
        private final List<Integer> psamApdus = new ArrayList<>();
        private final List<Integer> queueCommits = new ArrayList<>();

        static Phases of(List<RecordedEvent> events, String psamMarker) {
            List<RecordedEvent> sales = events.stream().filter(e -> e.getEventType().getName().equals(SaleEvent.NAME))
                    .sorted((a, b) -> a.getStartTime().compareTo(b.getStartTime())).toList();
            Phases p = new Phases();
            for (String label : List.of("card session (SELECT, READ BINARY, GET BALANCE)", "host 8501 pending loads",
                    "host 1101 person", "host 2101 pre-settle", "PIN (VERIFY)", "purse debit with PSAM (INIT..CREDIT SAM)",
                    "host 2102 settle", "receipt journal (terminal.db)")) {
                p.rows.put(label, new ArrayList<>());
            }
            for (RecordedEvent sale : sales) {
                p.add(sale, events.stream().filter(e -> !e.getEventType().getName().equals(SaleEvent.NAME)
                        && !e.getStartTime().isBefore(sale.getStartTime()) && !e.getEndTime().isAfter(sale.getEndTime()))
                        .sorted((a, b) -> a.getStartTime().compareTo(b.getStartTime())).toList(), psamMarker);
            }
            return p;
        }

        private void add(RecordedEvent sale, List<RecordedEvent> in, String psamMarker) {
            Map<String, double[]> sums = new LinkedHashMap<>(); // label -> {ms, count}
            rows.keySet().forEach(k -> sums.put(k, new double[2]));
            int card = 0;
            int psam = 0;
            int commits = 0;
            Instant debitStart = null;
            Instant debitEnd = null;
            List<Span> covered = new ArrayList<>();
            for (RecordedEvent e : in) {
                Span s = new Span(e.getStartTime(), e.getEndTime());
                switch (e.getEventType().getName()) {
                    case "org.medcard.Apdu" -> {
                        boolean isPsam = e.getString("reader").contains(psamMarker);
                        int ins = e.getInt("ins");
                        covered.add(s);
                        if (isPsam) {
                            psam++;
                        } else {
                            card++;
                        }
                        if (!isPsam && ins == 0x50 && debitStart == null) {
                            debitStart = s.start();
                        }
                        if (debitStart != null) {
                            debitEnd = s.end();
                            bump(sums, "  in the debit: " + (isPsam ? "PSAM " : "card ") + insName(isPsam, ins), s.ms());
                        } else if (!isPsam && ins == 0x20) {
                            bump(sums, "PIN (VERIFY)", s.ms());
                        } else if (!isPsam) {
                            bump(sums, "card session (SELECT, READ BINARY, GET BALANCE)", s.ms());
                        }
                    }
                    case "org.medcard.CenterCall" -> {
                        covered.add(s);
                        String infno = e.getString("infno");
                        String label = rows.keySet().stream().filter(k -> k.startsWith("host " + infno)).findFirst()
                                .orElse("host " + infno);
                        sums.computeIfAbsent(label, k -> new double[2]);
                        bump(sums, label, s.ms());
                    }
                    case "org.medcard.QueueCommit" -> {
                        covered.add(s);
                        commits++;
                        bump(sums, "queue commit: " + e.getString("what").replaceAll("[0-9]{20,}", "<msgid>"), s.ms());
                    }
                    case ReceiptJournalEvent.NAME -> {
                        covered.add(s);
                        bump(sums, "receipt journal (terminal.db)", s.ms());
                    }
                    default -> {
                    }
                }
            }
            if (debitStart != null) {
                bump(sums, "purse debit with PSAM (INIT..CREDIT SAM)", new Span(debitStart, debitEnd).ms());
            }
            Span whole = new Span(sale.getStartTime(), sale.getEndTime());
            sums.put("other: in no phase above (CPU: JSON, SQL reads, logging)", new double[] {whole.ms() - union(covered), 1});
            for (Map.Entry<String, double[]> e : sums.entrySet()) {
                rows.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(new PerSale(e.getValue()[0], (int) e.getValue()[1]));
            }
            totals.add(whole.ms());
            cardApdus.add(card);
            psamApdus.add(psam);
            queueCommits.add(commits);
        }

        private static String insName(boolean psam, int ins) {
            return switch (ins) {
                case 0x50 -> "INITIALIZE FOR PURCHASE";
                case 0x54 -> "DEBIT FOR PURCHASE";
                case 0x70 -> "INIT SAM FOR PURCHASE (MAC1)";
                case 0x72 -> "CREDIT SAM FOR PURCHASE (MAC2)";
                default -> String.format(Locale.ROOT, "INS %02X", ins);
            };
        }

        private static void bump(Map<String, double[]> sums, String label, double ms) {
            double[] v = sums.computeIfAbsent(label, k -> new double[2]);
            v[0] += ms;
            v[1]++;
        }

        private static double union(List<Span> spans) {
            List<Span> sorted = spans.stream().sorted((a, b) -> a.start().compareTo(b.start())).toList();
            double ms = 0;
            Instant curStart = null;
            Instant curEnd = null;
            for (Span s : sorted) {
                if (curEnd == null || s.start().isAfter(curEnd)) {
                    if (curEnd != null) {
                        ms += new Span(curStart, curEnd).ms();
                    }
                    curStart = s.start();
                    curEnd = s.end();
                } else if (s.end().isAfter(curEnd)) {
                    curEnd = s.end();
                }
            }
            return curEnd == null ? 0 : ms + new Span(curStart, curEnd).ms();
        }

        Map<String, List<PerSale>> rows() {
            return rows;
        }

        double[] totals() {
            return totals.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        }

        int medianCardApdus() {
            return cardApdus.stream().sorted().toList().get(cardApdus.size() / 2);
        }

        /** Commits of the terminal's queue per sale (each one fsync of queue.db-wal), mean. */
        double meanQueueCommits() {
            return queueCommits.stream().mapToInt(Integer::intValue).average().orElse(0);
        }

        int medianPsamApdus() {
            return psamApdus.stream().sorted().toList().get(psamApdus.size() / 2);
        }

        static double pct(double[] sorted, int p) {
            if (sorted.length == 0) {
                return 0;
            }
            return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * p / 100.0) - 1)];
        }
    }
}
