package org.medcard.terminal.logging;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.IThrowableProxy;

/**
 * Logback {@code %ex} replacement that masks ID and card numbers in exception messages and stack traces
 * (an exception's message is written by whoever threw it: a driver, the JDK, a library). Registered as
 * {@code %maskedEx}; with it in the pattern, logback no longer appends its own unmasked {@code %ex}.
 */
public class MaskingThrowableConverter extends ThrowableProxyConverter {
    @Override
    protected String throwableProxyToString(IThrowableProxy tp) {
        return SensitiveNumbers.maskAll(super.throwableProxyToString(tp));
    }
}
