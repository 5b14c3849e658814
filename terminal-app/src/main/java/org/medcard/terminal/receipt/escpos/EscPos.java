package org.medcard.terminal.receipt.escpos;

/** The ESC/POS commands we use (Epson's command set, as implemented by Chinese thermal printers). */
final class EscPos {

    /** ESC @: initialise the printer (clears modes left by a previous job). */
    static final byte[] INIT = {0x1B, 0x40};
    /** FS &: Chinese character mode, so double-byte GB18030 text prints as hanzi. */
    static final byte[] CHINESE_MODE = {0x1C, 0x26};
    static final byte[] BOLD_ON = {0x1B, 0x45, 0x01};
    static final byte[] BOLD_OFF = {0x1B, 0x45, 0x00};
    static final byte[] ALIGN_LEFT = {0x1B, 0x61, 0x00};
    static final byte[] ALIGN_CENTER = {0x1B, 0x61, 0x01};
    static final byte[] ALIGN_RIGHT = {0x1B, 0x61, 0x02};
    /** GS ! 0x11: double width and height, for the title. */
    static final byte[] SIZE_DOUBLE = {0x1D, 0x21, 0x11};
    static final byte[] SIZE_NORMAL = {0x1D, 0x21, 0x00};
    static final byte LF = 0x0A;
    /** GS V 66 0: feed to the cutting position and cut (partial cut, so the receipt does not fall). */
    static final byte[] CUT = {0x1D, 0x56, 0x42, 0x00};
    /** ESC p 0 25 250: pulse drawer pin 2 for 50 ms on, 500 ms off — opens the cash drawer. */
    static final byte[] DRAWER_KICK = {0x1B, 0x70, 0x00, 0x19, (byte) 0xFA};

    private EscPos() {
    }
}
