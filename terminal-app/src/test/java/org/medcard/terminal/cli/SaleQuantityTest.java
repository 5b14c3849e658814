package org.medcard.terminal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medcard.terminal.config.TerminalEnvironment;
import org.medcard.terminal.sale.SaleItem;

/**
 * Issue 18 case 12: 10001 of one item used to reach the center and come back as "the center refused the sale";
 * now the quantity is checked where it is typed, with the limit named, before any card or center is touched.
 */
class SaleQuantityTest {

    @TempDir
    Path dir;

    @Test
    void quantity10001_isAUsageErrorNamingTheLimit_andNothingIsOpened() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = MedcardCli.create(new TerminalEnvironment(dir), new PrintWriter(out, true), new PrintWriter(err, true))
                .execute("sale", "--items", "XJ01CAA001:10001");
        assertEquals(2, exit);
        assertTrue(err.toString().contains("quantity of XJ01CAA001 is 10001: at most 10000 of one item in a sale"), err.toString());
        assertFalse(err.toString().contains("center refused"), err.toString());
        assertFalse(Files.exists(dir.resolve("queue.db")), "no terminal was opened");
    }

    @Test
    void quantityUpTo10000_isAccepted() {
        assertEquals(10_000, SaleItem.parse("XJ01CAA001:10000").quantity());
        assertThrows(IllegalArgumentException.class, () -> SaleItem.parse("XJ01CAA001:99999999999"));
    }
}
