package org.medcard.terminal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medcard.simulator.center.fault.Fault;
import org.medcard.simulator.center.fault.FaultKind;
import org.medcard.terminal.device.TrainingReader;
import org.medcard.terminal.status.PartState;
import org.medcard.terminal.status.TerminalState;
import org.medcard.terminal.training.SimulatedCenter;

/** The composition root in training mode: real SQLite files, the embedded center over loopback HTTP. */
class TerminalIT {

    @TempDir
    Path dir;

    @Test
    void firstStart_createsOwnerOnlyKey_signsIn_downloadsCatalog_andKnowsItsParts() throws Exception {
        byte[] key;
        try (Terminal t = TrainingTerminals.open(dir, Map.of())) {
            Path keyFile = dir.resolve("terminal.key");
            key = Files.readAllBytes(keyFile);
            assertEquals(32, key.length);
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)));
            assertTrue(Files.exists(dir.resolve("terminal.db")));
            assertTrue(Files.exists(dir.resolve("queue.db")));
            assertTrue(Files.exists(dir.resolve("center.db")), "embedded center keeps its own file in the data dir");
            TerminalState s = t.state();
            assertTrue(s.trainingMode());
            assertEquals(PartState.Health.OK, s.center().health(), s.center().reason());
            assertEquals(PartState.Health.OK, s.psam().health(), s.psam().reason());
            assertTrue(s.center().reason().contains("TRAINING MODE"));
            assertEquals(1250, t.downloads().item("XJ01CAA001").orElseThrow().priceFen());
            assertEquals(TrainingReader.TERMINAL_ID, Files.readString(dir.resolve("terminal.id")));
        }
        try (Terminal again = TrainingTerminals.open(dir, Map.of())) {
            assertArrayEquals(key, Files.readAllBytes(dir.resolve("terminal.key")), "the key is made once, then kept");
            assertTrue(again.queue().verify().clean(), "the queue's chain verifies with the kept key");
        }
    }

    @Test
    void centerDownAtStart_terminalStartsOffline_withTheCenterMarkedFault() {
        try (Terminal t = TrainingTerminals.open(dir, Map.of())) {
            SimulatedCenter.of(t.embeddedCenter().orElseThrow()).inject(Fault.always(FaultKind.DOWN));
            assertTrue(t.onlineCenter().isPresent(), "still signed in: the fault shows on the next call");
        }
        try (Terminal off = new Terminal(TrainingTerminals.config(dir, Map.of()), TrainingTerminals.CLOCK,
                Terminal.Options.defaults().withOffline(true))) {
            assertTrue(off.onlineCenter().isEmpty());
            assertEquals(PartState.Health.NONE, off.state().center().health());
            assertTrue(off.embeddedCenter().isEmpty(), "--offline starts no center");
            assertEquals(1250, off.downloads().item("XJ01CAA001").orElseThrow().priceFen(), "last download kept");
        }
    }

    @Test
    void R8_aRunningTerminalRefreshesTheBlacklistOnItsOwnThread_oneShotCommandsDoNot() {
        try (Terminal t = new Terminal(TrainingTerminals.config(dir, Map.of()), TrainingTerminals.CLOCK, Terminal.Options.defaults())) {
            assertTrue(t.blacklistRefresh().lastSync().isPresent(), "synced at start");
            assertTrue(refreshThreadRunning(), "the periodic refresh runs while the terminal does");
        }
        assertFalse(refreshThreadRunning(), "stopped on close");
        try (Terminal oneShot = new Terminal(TrainingTerminals.config(dir, Map.of()), TrainingTerminals.CLOCK,
                new Terminal.Options(false, false, "cashier"))) {
            assertTrue(oneShot.blacklistRefresh().lastSync().isPresent());
            assertFalse(refreshThreadRunning(), "a one-shot CLI command starts no background thread");
        }
    }

    private static boolean refreshThreadRunning() {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(th -> th.getName().equals("blacklist-refresh") && th.isAlive());
    }

    @Test
    void closeSignsOutWithTheCenter_9002() throws Exception {
        String signNo;
        try (Terminal t = TrainingTerminals.open(dir, Map.of())) {
            assertTrue(t.onlineCenter().isPresent());
        }
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("center.db"));
             var rs = c.createStatement().executeQuery("SELECT sign_no, signed_out_at FROM sign_in ORDER BY sign_time DESC LIMIT 1")) {
            assertTrue(rs.next());
            signNo = rs.getString(1);
            assertTrue(rs.getString(2) != null, "sign_no " + signNo + " was signed out (9002) when the terminal closed");
        }
    }
}
