package org.medcard.terminal.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.medcard.terminal.center.BlacklistEntry;
import org.medcard.terminal.center.CatalogItem;
import org.medcard.terminal.center.HostApi;
import org.medcard.terminal.center.Versioned;
import org.medcard.terminal.store.TerminalDb;

/**
 * The catalog ({@code 1301}) and the blacklist ({@code 8101}) as last downloaded, kept in the terminal's
 * database so the counter works offline: a barcode is looked up here, and a card on the blacklist is
 * refused even when the center cannot be reached. Each sync asks only for what changed since the stored
 * version and applies it in one transaction, so a sync cut short leaves the previous complete version.
 */
public final class Downloads {

    private static final String CATALOG = "catalog";
    private static final String BLACKLIST = "blacklist";

    private final TerminalDb db;
    private final Clock clock;

    public Downloads(TerminalDb db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Fetches and applies catalog changes; returns how many items changed. */
    public int syncCatalog(HostApi center) {
        Versioned<CatalogItem> changes = center.catalog(version(CATALOG));
        return db.inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT OR REPLACE INTO catalog_item"
                    + " (code, name, spec, unit, price_fen, category, self_pay_bp) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (CatalogItem i : changes.changes()) {
                    p.setString(1, i.code());
                    p.setString(2, i.name());
                    p.setString(3, i.spec());
                    p.setString(4, i.unit());
                    p.setLong(5, i.priceFen());
                    p.setString(6, i.category());
                    p.setInt(7, i.selfPayRatioBasisPoints());
                    p.addBatch();
                }
                p.executeBatch();
            }
            setVersion(c, CATALOG, changes.version());
            return changes.changes().size();
        });
    }

    /** Fetches and applies blacklist changes (NORMAL removes a card); returns how many entries changed. */
    public int syncBlacklist(HostApi center) {
        Versioned<BlacklistEntry> changes = center.blacklist(version(BLACKLIST));
        return db.inTransaction(c -> {
            try (PreparedStatement put = c.prepareStatement("INSERT OR REPLACE INTO blacklist (card_no, psn_status, since) VALUES (?, ?, ?)");
                 PreparedStatement remove = c.prepareStatement("DELETE FROM blacklist WHERE card_no = ?")) {
                for (BlacklistEntry e : changes.changes()) {
                    if ("NORMAL".equals(e.psnStatus())) {
                        remove.setString(1, e.cardNo());
                        remove.executeUpdate();
                    } else {
                        put.setString(1, e.cardNo());
                        put.setString(2, e.psnStatus());
                        put.setString(3, e.since() == null ? null : e.since().toString());
                        put.executeUpdate();
                    }
                }
            }
            setVersion(c, BLACKLIST, changes.version());
            return changes.changes().size();
        });
    }

    /** The item with this code or barcode. */
    public Optional<CatalogItem> item(String code) {
        return db.inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT code, name, spec, unit, price_fen, category, self_pay_bp"
                    + " FROM catalog_item WHERE code = ?")) {
                p.setString(1, code.trim());
                try (ResultSet rs = p.executeQuery()) {
                    return rs.next() ? Optional.of(item(rs)) : Optional.<CatalogItem>empty();
                }
            }
        });
    }

    /** Items whose code or name contains {@code text}, at most {@code limit}, by code. */
    public List<CatalogItem> search(String text, int limit) {
        String like = "%" + text.trim().toUpperCase(Locale.ROOT).replace("%", "").replace("_", "") + "%";
        return db.inTransaction(c -> {
            List<CatalogItem> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT code, name, spec, unit, price_fen, category, self_pay_bp"
                    + " FROM catalog_item WHERE upper(code) LIKE ? OR name LIKE ? ORDER BY code LIMIT ?")) {
                p.setString(1, like);
                p.setString(2, "%" + text.trim() + "%");
                p.setInt(3, limit);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        out.add(item(rs));
                    }
                }
            }
            return out;
        });
    }

    /** The blacklist's word on this card, if it is listed. */
    public Optional<BlacklistEntry> blacklisted(String cardNo) {
        return db.inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT psn_status, since FROM blacklist WHERE card_no = ?")) {
                p.setString(1, cardNo);
                try (ResultSet rs = p.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<BlacklistEntry>empty();
                    }
                    String since = rs.getString(2);
                    return Optional.of(new BlacklistEntry(cardNo, rs.getString(1), since == null ? null : LocalDate.parse(since)));
                }
            }
        });
    }

    public long catalogVersion() {
        return version(CATALOG);
    }

    public long blacklistVersion() {
        return version(BLACKLIST);
    }

    private long version(String name) {
        return db.inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT version FROM download_version WHERE name = ?")) {
                p.setString(1, name);
                try (ResultSet rs = p.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : 0L;
                }
            }
        });
    }

    private void setVersion(Connection c, String name, long version) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT OR REPLACE INTO download_version (name, version, at) VALUES (?, ?, ?)")) {
            p.setString(1, name);
            p.setLong(2, version);
            p.setString(3, clock.instant().toString());
            p.executeUpdate();
        }
    }

    private static CatalogItem item(ResultSet rs) throws SQLException {
        return new CatalogItem(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5), rs.getString(6), rs.getInt(7));
    }
}
