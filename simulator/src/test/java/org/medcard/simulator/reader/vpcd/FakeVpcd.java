package org.medcard.simulator.reader.vpcd;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

import org.medcard.apdu.Hex;

/**
 * The vpcd side of the protocol, driven by a test: listens on a free loopback port, accepts the bridge,
 * sends control messages and APDUs, reads the answers. Lets the bridge be tested without pcscd.
 */
final class FakeVpcd implements AutoCloseable {

    private final ServerSocket server;
    private Socket peer;
    private DataInputStream in;
    private DataOutputStream out;

    FakeVpcd() throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    }

    int port() {
        return server.getLocalPort();
    }

    /** Waits for the bridge to connect ("card inserted"); false when it did not within {@code timeout}. */
    boolean accept(Duration timeout) throws IOException {
        server.setSoTimeout((int) timeout.toMillis());
        try {
            peer = server.accept();
        } catch (SocketTimeoutException e) {
            return false;
        }
        peer.setSoTimeout(5_000);
        in = new DataInputStream(peer.getInputStream());
        out = new DataOutputStream(peer.getOutputStream());
        return true;
    }

    void control(int code) throws IOException {
        send(new byte[] {(byte) code});
    }

    /** Sends {@code hex} and returns the answer as hex; {@code null} when the bridge closed the link. */
    String exchange(String hex) throws IOException {
        send(Hex.parse(hex));
        return receive();
    }

    String atr() throws IOException {
        control(VpcdBridge.CTRL_ATR);
        return receive();
    }

    /** The next message as hex, {@code ""} for an empty one, {@code null} at end of stream. */
    String receive() throws IOException {
        int hi = in.read();
        if (hi < 0) {
            return null;
        }
        int length = (hi << 8) | in.readUnsignedByte();
        byte[] payload = new byte[length];
        in.readFully(payload);
        return Hex.of(payload);
    }

    /** Whether the bridge closed the link (end of stream within a few seconds). */
    boolean peerClosed() throws IOException {
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        }
    }

    /** Drops the link from vpcd's side, as a stopping pcscd does. */
    void dropPeer() throws IOException {
        peer.close();
    }

    private void send(byte[] payload) throws IOException {
        out.writeShort(payload.length);
        out.write(payload);
        out.flush();
    }

    @Override
    public void close() throws IOException {
        if (peer != null) {
            peer.close();
        }
        server.close();
    }
}
