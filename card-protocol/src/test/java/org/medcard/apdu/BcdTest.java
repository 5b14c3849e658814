package org.medcard.apdu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.time.LocalTime;

import org.junit.jupiter.api.Test;

class BcdTest {

    @Test
    void digitsRoundTrip() {
        assertArrayEquals(Hex.parse("11010020261122000017"), Bcd.encode("11010020261122000017"));
        assertEquals("11010020261122000017", Bcd.decode(Hex.parse("11010020261122000017"), 0, 10, "card_no"));
    }

    @Test
    void datesAndTimes_areYyyymmddAndHhmmss() {
        assertArrayEquals(Hex.parse("20261122"), Bcd.date(LocalDate.of(2026, 11, 22)));
        assertArrayEquals(Hex.parse("101502"), Bcd.time(LocalTime.of(10, 15, 2, 999_000_000)));
        assertEquals(LocalDate.of(2026, 12, 31), Bcd.toDate(Hex.parse("0020261231"), 1, "date"));
        assertEquals(LocalTime.of(23, 59, 59), Bcd.toTime(Hex.parse("235959"), 0, "time"));
    }

    @Test
    void nonBcdOrImpossibleValues_areMalformed() {
        assertThrows(MalformedResponseException.class, () -> Bcd.decode(Hex.parse("1A"), 0, 1, "x"));
        assertThrows(MalformedResponseException.class, () -> Bcd.toDate(Hex.parse("20261332"), 0, "date"));
        assertThrows(MalformedResponseException.class, () -> Bcd.toTime(Hex.parse("246000"), 0, "time"));
        assertThrows(MalformedResponseException.class, () -> Bcd.decode(Hex.parse("1234"), 1, 2, "short"));
        assertThrows(IllegalArgumentException.class, () -> Bcd.encode("123"));
        assertThrows(IllegalArgumentException.class, () -> Bcd.encode("1a"));
    }
}
