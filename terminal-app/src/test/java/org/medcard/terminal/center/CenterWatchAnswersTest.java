package org.medcard.terminal.center;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.medcard.queue.EncodedMessage;
import org.medcard.queue.forward.CenterAnswer;

/** Which answers turn the center's tag green and which red: the center is there when it answers, unless it says it cannot work. */
class CenterWatchAnswersTest {

    private final List<String> heard = new ArrayList<>();

    private boolean answering(CenterAnswer answer) {
        CenterWatch watch = new CenterWatch((message, msgid) -> answer, URI.create("http://127.0.0.1:9/"), Duration.ofMillis(100), () -> 0L);
        watch.listen(new CenterWatch.Listener() {
            @Override
            public void answered() {
                heard.add("answered");
            }

            @Override
            public void noAnswer(String reason) {
                heard.add(reason);
            }

            @Override
            public void reachableAgain() {
                heard.add("again");
            }
        });
        assertEquals(answer, watch.send(new EncodedMessage("8502", "{}"), "M1"), "passed on unchanged");
        return watch.answering();
    }

    @Test
    void acceptedRefusedOrSignedOut_theCenterAnswers() {
        assertTrue(answering(new CenterAnswer.Accepted("{}")));
        assertTrue(answering(new CenterAnswer.Refused(2002, "card frozen", "{}")));
        assertTrue(answering(new CenterAnswer.Retry(HostLink.SIGNED_OUT, "sign_no unknown")));
        assertEquals(List.of("answered", "answered", "answered"), heard);
    }

    @Test
    void noAnswerOrTheCentersInternalError_isAFault() {
        assertFalse(answering(new CenterAnswer.NoAnswer("timeout")));
        assertFalse(answering(new CenterAnswer.Retry(HostLink.CENTER_INTERNAL_ERROR, "center internal error")));
        assertEquals(List.of("center unreachable: timeout", "center error 9999 (8502)"), heard);
    }
}
