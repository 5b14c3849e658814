package org.medcard.terminal.present;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medcard.queue.Fault;
import org.medcard.terminal.Terminal;
import org.medcard.terminal.TrainingTerminals;
import org.medcard.terminal.text.Texts;

/**
 * Issue 15: fault kinds, family relations and the center's refusals reach the cashier and the receipt by name in
 * the chosen language, never as enum names or {@code infcode 2005: ...}.
 */
class NamesNotCodesTest {

    @TempDir
    Path dir;

    @Test
    void everyFaultKindHasANameInChinese_andNoneIsItsEnumName() {
        try (Terminal t = TrainingTerminals.open(dir, Map.of("language", "zh_CN"))) {
            assertEquals("读卡器未连接", t.messages().faultName(Fault.NO_READER));
            assertEquals("无法连接医保中心", t.messages().faultName(Fault.CENTER_UNREACHABLE));
            for (Fault f : Fault.values()) {
                String name = t.messages().faultName(f);
                assertFalse(name.matches(".*[A-Z_]{6,}.*"), f + " shown as " + name);
            }
        }
    }

    @Test
    void everyFaultKindHasANameInEnglish_andNoneIsItsEnumName() {
        try (Terminal t = TrainingTerminals.open(dir, Map.of("language", "en"))) {
            assertEquals("card reader not connected", t.messages().faultName(Fault.NO_READER));
            for (Fault f : Fault.values()) {
                assertFalse(t.messages().faultName(f).contains("_"), f + " shown as " + t.messages().faultName(f));
            }
        }
    }

    @Test
    void R3_familyRelationsByName_unknownCodesAsSent() {
        try (Terminal t = TrainingTerminals.open(dir, Map.of("language", "zh_CN"))) {
            assertEquals("配偶", t.messages().relationName("SPOUSE"));
            assertEquals("子女", t.messages().relationName("CHILD"));
            assertEquals("父母", t.messages().relationName("PARENT"));
            assertEquals("COUSIN", t.messages().relationName("COUSIN"));
            assertEquals("", t.messages().relationName(null));
        }
    }

    @Test
    void theCentersTextIsQuoted_withOurSentenceAround_notInfcodeColon() {
        try (Terminal t = TrainingTerminals.open(dir, Map.of("language", "zh_CN"))) {
            assertEquals("中心答复“目录项目不存在”（代码 2005）", t.messages().centerSays(2005, "目录项目不存在"));
            // as the queue records a refusal, and as the settler prefixed it once more
            assertEquals("中心答复“目录项目不存在”（代码 2005）", t.messages().centerSays("infcode 2005: 目录项目不存在"));
            assertEquals("中心答复“目录项目不存在”（代码 2005）", t.messages().centerSays("infcode 2005: infcode 2005: 目录项目不存在"));
            assertEquals("reversed by 2102 M1", t.messages().centerSays("reversed by 2102 M1"), "our own reason passes unchanged");
            String sentence = t.messages().text("sale.settlement_rejected", t.messages().centerSays("infcode 2005: 目录项目不存在"));
            assertTrue(sentence.startsWith("卡已扣款，但医保中心拒绝了结算：中心答复“目录项目不存在”"), sentence);
            assertFalse(sentence.contains("infcode"), sentence);
        }
        try (Terminal t = TrainingTerminals.open(dir, Map.of("language", "en"))) {
            assertEquals("the center said \"no such item\" (code 2005)", t.messages().centerSays("infcode 2005: no such item"));
        }
    }

    @Test
    void offlineModesByNameInBothLanguages_forTheSettingsTab() {
        for (java.util.Locale l : new java.util.Locale[] {java.util.Locale.ENGLISH, java.util.Locale.SIMPLIFIED_CHINESE}) {
            Texts texts = Texts.of("org.medcard.terminal.present.supervisor.texts", l);
            for (org.medcard.queue.OfflineMode m : org.medcard.queue.OfflineMode.values()) {
                assertTrue(texts.has("offline_mode." + m.name()), l + " " + m);
                assertFalse(texts.text("offline_mode." + m.name()).contains("_"), texts.text("offline_mode." + m.name()));
            }
        }
        assertEquals("脱机存储转发：限额内由卡支付",
                Texts.of("org.medcard.terminal.present.supervisor.texts", java.util.Locale.SIMPLIFIED_CHINESE).text("offline_mode.STORE_AND_FORWARD"));
    }
}
