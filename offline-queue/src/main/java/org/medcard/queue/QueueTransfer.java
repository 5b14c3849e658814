package org.medcard.queue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.medcard.card.IdNumber;

/**
 * Export to JSON Lines and import on another PC. One object per line: a header, then every row of every
 * table as stored (including HMACs) in a fixed table order, then an end line with the row count so a
 * truncated file is refused. Import writes the rows verbatim into a new file, verifies the whole chain with
 * the terminal key, and only then moves the file into place: a broken chain imports nothing.
 */
final class QueueTransfer {
    static final String FORMAT = "medcard-offline-queue";
    static final List<String> TABLES = List.of("chain_head", "journal", "outbox", "offline_debit", "resettlement");
    private static final Set<String> PERSONAL = Set.of("card_no", "psn_cert_no", "card_key");
    private static final Set<String> JSON_COLUMNS = Set.of("payload", "input", "record", "result", "items");

    private final ObjectMapper mapper;

    QueueTransfer(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    void export(Connection c, Path out, ExportMode mode, TerminalIdentity terminal, List<String> findings,
                Clock clock, boolean replace) throws SQLException {
        try {
            exportRows(c, out, mode, terminal, findings, clock, replace);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A new, uniquely named, owner-only file beside {@code out} (never an existing file of that name). */
    private static Path createOwnerOnlyBeside(Path out) throws IOException {
        Path dir = out.toAbsolutePath().getParent();
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return Files.createTempFile(dir, ".medcard-export-", ".part", java.nio.file.attribute.PosixFilePermissions
                    .asFileAttribute(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
        }
        return Files.createTempFile(dir, ".medcard-export-", ".part");
    }

    private void exportRows(Connection c, Path out, ExportMode mode, TerminalIdentity terminal, List<String> findings,
                            Clock clock, boolean replace) throws SQLException, IOException {
        if (!replace && Files.exists(out, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new java.nio.file.FileAlreadyExistsException(out.toString(), null, "an export is written to a new file");
        }
        // a FULL export holds whole card and ID numbers: private to the user from the first byte
        Path tmp = createOwnerOnlyBeside(out);
        try {
            writeRows(c, tmp, mode, terminal, findings, clock);
            if (replace) {
                Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } else {
                // A hard link never replaces: a file made at out meanwhile makes this fail, not vanish.
                try {
                    Files.createLink(out, tmp);
                } catch (java.nio.file.FileAlreadyExistsException e) {
                    throw e;
                } catch (UnsupportedOperationException | java.nio.file.FileSystemException e) {
                    Files.move(tmp, out); // no hard links here (FAT, some shares): refuses an existing file all the same
                }
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private void writeRows(Connection c, Path tmp, ExportMode mode, TerminalIdentity terminal, List<String> findings,
                           Clock clock) throws SQLException, IOException {
        long rows = 0;
        try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            ObjectNode header = mapper.createObjectNode().put("type", "header").put("format", FORMAT)
                    .put("format_version", 1).put("mode", mode.name()).put("schema", Schema.version(c))
                    .put("institution", terminal.institutionCode()).put("terminal_no", terminal.terminalNo())
                    .put("terminal_id", terminal.terminalId()).put("exported_at", LocalTimes.stamp(clock.instant()));
            findings.forEach(header.putArray("findings")::add);
            line(w, header);
            for (String table : TABLES) {
                for (Map<String, Object> row : SqliteStore.query(c, "SELECT * FROM " + table + orderBy(table))) {
                    ObjectNode node = mapper.createObjectNode().put("type", table);
                    node.set("row", mode == ExportMode.MASKED ? mask(row) : mapper.valueToTree(row));
                    line(w, node);
                    rows++;
                }
            }
            line(w, mapper.createObjectNode().put("type", "end").put("rows", rows));
        }
    }

    private static String orderBy(String table) {
        return switch (table) {
            case "journal" -> " ORDER BY seq";
            case "resettlement" -> " ORDER BY entry_no";
            case "chain_head" -> "";
            default -> " ORDER BY id";
        };
    }

    private void line(BufferedWriter w, JsonNode node) throws IOException {
        w.write(mapper.writeValueAsString(node));
        w.write('\n');
    }

    private ObjectNode mask(Map<String, Object> row) {
        ObjectNode node = mapper.valueToTree(row);
        maskNode(node);
        for (String col : JSON_COLUMNS) {
            if (node.hasNonNull(col)) {
                JsonNode inner = Json.parse(mapper, node.get(col).asText(), col);
                maskNode(inner);
                node.put(col, inner.toString());
            }
        }
        return node;
    }

    private static void maskNode(JsonNode node) {
        if (node instanceof ObjectNode obj) {
            Iterator<Map.Entry<String, JsonNode>> it = obj.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (PERSONAL.contains(e.getKey()) && e.getValue().isTextual()) {
                    e.setValue(TextNode.valueOf(IdNumber.mask(e.getValue().asText())));
                } else {
                    maskNode(e.getValue());
                }
            }
        } else if (node != null && node.isArray()) {
            node.forEach(QueueTransfer::maskNode);
        }
    }

    /** Reads and checks an export, then builds {@code target} from it; throws IMPORT_REJECTED on any doubt. */
    void importInto(Path export, Path target, QueueSettings settings, RowMac mac) throws IOException, SQLException {
        if (Files.exists(target) && Files.size(target) > 0) {
            throw rejected("the target " + target + " already exists; import only into a new file");
        }
        List<ObjectNode> rows = readRows(export, settings.terminal());
        Path tmp = target.resolveSibling(target.getFileName() + ".importing");
        Files.deleteIfExists(tmp);
        try {
            build(tmp, rows, settings, mac);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
            Files.deleteIfExists(tmp.resolveSibling(tmp.getFileName() + "-wal"));
            Files.deleteIfExists(tmp.resolveSibling(tmp.getFileName() + "-shm"));
        }
    }

    private List<ObjectNode> readRows(Path export, TerminalIdentity terminal) throws IOException {
        List<ObjectNode> rows = new ArrayList<>();
        ObjectNode header = null;
        ObjectNode end = null;
        int lineNo = 0;
        try (BufferedReader r = Files.newBufferedReader(export, StandardCharsets.UTF_8)) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                lineNo++;
                if (end != null) {
                    throw rejected("line " + lineNo + " follows the end line");
                }
                ObjectNode node = parseLine(line, lineNo);
                String type = node.path("type").asText();
                if (lineNo == 1) {
                    header = checkHeader(node, terminal);
                } else if ("end".equals(type)) {
                    end = node;
                } else if (TABLES.contains(type) && node.get("row") instanceof ObjectNode) {
                    rows.add(node);
                } else {
                    throw rejected("line " + lineNo + " has an unknown type '" + type + "'");
                }
            }
        }
        if (header == null || end == null || end.path("rows").asLong(-1) != rows.size()) {
            throw rejected("the file is incomplete (no header, no end line, or a row count that does not match)");
        }
        return rows;
    }

    private ObjectNode parseLine(String line, int lineNo) {
        try {
            JsonNode node = mapper.readTree(line);
            if (node instanceof ObjectNode obj) {
                return obj;
            }
        } catch (IOException e) {
            throw rejected("line " + lineNo + " is not valid JSON: " + e.getMessage());
        }
        throw rejected("line " + lineNo + " is not a JSON object");
    }

    private static ObjectNode checkHeader(ObjectNode h, TerminalIdentity terminal) {
        if (!FORMAT.equals(h.path("format").asText()) || !"header".equals(h.path("type").asText())) {
            throw rejected("not a queue export (first line is not a " + FORMAT + " header)");
        }
        if (!ExportMode.FULL.name().equals(h.path("mode").asText())) {
            throw rejected("a " + h.path("mode").asText() + " export cannot be imported; export FULL");
        }
        if (h.path("schema").asInt() != Schema.LATEST) {
            throw rejected("export is schema v" + h.path("schema").asInt() + ", this program v" + Schema.LATEST
                    + ": open and re-export it with this version");
        }
        if (!terminal.institutionCode().equals(h.path("institution").asText())
                || terminal.terminalNo() != h.path("terminal_no").asInt()
                || !terminal.terminalId().equalsIgnoreCase(h.path("terminal_id").asText())) {
            throw rejected("the export belongs to another terminal (" + h.path("institution").asText() + "/"
                    + h.path("terminal_no").asText() + ")");
        }
        return h;
    }

    private void build(Path tmp, List<ObjectNode> rows, QueueSettings settings, RowMac mac) throws SQLException {
        try (Connection c = SqliteStore.config(settings).createConnection("jdbc:sqlite:" + tmp);
             Statement st = c.createStatement()) {
            st.execute("BEGIN IMMEDIATE");
            Schema.migrate(c, 0, Schema.LATEST);
            st.execute("PRAGMA defer_foreign_keys = ON");
            for (ObjectNode node : rows) {
                insert(c, node.path("type").asText(), (ObjectNode) node.get("row"));
            }
            List<String> findings = new ChainVerifier(mac).verify(c);
            if (!findings.isEmpty()) {
                st.execute("ROLLBACK");
                throw rejected("the chain does not verify with this terminal key: " + findings);
            }
            st.execute("COMMIT");
        }
    }

    private static void insert(Connection c, String table, ObjectNode row) throws SQLException {
        Map<String, Object> cols = new LinkedHashMap<>();
        row.fields().forEachRemaining(e -> cols.put(e.getKey(), e.getValue().isNull() ? null
                : e.getValue().isIntegralNumber() ? (Object) e.getValue().asLong() : e.getValue().asText()));
        for (String name : cols.keySet()) {
            if (!name.matches("[a-z_]+")) {
                throw rejected("bad column name in " + table + ": " + name);
            }
        }
        String sql = "INSERT INTO " + table + " (" + String.join(", ", cols.keySet()) + ") VALUES ("
                + String.join(", ", java.util.Collections.nCopies(cols.size(), "?")) + ")";
        try (var ps = c.prepareStatement(sql)) {
            SqliteStore.bind(ps, cols.values().toArray());
            ps.executeUpdate();
        }
    }

    private static QueueStoreException rejected(String message) {
        return new QueueStoreException(QueueStoreException.Reason.IMPORT_REJECTED, message);
    }
}
