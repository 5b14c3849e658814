package org.medcard.terminal.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** Logback {@code %msg} replacement that masks ID and card numbers; registered in {@code logback.xml} as {@code %maskedMsg}. */
public class MaskingMessageConverter extends MessageConverter {
    @Override
    public String convert(ILoggingEvent event) {
        return SensitiveNumbers.maskAll(super.convert(event));
    }
}
