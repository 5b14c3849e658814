package org.medcard.bench;

import java.lang.management.ManagementFactory;

import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.SwingUtilities;

import com.formdev.flatlaf.FlatLightLaf;

/**
 * The floor for the desktop app's start: a FlatLaf hello-world window. Prints, as the app's own log line does,
 * the time from the process start to the window shown, then exits. {@link StartBench} runs it beside the app.
 */
public final class HelloWindow {
    private HelloWindow() {
    }

    public static void main(String[] args) throws Exception {
        SwingUtilities.invokeAndWait(() -> {
            FlatLightLaf.setup();
            JFrame f = new JFrame("hello");
            f.add(new JLabel("你好 hello"));
            f.setSize(400, 300);
            f.setDefaultCloseOperation(JFrame.EXIT_ON_CLOSE);
            f.setVisible(true);
        });
        SwingUtilities.invokeAndWait(() -> System.err.println("Hello window ready "
                + (System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime())
                + " ms after the process started"));
        System.exit(0);
    }
}
