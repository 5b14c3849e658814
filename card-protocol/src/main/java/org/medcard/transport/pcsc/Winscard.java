package org.medcard.transport.pcsc;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.NativeLong;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.ptr.NativeLongByReference;
import com.sun.jna.ptr.PointerByReference;

/**
 * Our own thin JNA binding of the PC/SC calls the terminal needs (libpcsclite on Linux, WinSCard on Windows):
 * nothing but the C functions, their structures and constants. {@link JnaPcsc} gives them a Java shape.
 *
 * <p>Types: a PC/SC {@code DWORD} and {@code LONG} are a C {@code long} in pcsclite (64 bits on 64-bit Linux) and
 * 32 bits on Windows, which is exactly a JNA {@link NativeLong} on both. {@code SCARDCONTEXT} and
 * {@code SCARDHANDLE} are pointer-sized on both, so they travel as {@link Pointer}s. macOS (32-bit {@code DWORD},
 * packed structures) is not supported by this binding; the JDK's SunPCSC stays available there.
 */
interface Winscard extends Library {

    int SCARD_S_SUCCESS = 0;
    int SCARD_SCOPE_SYSTEM = 2;
    int SCARD_SHARE_SHARED = 2;
    int SCARD_PROTOCOL_T0 = 1;
    int SCARD_PROTOCOL_T1 = 2;
    int SCARD_LEAVE_CARD = 0;
    int SCARD_RESET_CARD = 1;
    int INFINITE = 0xFFFFFFFF;

    int SCARD_STATE_UNAWARE = 0x0000;
    int SCARD_STATE_IGNORE = 0x0001;
    int SCARD_STATE_CHANGED = 0x0002;
    int SCARD_STATE_UNKNOWN = 0x0004;
    int SCARD_STATE_UNAVAILABLE = 0x0008;
    int SCARD_STATE_EMPTY = 0x0010;
    int SCARD_STATE_PRESENT = 0x0020;
    int SCARD_STATE_MUTE = 0x0200;

    /** The pseudo reader whose state changes when a reader is plugged in or out. */
    String PNP_NOTIFICATION = "\\\\?PnP?\\Notification";

    NativeLong SCardEstablishContext(NativeLong dwScope, Pointer pvReserved1, Pointer pvReserved2, PointerByReference phContext);

    NativeLong SCardReleaseContext(Pointer hContext);

    NativeLong SCardListReaders(Pointer hContext, Pointer mszGroups, byte[] mszReaders, NativeLongByReference pcchReaders);

    NativeLong SCardGetStatusChange(Pointer hContext, NativeLong dwTimeout, ReaderState[] rgReaderStates, NativeLong cReaders);

    NativeLong SCardCancel(Pointer hContext);

    NativeLong SCardConnect(Pointer hContext, String szReader, NativeLong dwShareMode, NativeLong dwPreferredProtocols,
            PointerByReference phCard, NativeLongByReference pdwActiveProtocol);

    NativeLong SCardDisconnect(Pointer hCard, NativeLong dwDisposition);

    NativeLong SCardTransmit(Pointer hCard, IoRequest pioSendPci, byte[] pbSendBuffer, NativeLong cbSendLength,
            IoRequest pioRecvPci, byte[] pbRecvBuffer, NativeLongByReference pcbRecvLength);

    /** {@code SCARD_READERSTATE}; its ATR field is 33 bytes in pcsclite and 36 on Windows. */
    @Structure.FieldOrder({"szReader", "pvUserData", "dwCurrentState", "dwEventState", "cbAtr", "rgbAtr"})
    class ReaderState extends Structure {
        public String szReader;
        public Pointer pvUserData;
        public NativeLong dwCurrentState = new NativeLong(0);
        public NativeLong dwEventState = new NativeLong(0);
        public NativeLong cbAtr = new NativeLong(0);
        public byte[] rgbAtr = new byte[Platform.isWindows() ? 36 : 33];
    }

    /** {@code SCARD_IO_REQUEST}: the protocol control information sent with every command. */
    @Structure.FieldOrder({"dwProtocol", "cbPciLength"})
    class IoRequest extends Structure {
        public NativeLong dwProtocol;
        public NativeLong cbPciLength;

        IoRequest(int protocol) {
            dwProtocol = new NativeLong(protocol);
            cbPciLength = new NativeLong(2L * NativeLong.SIZE);
        }
    }

    /**
     * Loads the platform's PC/SC library. On Linux, by its runtime name {@code libpcsclite.so.1} first (Debian and
     * most distributions ship no unversioned {@code libpcsclite.so} without the -dev package); then by the paths
     * {@link PcscReaders#libraryOverride} knows. Throws {@link UnsatisfiedLinkError} when none loads.
     */
    static Winscard load() {
        if (Platform.isWindows()) {
            // The string functions exist as ...A (ANSI) and ...W; reader names are ASCII in practice.
            Set<String> ansi = Set.of("SCardListReaders", "SCardGetStatusChange", "SCardConnect");
            Map<String, Object> options = Map.of(Library.OPTION_FUNCTION_MAPPER,
                    (com.sun.jna.FunctionMapper) (NativeLibrary lib, Method m) -> ansi.contains(m.getName()) ? m.getName() + "A" : m.getName());
            return Native.load("winscard", Winscard.class, options);
        }
        if (Platform.isMac()) {
            throw new UnsatisfiedLinkError("the JNA PC/SC binding does not support macOS; set pcsc.provider=sun");
        }
        UnsatisfiedLinkError first = null;
        for (String name : List.of("libpcsclite.so.1", "pcsclite", "/lib/x86_64-linux-gnu/libpcsclite.so.1",
                "/usr/lib64/libpcsclite.so.1", "/usr/lib/libpcsclite.so.1")) {
            try {
                return Native.load(name, Winscard.class);
            } catch (UnsatisfiedLinkError e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        throw first;
    }
}
