package org.medcard.queue;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The sales begun and not answered by the card ({@link SaleJournal#UNFINISHED}), found without reading the whole
 * journal each time (issue 17). The status bar's count follows every commit and every card presented asks for its
 * torn sales; a whole-journal search grew with the file (≈ 0.1 s per ask at 60 000 offline sales, 240 000 lines,
 * measured with {@code AgedQueueBench}), a little more for every sale sold.
 *
 * <h2>Why no unfinished sale is missed</h2>
 * A journal line is never changed or removed and a new line's seq is above every line's before it, so a card answer,
 * once journalled, stays, and an intent not yet journalled will come after every line seen so far. What a committed
 * snapshot showed of the lines up to its last one therefore stays true: of those, only the intents it found
 * unfinished can still be, and they are asked again by seq, with the lines after it. Only committed snapshots are
 * remembered ({@link #read}, run in {@link SqliteStore#read}): a write transaction's own lines may still roll back,
 * and their seqs would then be used again by other lines. The fields are used only under the store's lock (every
 * read and write holds it); a new process starts from line 0, so a file changed while no program had it open is
 * read whole the first time.
 */
final class UnfinishedSales {
    /** The unfinished intents among the lines after the last one read ({@code ?}: its seq), in journal order. */
    static final String AFTER = after("");
    /** The intent of line {@code ?}, if it is still unfinished. */
    static final String AT = at("");
    /** Every line up to this seq was read by a committed snapshot. */
    private long seenThrough;
    /** Of those lines, the intents that snapshot found without a card answer (seqs, ascending). */
    private List<Long> openSeqs = List.of();

    /** The unfinished sales' intent lines, in journal order, from a committed snapshot (a read transaction). */
    List<Map<String, Object>> read(Connection c) throws SQLException {
        long last = (Long) SqliteStore.query(c, "SELECT COALESCE(MAX(seq), 0) AS s FROM journal").get(0).get("s");
        List<Map<String, Object>> lines = find(c, AT, AFTER);
        openSeqs = lines.stream().map(r -> (Long) r.get("seq")).toList();
        seenThrough = last;
        return lines;
    }

    /**
     * Inside a write transaction: the unfinished intents whose line also meets {@code condition} (on journal line
     * {@code i}, with {@code args}); nothing is remembered, the transaction may still roll back.
     */
    List<Map<String, Object>> peek(Connection c, String condition, Object... args) throws SQLException {
        return find(c, at(" AND " + condition), after(" AND " + condition), args);
    }

    /** {@link #AT} with {@code more} conditions on line {@code i} (their parameters after the seq). */
    private static String at(String more) {
        return "SELECT * FROM journal i WHERE i.seq = ? AND " + SaleJournal.UNFINISHED + more;
    }

    /** {@link #AFTER} with {@code more} conditions on line {@code i} (their parameters after the seq). */
    private static String after(String more) {
        return "SELECT * FROM journal i WHERE i.seq > ? AND " + SaleJournal.UNFINISHED + more + " ORDER BY i.seq";
    }

    private List<Map<String, Object>> find(Connection c, String at, String after, Object... args) throws SQLException {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (long seq : openSeqs) {
            lines.addAll(SqliteStore.query(c, at, with(seq, args)));
        }
        lines.addAll(SqliteStore.query(c, after, with(seenThrough, args))); // after the others: in journal order
        return lines;
    }

    private static Object[] with(long seq, Object... args) {
        Object[] all = new Object[args.length + 1];
        all[0] = seq;
        System.arraycopy(args, 0, all, 1, args.length);
        return all;
    }
}
