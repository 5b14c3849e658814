package org.medcard.terminal.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.medcard.testsupport.SystemParts;

/**
 * GUI tests need an X display. The build gives the test JVM {@code DISPLAY} (failsafe's environment: the caller's
 * DISPLAY, e.g. under {@code xvfb-run}, else {@code medcard.testDisplay}, default {@code :97}). When nothing serves
 * that display yet, this starts {@code Xvfb -terminate} on it (1280x1024x24, or
 * {@code medcard.xvfbScreen}): it ends with this JVM's last X client.
 * No Xvfb binary and no display: the test is skipped with the reason (failed when
 * {@code -Dmedcard.requireSystemParts=true}). AWT reads DISPLAY when the toolkit starts, so this runs before any
 * AWT class is touched.
 */
public final class XvfbDisplay implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        String display = System.getenv("DISPLAY");
        SystemParts.need(display != null && !display.isBlank(), "an X display (DISPLAY)",
                "run the GUI tests through Maven (failsafe sets DISPLAY) or under xvfb-run");
        Path socket = socket(display);
        if (socket == null || Files.exists(socket)) {
            return;
        }
        Path xvfb = SystemParts.needCommand("Xvfb", "xvfb");
        // -terminate: the server ends when its last client (this JVM's AWT) disconnects. Killing it from here
        // instead would pull the display from under a live AWT, whose X I/O error handler ends the JVM with 1.
        Process p = new ProcessBuilder(xvfb.toString(), display.substring(display.indexOf(':')), "-screen", "0", screen(),
                "-nolisten", "tcp", "-terminate").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!Files.exists(socket) && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        SystemParts.need(Files.exists(socket), "Xvfb on " + display, "Xvfb did not start (exit "
                + (p.isAlive() ? "none" : String.valueOf(p.exitValue())) + ")");
    }

    /** The screen Xvfb is started with: {@code -Dmedcard.xvfbScreen=1024x768x24} (the small-screen GUI tests), else 1280x1024x24. */
    static String screen() {
        return System.getProperty("medcard.xvfbScreen", "1280x1024x24");
    }

    /** The local socket of display ":N" or ":N.S"; null for a remote or unusual display (then just try it). */
    static Path socket(String display) throws IOException {
        if (!display.startsWith(":")) {
            return null;
        }
        String n = display.substring(1);
        int dot = n.indexOf('.');
        if (dot >= 0) {
            n = n.substring(0, dot);
        }
        if (!n.matches("\\d+")) {
            return null;
        }
        return Path.of("/tmp/.X11-unix/X" + n);
    }
}
