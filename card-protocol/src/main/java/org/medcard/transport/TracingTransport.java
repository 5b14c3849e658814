package org.medcard.transport;

import org.medcard.apdu.CommandApdu;
import org.medcard.apdu.ResponseApdu;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs every command/response pair at DEBUG on {@value #LOGGER_NAME}, with the time the wrapped transport
 * took in microseconds and the secrets masked by {@link ApduMasking}. Faults are logged at DEBUG too and
 * thrown on unchanged.
 *
 * <p>Put it <em>inside</em> {@link ResponseChainingTransport} to see every GET RESPONSE and {@code 6CXX}
 * resend on the wire; it remembers which command a GET RESPONSE continues, so that the pieces of a secret
 * answer stay hidden. Each pair is also a Flight Recorder event ({@link ApduEvent}: header and status word only).
 * One thread at a time, like the transport it wraps.
 */
public final class TracingTransport implements CardTransport {

    public static final String LOGGER_NAME = "org.medcard.apdu.trace";

    private final CardTransport delegate;
    private final Logger log;
    /** The command whose answer is being fetched with GET RESPONSE, or null. */
    private CommandApdu chainOrigin;

    public TracingTransport(CardTransport delegate) {
        this.delegate = delegate;
        this.log = LoggerFactory.getLogger(LOGGER_NAME);
    }

    @Override
    public ResponseApdu transmit(CommandApdu command) {
        ApduEvent event = new ApduEvent();
        event.begin();
        ResponseApdu response = traced(command);
        if (event.shouldCommit()) {
            event.reader = delegate.name();
            event.cla = command.cla();
            event.ins = command.ins();
            event.sw = response.sw().value();
            event.commit();
        }
        return response;
    }

    private ResponseApdu traced(CommandApdu command) {
        if (!log.isDebugEnabled()) {
            return delegate.transmit(command);
        }
        boolean isGetResponse = command.cla() == 0x00 && command.ins() == 0xC0;
        CommandApdu origin = isGetResponse ? chainOrigin : null;
        long start = System.nanoTime();
        ResponseApdu response;
        try {
            response = delegate.transmit(command);
        } catch (CardFault fault) {
            chainOrigin = null;
            log.debug("{} > {} ! {} after {} us", delegate.name(), ApduMasking.command(command), fault.kind(),
                    micros(start));
            throw fault;
        }
        long took = micros(start);
        String answer = origin != null ? ApduMasking.continuation(origin, response) : ApduMasking.response(command, response);
        log.debug("{} > {} < {} ({} us)", delegate.name(), ApduMasking.command(command), answer, took);
        if (response.sw().isMoreData()) {
            chainOrigin = origin != null ? origin : command;
        } else {
            chainOrigin = null;
        }
        return response;
    }

    private static long micros(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000;
    }

    @Override
    public boolean isCardPresent() {
        return delegate.isCardPresent();
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
