package org.medcard.simulator.psam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.medcard.apdu.Hex;
import org.medcard.simulator.profile.SimulatorKeys;

/**
 * Issue 17: the PSAM's sequence numbers are reserved in blocks. kill -9 of a JVM answering MAC1s as fast as it can,
 * at random points: no sequence number answered before a kill is ever answered again after it, in this run or by
 * the next PSAM opened on the same file.
 */
class PsamSequenceCrashIT {
    private static final int KILLS = 8;
    private static final String TID = "000000123456";
    private static final String SELECT = "00A4040009F04D4544434152445000";
    private static final String INIT_SAM = "807000001C" + "1A2B3C4D" + "0005" + "000004D2" + "06" + "20261122" + "101502"
            + "01" + "02" + "0020261122000017" + "08";

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS) // a hard bound, not a timing assertion
    void killedWhileAnsweringMac1_noSequenceNumberIsEverUsedTwice() throws Exception {
        Path file = dir.resolve("psam-sequence");
        Random random = new Random(20261207L);
        Set<Long> used = new HashSet<>();
        long highest = 0;
        for (int run = 0; run < KILLS; run++) {
            for (long seq : runAndKill(file, 20 + random.nextInt(300))) {
                assertTrue(used.add(seq), "sequence " + seq + " answered twice");
                highest = Math.max(highest, seq);
            }
            VirtualPsam next = VirtualPsam.withSequenceFile(SimulatorKeys.defaults(), TID, file);
            send(next, SELECT);
            long first = Long.parseLong(send(next, INIT_SAM).substring(0, 8), 16);
            assertTrue(first > highest, "after kill " + (run + 1) + " the PSAM starts at " + first
                    + ", not above " + highest + ", the highest answered before the kill");
            used.add(first);
            highest = first;
        }
        assertTrue(used.size() > KILLS * 2, "the child answered too few MAC1s to test anything: " + used.size());
    }

    /** The sequence numbers the child printed (each after its MAC1 was answered) before SIGKILL. */
    private List<Long> runAndKill(Path file, int answerMs) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), Child.class.getName(), file.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> readLines(p, lines));
        reader.start();
        long deadline = System.currentTimeMillis() + 20_000;
        while (!lines.contains("READY") && p.isAlive() && System.currentTimeMillis() < deadline) {
            Thread.sleep(5);
        }
        assertTrue(lines.contains("READY"), "child did not start: " + lines);
        Thread.sleep(answerMs);
        p.destroyForcibly(); // SIGKILL: nothing is flushed or closed
        assertTrue(p.waitFor(10, TimeUnit.SECONDS));
        reader.join(10_000);
        List<Long> seqs = new ArrayList<>();
        for (String l : lines) {
            if (l.startsWith("SEQ ")) {
                seqs.add(Long.parseLong(l.substring(4)));
            }
        }
        return seqs;
    }

    private static void readLines(Process p, List<String> lines) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String l = r.readLine(); l != null; l = r.readLine()) {
                lines.add(l);
            }
        } catch (IOException e) {
            // the pipe closes when the child is killed
        }
    }

    private static String send(VirtualPsam psam, String hex) {
        return Hex.of(psam.process(Hex.parse(hex)));
    }

    private static long mac1(VirtualPsam psam) {
        String answer = send(psam, INIT_SAM);
        assertEquals("9000", answer.substring(answer.length() - 4), answer);
        return Long.parseLong(answer.substring(0, 8), 16);
    }

    /** The child JVM: a PSAM on the file answering MAC1s; prints each sequence number after its answer. */
    public static final class Child {
        private Child() {
        }

        public static void main(String[] args) throws Exception {
            PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
            VirtualPsam psam = VirtualPsam.withSequenceFile(SimulatorKeys.defaults(), TID, Path.of(args[0]));
            send(psam, SELECT);
            out.println("SEQ " + mac1(psam)); // the first one loads the crypto: the kills then land among writes
            out.println("READY");
            while (true) {
                out.println("SEQ " + mac1(psam));
            }
        }
    }
}
