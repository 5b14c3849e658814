package org.medcard.transport.serial;

import java.util.Optional;

/** The commands a terminal sends to a serial reader (the CODE byte of a request frame). */
public enum RequestCode {
    /** Data: slot. Answer: {@link SlotStatus} byte. */
    GET_SLOT_STATUS(0x10),
    /** Data: slot. Answer: the ATR. */
    POWER_ON(0x11),
    /** Data: slot. Answer: nothing. */
    POWER_OFF(0x12),
    /** Data: slot, then the C-APDU. Answer: the R-APDU (data, SW1, SW2). */
    TRANSMIT_APDU(0x13),
    /** No data. Answer: an ASCII firmware/model string. */
    READER_INFO(0x14);

    private final int code;

    RequestCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Optional<RequestCode> of(int code) {
        for (RequestCode r : values()) {
            if (r.code == code) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
