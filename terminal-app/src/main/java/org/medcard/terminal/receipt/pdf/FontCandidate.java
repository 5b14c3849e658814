package org.medcard.terminal.receipt.pdf;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A font file worth trying, and for a collection ({@code .ttc}) the PostScript name of the face to take
 * ({@code null}: the first face).
 */
public record FontCandidate(Path file, String faceName) {

    public FontCandidate {
        Objects.requireNonNull(file, "file");
    }

    /**
     * CJK fonts with TrueType outlines found on Windows and Debian, best first. Noto Sans CJK / Source Han are
     * left out on purpose: their CFF outlines cannot be embedded by PDFBox.
     *
     * @param windowsDir the Windows folder ({@code %WINDIR%}), or {@code null} off Windows
     */
    public static List<FontCandidate> systemCjkFonts(String windowsDir) {
        List<FontCandidate> list = new ArrayList<>();
        if (windowsDir != null && !windowsDir.isBlank()) {
            Path fonts = Path.of(windowsDir, "Fonts");
            list.add(new FontCandidate(fonts.resolve("msyh.ttc"), "MicrosoftYaHei"));
            list.add(new FontCandidate(fonts.resolve("msyh.ttf"), null));
            list.add(new FontCandidate(fonts.resolve("simsun.ttc"), "SimSun"));
            list.add(new FontCandidate(fonts.resolve("simhei.ttf"), null));
        }
        list.add(new FontCandidate(Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"), "WenQuanYiMicroHei"));
        list.add(new FontCandidate(Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"), "WenQuanYiZenHei"));
        list.add(new FontCandidate(Path.of("/usr/share/fonts/truetype/arphic/uming.ttc"), null));
        return list;
    }

    /**
     * Fonts for characters outside the Basic Multilingual Plane (CJK Extension B and later, e.g. 𠮷 U+20BB7) that
     * the main font lacks: SimSun-ExtB on Windows, HanaMin (Debian {@code fonts-hanazono}) on Linux.
     */
    public static List<FontCandidate> systemSupplementaryFonts(String windowsDir) {
        List<FontCandidate> list = new ArrayList<>();
        if (windowsDir != null && !windowsDir.isBlank()) {
            list.add(new FontCandidate(Path.of(windowsDir, "Fonts", "simsunb.ttf"), null));
        }
        list.add(new FontCandidate(Path.of("/usr/share/fonts/truetype/hanazono/HanaMinB.ttf"), null));
        list.add(new FontCandidate(Path.of("/usr/share/fonts/truetype/hanazono/HanaMinA.ttf"), null));
        return list;
    }
}
