package org.medcard.simulator.center;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** The technician command: starts on a free port, prints it, serves, takes faults from the CLI, stops cleanly. */
class CenterCommandIT {
    @TempDir
    Path dir;

    @Test
    void centerCommand_printsPorts_servesRequests_faultSubcommandWorks_andStopsWithExitCode0() throws Exception {
        CountDownLatch stop = new CountDownLatch(1);
        StringWriter out = new StringWriter();
        PrintWriter printer = new PrintWriter(out, true);
        CommandLine cmd = new CommandLine(new CenterCommand(CenterTestBase.CLOCK, stop)).setOut(printer).setErr(printer);
        Path db = dir.resolve("cli-center.db");
        int[] exit = {-1};
        Thread runner = new Thread(() -> exit[0] = cmd.execute("--port", "0", "--db", db.toString(), "--fault", "SLOW:50"));
        runner.start();

        URI api = awaitUri(out, "listening on (\\S+)");
        URI control = awaitUri(out, "Control API on (\\S+)");
        CenterClient client = new CenterClient(api);
        client.signIn();
        assertEquals(0, client.call("1301", CenterClient.object().put("since_version", 2)).get("infcode").asInt());

        StringWriter faultOut = new StringWriter();
        int faultExit = new CommandLine(new CenterCommand()).setOut(new PrintWriter(faultOut, true)).setErr(new PrintWriter(faultOut, true))
                .execute("fault", "--control", control.toString(), "BAD_SIGN_NO:1");
        assertEquals(0, faultExit, faultOut.toString());
        JsonNode state = CenterClient.JSON.readTree(faultOut.toString());
        assertEquals(2, state.get("faults").size(), "SLOW from the command line, BAD_SIGN_NO from the subcommand: " + state);
        assertEquals(1001, client.call("1301", CenterClient.object()).get("infcode").asInt());

        stop.countDown();
        runner.join(10_000);
        assertEquals(0, exit[0], out.toString());
        assertTrue(out.toString().contains("Settlement center stopped."), out.toString());
        assertTrue(Files.size(db) > 0);
    }

    /** Issue 18 case 10: the technician guide's quick check, {@code center --port N}, runs without {@code --db}. */
    @Test
    void withoutDb_runsAnInMemoryCenter_andSaysSoAtStart() throws Exception {
        CountDownLatch stop = new CountDownLatch(1);
        StringWriter out = new StringWriter();
        PrintWriter printer = new PrintWriter(out, true);
        CommandLine cmd = new CommandLine(new CenterCommand(CenterTestBase.CLOCK, stop)).setOut(printer).setErr(printer);
        int[] exit = {-1};
        Thread runner = new Thread(() -> exit[0] = cmd.execute("--port", "0"));
        runner.start();
        URI api = awaitUri(out, "listening on (\\S+)");
        CenterClient client = new CenterClient(api);
        client.signIn();
        assertEquals(0, client.call("1301", CenterClient.object().put("since_version", 2)).get("infcode").asInt());
        assertTrue(out.toString().contains("Database in memory: everything is forgotten when the center stops"), out.toString());
        stop.countDown();
        runner.join(10_000);
        assertEquals(0, exit[0], out.toString());
    }

    @Test
    void bareCenter_withNeitherPortNorDb_isAUsageErrorWithExitCode2() {
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new CenterCommand(CenterTestBase.CLOCK, new CountDownLatch(0))).setErr(new PrintWriter(err, true))
                .execute();
        assertEquals(2, exit);
        assertTrue(err.toString().contains("Give --port N to run a center"), err.toString());
    }

    @Test
    void unknownFault_isAUsageErrorWithExitCode2() {
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new CenterCommand(CenterTestBase.CLOCK, new CountDownLatch(0))).setErr(new PrintWriter(err, true))
                .execute("--db", dir.resolve("x.db").toString(), "--fault", "FIRE");
        assertEquals(2, exit);
        assertTrue(err.toString().contains("unknown fault 'FIRE'"), err.toString());
    }

    private static URI awaitUri(StringWriter out, String regex) throws InterruptedException {
        Pattern p = Pattern.compile(regex);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            Matcher m = p.matcher(out.toString());
            if (m.find()) {
                return URI.create(m.group(1));
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no match for " + regex + " in: " + out);
    }
}
