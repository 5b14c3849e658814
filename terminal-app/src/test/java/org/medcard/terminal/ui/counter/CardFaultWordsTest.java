package org.medcard.terminal.ui.counter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medcard.terminal.Terminal;
import org.medcard.terminal.TrainingTerminals;
import org.medcard.terminal.present.counter.CardDesk;
import org.medcard.terminal.session.CardSession;
import org.medcard.terminal.text.Texts;
import org.medcard.transport.CardFault;

/**
 * A reader's or card's fault reaches the cashier as one plain phrase in their language; its kind by name ("CARD_REMOVED:
 * …", {@link CardFault#getMessage()}) is for the log only.
 */
class CardFaultWordsTest {

    @TempDir
    Path dir;

    private Terminal terminal;

    @AfterEach
    void close() {
        if (terminal != null) {
            terminal.close();
        }
    }

    @Test
    void everyKind_hasWordsInBothLanguages_neverItsEnumName() {
        for (Locale l : new Locale[] {Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE}) {
            Texts t = Texts.messages(l);
            for (CardFault.Kind k : CardFault.Kind.values()) {
                assertTrue(t.has("card_fault." + k.name()), l + " " + k);
                assertFalse(t.cardFault(k).contains(k.name()), t.cardFault(k));
            }
        }
        assertNotEquals(Texts.messages(Locale.ENGLISH).cardFault(CardFault.Kind.CARD_MUTE),
                Texts.messages(Locale.SIMPLIFIED_CHINESE).cardFault(CardFault.Kind.CARD_MUTE));
    }

    @Test
    void aCardTakenOut_theCounterSaysItInWords_theDetailForTheLogNamesTheKind() throws Exception {
        terminal = TrainingTerminals.open(dir, Map.of()); // the training terminal speaks Chinese
        terminal.devices().training().orElseThrow().remove();

        CardSession.NotOpened no = assertInstanceOf(CardSession.NotOpened.class, terminal.cardSession().open(CardSession.Loads.SKIP));
        assertEquals(Optional.of(CardFault.Kind.CARD_REMOVED), no.cardFault());
        assertTrue(no.detail().startsWith("CARD_REMOVED: "), "the log's detail names the kind: " + no.detail());
        assertEquals("卡片已从读卡器取出", no.said(terminal.messages()));

        CardDesk.Unread shown = assertInstanceOf(CardDesk.Unread.class, TerminalCounterPorts.cardDesk(terminal).read());
        assertEquals("卡片已从读卡器取出", shown.detail(), "the counter's card panel says it in words");
        String status = terminal.state().card().reason();
        assertFalse(status.contains("CARD_REMOVED"), "the status bar's detail: " + status);
    }
}
