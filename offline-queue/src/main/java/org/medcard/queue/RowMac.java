package org.medcard.queue;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
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
}
