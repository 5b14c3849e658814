package org.medcard.terminal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The desktop app's layering, read from the sources (imports and fully qualified names in code, comments
 * stripped): Swing and AWT only in {@code org.medcard.terminal.ui..} (and {@code java.awt.print} in
 * {@code receipt.print}), and no device classes ({@code org.medcard.transport}, {@code javax.smartcardio}) in the UI.
 */
class UiLayeringTest {

    private static final Path MAIN = Path.of("src", "main", "java");
    private static final Pattern TOOLKIT = Pattern.compile("\\b(javax\\.swing|java\\.awt)(\\.[A-Za-z0-9_]+)+");
    private static final Pattern DEVICE = Pattern.compile("\\b(org\\.medcard\\.transport|javax\\.smartcardio)\\b");
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+);", Pattern.MULTILINE);

    @Test
    void swingAndAwtAreUsedOnlyInTheUiPackages() throws IOException {
        List<String> offences = new ArrayList<>();
        for (Path file : sources()) {
            String code = code(file);
            String pkg = packageOf(code);
            if (pkg.equals("org.medcard.terminal.ui") || pkg.startsWith("org.medcard.terminal.ui.")) {
                continue;
            }
            Matcher m = TOOLKIT.matcher(code);
            while (m.find()) {
                boolean printing = pkg.equals("org.medcard.terminal.receipt.print") && m.group().startsWith("java.awt.print");
                if (!printing) {
                    offences.add(pkg + " (" + file.getFileName() + "): " + m.group());
                }
            }
        }
        assertEquals(List.of(), offences, "Swing / AWT outside org.medcard.terminal.ui");
    }

    @Test
    void uiClassesNeverTouchADevice() throws IOException {
        List<String> offences = new ArrayList<>();
        for (Path file : sources()) {
            String code = code(file);
            String pkg = packageOf(code);
            if (!(pkg.equals("org.medcard.terminal.ui") || pkg.startsWith("org.medcard.terminal.ui."))) {
                continue;
            }
            Matcher m = DEVICE.matcher(code);
            while (m.find()) {
                offences.add(pkg + " (" + file.getFileName() + "): " + m.group());
            }
        }
        assertEquals(List.of(), offences, "device classes used by the UI");
    }

    @Test
    void presentationModelsExistAndAreCheckedByTheRule() throws IOException {
        // Guards the guard: the scan sees the presentation packages and the UI packages.
        List<String> packages = sources().stream().map(f -> {
            try {
                return packageOf(code(f));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).distinct().toList();
        assertTrue(packages.contains("org.medcard.terminal.present.counter"), packages.toString());
        assertTrue(packages.contains("org.medcard.terminal.ui.counter"), packages.toString());
        assertTrue(TOOLKIT.matcher(code("import javax.swing.JFrame;")).find());
        assertTrue(!TOOLKIT.matcher(code("// see javax.swing.JFrame\n/* java.awt.Color */ int x;")).find());
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> s = Files.walk(MAIN)) {
            return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }

    private static String code(Path file) throws IOException {
        return code(Files.readString(file, StandardCharsets.UTF_8));
    }

    /** The text without comments (string literals are kept: a class name in a string is no dependency, rarely there). */
    static String code(String text) {
        return text.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\\n]*", " ");
    }

    private static String packageOf(String code) {
        Matcher m = PACKAGE.matcher(code);
        return m.find() ? m.group(1) : "";
    }
}
