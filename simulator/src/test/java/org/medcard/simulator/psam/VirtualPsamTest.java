package org.medcard.simulator.psam;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medcard.apdu.Hex;
import org.medcard.simulator.profile.SimulatorKeys;

class VirtualPsamTest {

    private static final String SELECT = "00A4040009F04D4544434152445000";
    private static final String INIT_SAM = "807000001C" + "1A2B3C4D" + "0005" + "000004D2" + "06" + "20261122" + "101502" + "01" + "02"
            + "0020261122000017" + "08";

    private static String send(VirtualPsam psam, String hex) {
        return Hex.of(psam.process(Hex.parse(hex)));
    }

    @Test
    void terminalId_readFromSfi16() {
        VirtualPsam psam = new VirtualPsam(SimulatorKeys.defaults(), "000000123456");
        assertEquals("6985", send(psam, "00B0960006"), "not selected yet");
        send(psam, SELECT);
        assertEquals("0000001234569000", send(psam, "00B0960006"));
    }

    @Test
    void everyMac1_takesTheNextTerminalSequence() {
        VirtualPsam psam = new VirtualPsam(SimulatorKeys.defaults(), "000000123456");
        send(psam, SELECT);
        assertEquals("00000001", send(psam, INIT_SAM).substring(0, 8));
        assertEquals("00000002", send(psam, INIT_SAM).substring(0, 8));
        assertEquals(2, psam.terminalSeq());
    }

    @Test
    void creditSam_wrongMac2_answers9302_andWithoutInit6985() {
        VirtualPsam psam = new VirtualPsam(SimulatorKeys.defaults(), "000000123456");
        send(psam, SELECT);
        assertEquals("6985", send(psam, "807200000401020304"));
        send(psam, INIT_SAM);
        assertEquals("9302", send(psam, "807200000401020304"));
    }

    @Test
    void misuse_statusWords() {
        VirtualPsam psam = new VirtualPsam(SimulatorKeys.defaults(), "000000123456");
        assertEquals("6A82", send(psam, "00A4040009F04D4544434152440100"));
        send(psam, SELECT);
        assertEquals("6D00", send(psam, "80CA000000"));
        assertEquals("6E00", send(psam, "A070000000"));
        assertEquals("6700", send(psam, "807000000401020304"));
        assertEquals("9403", send(psam, INIT_SAM.replace("101502" + "01" + "02", "101502" + "07" + "02")));
        assertEquals("6A86", send(psam, "807C09001000000000000000000000000000000000" + "04"));
    }

    @Test
    void sequenceFile_survivesRestart(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("psam-seq");
        VirtualPsam first = VirtualPsam.withSequenceFile(SimulatorKeys.defaults(), "000000123456", file);
        send(first, SELECT);
        send(first, INIT_SAM);
        send(first, INIT_SAM);
        assertEquals(String.valueOf(VirtualPsam.SEQUENCE_BLOCK), Files.readString(file).trim(),
                "one write reserves a block: the high-water mark");
        VirtualPsam second = VirtualPsam.withSequenceFile(SimulatorKeys.defaults(), "000000123456", file);
        send(second, SELECT);
        assertEquals(String.format("%08X", VirtualPsam.SEQUENCE_BLOCK + 1), send(second, INIT_SAM).substring(0, 8),
                "a restart starts above the mark: no sequence number reused, the rest of the block skipped");
    }

    @Test
    void sequenceFile_writtenOncePerBlock_andBeforeTheNumberAboveTheMarkIsUsed(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("psam-seq");
        VirtualPsam psam = VirtualPsam.withSequenceFile(SimulatorKeys.defaults(), "000000123456", file);
        send(psam, SELECT);
        for (int i = 1; i <= VirtualPsam.SEQUENCE_BLOCK; i++) {
            send(psam, INIT_SAM);
        }
        assertEquals(String.valueOf(VirtualPsam.SEQUENCE_BLOCK), Files.readString(file).trim(), "a block used up");
        assertEquals(String.format("%08X", VirtualPsam.SEQUENCE_BLOCK + 1), send(psam, INIT_SAM).substring(0, 8));
        assertEquals(String.valueOf(2 * VirtualPsam.SEQUENCE_BLOCK), Files.readString(file).trim(),
                "the next block is on disk when its first number is answered");
    }
}
