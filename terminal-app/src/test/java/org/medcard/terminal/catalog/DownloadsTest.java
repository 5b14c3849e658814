package org.medcard.terminal.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medcard.queue.forward.CenterAnswer;
import org.medcard.terminal.center.CenterUnreachable;
import org.medcard.terminal.center.HostApi;
import org.medcard.terminal.store.TerminalDb;

class DownloadsTest {

    @TempDir
    Path dir;

    private TerminalDb db;
    private Downloads downloads;
    private final Deque<String> answers = new ArrayDeque<>();
    private final Deque<String> asked = new ArrayDeque<>();
    private HostApi center;

    @BeforeEach
    void open() {
        db = TerminalDb.open(dir.resolve("terminal.db"));
        downloads = new Downloads(db, Clock.fixed(Instant.parse("2026-11-23T02:00:00Z"), ZoneOffset.ofHours(8)));
        center = new HostApi((message, msgid) -> {
            asked.add(message.transaction() + " " + message.input());
            String a = answers.poll();
            return a == null ? new CenterAnswer.NoAnswer("down") : new CenterAnswer.Accepted(a);
        }, () -> "P11010100001202611231000000100001");
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void catalogSyncStoresItemsAndAsksOnlyForChangesNextTime() {
        answers.add("{\"version\":3,\"items\":[{\"code\":\"6901234567892\",\"name\":\"阿莫西林胶囊\",\"spec\":\"0.25g×24粒\",\"unit\":\"盒\","
                + "\"price\":1250,\"category\":\"A\"},{\"code\":\"X2\",\"name\":\"头孢克肟\",\"price\":3860,\"category\":\"B\",\"self_pay_ratio\":0.1}]}");
        assertEquals(2, downloads.syncCatalog(center));
        answers.add("{\"version\":4,\"items\":[{\"code\":\"X2\",\"name\":\"头孢克肟\",\"price\":3600,\"category\":\"B\",\"self_pay_ratio\":0.1}]}");
        assertEquals(1, downloads.syncCatalog(center));
        assertTrue(asked.getLast().contains("\"since_version\":3"), asked.getLast());
        assertEquals(4, downloads.catalogVersion());
        assertEquals(3600, downloads.item("X2").orElseThrow().priceFen());
        assertEquals(1000, downloads.item("X2").orElseThrow().selfPayRatioBasisPoints());
        assertEquals("阿莫西林胶囊", downloads.item("6901234567892").orElseThrow().name(), "a barcode is an item code");
        assertEquals(List.of("6901234567892"), downloads.search("阿莫", 10).stream().map(i -> i.code()).toList());
        assertEquals(Optional.empty(), downloads.item("nope"));
    }

    @Test
    void R8_blacklistSurvivesOfflineAndNormalRemovesACard() {
        answers.add("{\"version\":2,\"entries\":[{\"card_no\":\"11010020261122000033\",\"psn_status\":\"LOST\",\"since\":\"2026-11-01\"},"
                + "{\"card_no\":\"11010020261122000041\",\"psn_status\":\"FROZEN\"}]}");
        downloads.syncBlacklist(center);
        answers.add("{\"version\":3,\"entries\":[{\"card_no\":\"11010020261122000041\",\"psn_status\":\"NORMAL\"}]}");
        downloads.syncBlacklist(center);
        assertThrows(CenterUnreachable.class, () -> downloads.syncBlacklist(center), "center down");
        assertEquals("LOST", downloads.blacklisted("11010020261122000033").orElseThrow().psnStatus());
        assertEquals(Optional.empty(), downloads.blacklisted("11010020261122000041"));
        assertEquals(3, downloads.blacklistVersion(), "a failed sync keeps the last complete version");
    }
}
