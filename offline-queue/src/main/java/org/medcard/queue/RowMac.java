package org.medcard.queue;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 keyed per terminal over a canonical form of stored rows.
 *
 * <p>The canonical form names every non-null column and length-prefixes every value, in column-name order.
 * Skipping nulls is deliberate: a migration that adds a nullable column leaves the MAC of older rows valid,
 * while setting that column later (or nulling any other) changes it.
 */
final class RowMac {
    static final String GENESIS = "MEDCARD-QUEUE-CHAIN-V1";
    private static final String ALGORITHM = "HmacSHA256";
    /** The digits of {@code HexFormat.of()}: lower case, no delimiter. */
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private final SecretKeySpec key;
    /** Initialised once; each HMAC works on a clone, which is thread-safe and cheaper than init per row. */
    private final Mac prototype;

    RowMac(byte[] key) {
        if (key == null || key.length < 16) {
            throw new IllegalArgumentException("the terminal HMAC key must be at least 16 bytes");
        }
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
        this.prototype = newMac();
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private Mac freshMac() {
        try {
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            return newMac();
        }
    }

    /** The journal chain: each line's HMAC covers the previous line's HMAC and its own columns. */
    String chain(String previousHmac, Map<String, Object> columns) {
        return hmac("J", previousHmac, columns);
    }

    /** A state row (outbox, debit, entry) is bound to the journal event that last changed it. */
    String row(String table, Map<String, Object> columns, String eventHmac) {
        return hmac("R:" + table, eventHmac, columns);
    }

    /** The chain head row (last seq, last HMAC, counters). */
    String head(Map<String, Object> columns) {
        return hmac("H", GENESIS, columns);
    }

    private String hmac(String domain, String link, Map<String, Object> columns) {
        StringBuilder canon = new StringBuilder(256);
        append(canon, domain);
        append(canon, link);
        // column-name order (String's natural order, as a TreeMap had it), sorted as an array: no map per MAC
        String[] names = columns.keySet().toArray(new String[0]);
        Arrays.sort(names);
        for (String name : names) {
            Object value = columns.get(name);
            if (value != null && !"mac".equals(name) && !"hmac".equals(name)) {
                append(canon, name);
                append(canon, String.valueOf(value));
            }
        }
        return HexFormat.of().formatHex(freshMac().doFinal(canon.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static void append(StringBuilder canon, String value) {
        String v = value == null ? "" : value;
        canon.append(v.length()).append(':').append(v).append(';');
    }

    /** Whether a string is the MAC {@link #hmac} returns for {@code digest}, without formatting it first. */
    private static boolean sameHex(byte[] digest, Object stored) {
        if (!(stored instanceof String s) || s.length() != 2 * digest.length) {
            return false;
        }
        for (int i = 0; i < digest.length; i++) {
            if (s.charAt(2 * i) != HEX[(digest[i] >> 4) & 0xf] || s.charAt(2 * i + 1) != HEX[digest[i] & 0xf]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The canonical order of one query's columns, worked out once from its labels instead of sorting a row map's
     * names for every row (issue 17, verify17: the chain check of an old file sorted 240 000 lines' names). It gives
     * the very bytes {@link #hmac} gives for {@link SqliteStore#rowMap} of the same row without the labels in
     * {@code notCovered}: a label that occurs twice counts once with its last column's value, as in the map; "mac"
     * and "hmac" are left out; each name's {@code length:name;} is made once here.
     *
     * @param names   the covered labels in column-name order, each as its canonical prefix
     * @param columns the column (1-based) whose value follows each prefix
     * @param index   every label to its column (the last one of that label)
     */
    record Layout(String[] names, int[] columns, Map<String, Integer> index) {
        static Layout of(ResultSetMetaData md, Set<String> notCovered) throws SQLException {
            Map<String, Integer> index = new LinkedHashMap<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                index.put(md.getColumnLabel(i), i);
            }
            String[] sorted = index.keySet().stream()
                    .filter(n -> !notCovered.contains(n) && !"mac".equals(n) && !"hmac".equals(n))
                    .sorted().toArray(String[]::new);
            String[] names = new String[sorted.length];
            int[] columns = new int[sorted.length];
            StringBuilder prefix = new StringBuilder();
            for (int i = 0; i < sorted.length; i++) {
                prefix.setLength(0);
                append(prefix, sorted[i]);
                names[i] = prefix.toString();
                columns[i] = index.get(sorted[i]);
            }
            return new Layout(names, columns, Map.copyOf(index));
        }

        /** The column of {@code label}, 0 if the query has none (its value then reads as null, as in a row map). */
        int column(String label) {
            return index.getOrDefault(label, 0);
        }
    }

    /**
     * One check's HMAC work over rows read as values ({@link SqliteStore#rowValues}, slot 0 always null): one
     * {@link Mac} and one buffer reused row after row, the result compared without formatting it. Not thread-safe:
     * each verification makes its own, under the store's lock.
     */
    Check check() {
        return new Check(freshMac());
    }

    static final class Check {
        private final Mac mac;
        private final StringBuilder canon = new StringBuilder(1024);

        private Check(Mac mac) {
            this.mac = mac;
        }

        /** Whether {@code stored} is {@link RowMac#chain} of this journal line. */
        boolean chainMatches(String previousHmac, Object[] values, Layout layout, Object stored) {
            return matches("J", previousHmac, values, layout, stored);
        }

        /** Whether {@code stored} is {@link RowMac#row} of this state row. */
        boolean rowMatches(String table, Object[] values, Layout layout, String eventHmac, Object stored) {
            return matches("R:" + table, eventHmac, values, layout, stored);
        }

        private boolean matches(String domain, String link, Object[] values, Layout layout, Object stored) {
            canon.setLength(0);
            append(canon, domain);
            append(canon, link);
            String[] names = layout.names();
            int[] columns = layout.columns();
            for (int i = 0; i < names.length; i++) {
                Object value = values[columns[i]];
                if (value != null) {
                    canon.append(names[i]);
                    append(canon, String.valueOf(value));
                }
            }
            return sameHex(mac.doFinal(canon.toString().getBytes(StandardCharsets.UTF_8)), stored);
        }
    }
}
