package org.medcard.terminal.receipt.escpos;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medcard.terminal.receipt.SampleDocuments;
import org.medcard.testsupport.SystemParts;

/**
 * The printer bytes through a real pty pair (socat): what the writer produced arrives unchanged at the other
 * end — init, GB18030 text, cut — whether sent as a device file or through jSerialComm.
 */
class EscPosPtyIT {

    private static final Charset GB18030 = Charset.forName("GB18030");

    @TempDir
    Path dir;
    private Process socat;
    private Path printerSide;
    private Path terminalSide;

    @BeforeEach
    void startPtyPair() throws Exception {
        Path socatCmd = SystemParts.needCommand("socat", "socat");
        terminalSide = dir.resolve("terminal");
        printerSide = dir.resolve("printer");
        socat = new ProcessBuilder(socatCmd.toString(), "-d",
                "pty,rawer,echo=0,link=" + terminalSide, "pty,rawer,echo=0,link=" + printerSide)
                .redirectErrorStream(true).redirectOutput(dir.resolve("socat.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!(Files.exists(terminalSide) && Files.exists(printerSide))) {
            assertTrue(socat.isAlive(), "socat exited: " + Files.readString(dir.resolve("socat.log")));
            assertTrue(System.nanoTime() < deadline, "socat made no ptys within 5 s");
            Thread.sleep(20);
        }
    }

    @AfterEach
    void stopSocat() throws InterruptedException {
        if (socat != null) {
            socat.destroy();
            socat.waitFor(5, TimeUnit.SECONDS);
        }
    }

    /** Reads at the printer's end until the cut command arrives. */
    private CompletableFuture<byte[]> printerReads() throws IOException {
        InputStream in = Files.newInputStream(printerSide);
        return CompletableFuture.supplyAsync(() -> {
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            byte[] buf = new byte[4096];
            try (in) {
                while (EscPosWriterTest.indexOf(got.toByteArray(), EscPos.CUT) < 0) {
                    int n = in.read(buf);
                    if (n < 0) {
                        break;
                    }
                    got.write(buf, 0, n);
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return got.toByteArray();
        });
    }

    private void printsThroughThePty(Function<Path, EscPosPort> opener) throws Exception {
        EscPosWriter writer = new EscPosWriter(EscPosWriter.COLUMNS_80MM, false);
        byte[] expected = writer.write(SampleDocuments.cash(true), true);
        CompletableFuture<byte[]> received = printerReads();
        byte[] got;
        try (EscPosPrinter printer = new EscPosPrinter(writer, opener.apply(terminalSide))) {
            printer.print(SampleDocuments.cash(true), true);
            // Read before closing: a pty has no output queue to drain, and jSerialComm's close flushes, which on
            // a pty discards what the other end has not read yet. (Ptys are printed to as device files in
            // production; a real serial port's queue is drained before close.)
            got = received.get(30, TimeUnit.SECONDS);
        }

        assertArrayEquals(new byte[] {0x1B, 0x40, 0x1C, 0x26}, Arrays.copyOf(got, 4), "init, Chinese mode");
        byte[] name = "张□祥".getBytes(GB18030);
        assertArrayEquals(new byte[] {(byte) 0xD5, (byte) 0xC5, (byte) 0xA1, (byte) 0xF5, (byte) 0xCF, (byte) 0xE9}, name);
        assertTrue(EscPosWriterTest.indexOf(got, name) > 0, "the name in GB18030");
        assertTrue(EscPosWriterTest.indexOf(got, "本次费用将在本机构重新结算".getBytes(GB18030)) > 0);
        assertTrue(EscPosWriterTest.indexOf(got, new byte[] {0x1B, 0x70, 0x00, 0x19, (byte) 0xFA}) > 0, "drawer kick");
        assertArrayEquals(new byte[] {0x1D, 0x56, 0x42, 0x00}, Arrays.copyOfRange(got, got.length - 4, got.length), "cut");
        assertArrayEquals(expected, got, "the pty passes every byte unchanged");
    }

    @Test
    void cashReceipt_throughAPtyAsADeviceFile_arrivesByteForByte() throws Exception {
        printsThroughThePty(FileEscPosPort::new);
    }

    @Test
    void cashReceipt_throughAPtyWithJSerialComm_arrivesByteForByte() throws Exception {
        // jSerialComm opens ptys by their /dev/pts/N path, not through socat's symlink.
        printsThroughThePty(p -> new SerialEscPosPort(realPath(p), 9600));
    }

    private static String realPath(Path link) {
        try {
            return link.toRealPath().toString();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
