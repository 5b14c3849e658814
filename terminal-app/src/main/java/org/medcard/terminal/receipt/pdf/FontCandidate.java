package org.medcard.terminal.receipt.pdf;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

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

    /** Names that suggest a CJK face: these folder-scan finds are tried before the others. */
    private static final Pattern CJK_HINT = Pattern.compile(
            "(?i).*(cjk|wqy|droid|fallback|han|ming|song|hei|kai|yahei|sim|uming|ukai|noto|chinese|gb|zh|fang|yuan).*");
    /** Enough for any font folder; bounds the scan on a machine with thousands of fonts. */
    private static final int MAX_SCANNED = 400;

    /**
     * Fonts found the way the screen finds them, beyond the known names: what fontconfig lists for Chinese
     * ({@code fc-list :lang=zh file}) when it is installed, then every TrueType file in the OS's font folders
     * (likely CJK names first). The cache keeps the first that has TrueType outlines and 中.
     *
     * @param fontFolders the folders to scan, e.g. {@link #systemFontFolders}
     */
    public static List<FontCandidate> discovered(List<Path> fontFolders) {
        Set<Path> files = new LinkedHashSet<>(fontconfigChinese());
        files.addAll(scanFolders(fontFolders));
        return files.stream().map(f -> new FontCandidate(f, null)).toList();
    }

    /** The TrueType files ({@code .ttf}, {@code .ttc}) under {@code fontFolders}, names that suggest CJK first. */
    static List<Path> scanFolders(List<Path> fontFolders) {
        List<Path> scanned = new ArrayList<>();
        for (Path folder : fontFolders) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(folder, 6)) {
                walk.filter(FontCandidate::isTrueTypeName).sorted().limit(MAX_SCANNED).forEach(scanned::add);
            } catch (IOException | RuntimeException e) {
                // an unreadable sub-folder: the fonts found so far still count
            }
        }
        scanned.sort(Comparator.comparing((Path p) -> !CJK_HINT.matcher(p.getFileName().toString()).matches()));
        return scanned;
    }

    /** The OS's font folders: Windows' Fonts folder, the Linux/BSD ones (system and the user's), macOS's. */
    public static List<Path> systemFontFolders(String windowsDir) {
        List<Path> list = new ArrayList<>();
        if (windowsDir != null && !windowsDir.isBlank()) {
            list.add(Path.of(windowsDir, "Fonts"));
        }
        String home = System.getProperty("user.home", "");
        for (String d : List.of("/usr/share/fonts", "/usr/local/share/fonts", home + "/.local/share/fonts", home + "/.fonts",
                "/System/Library/Fonts", "/Library/Fonts")) {
            if (!d.startsWith("/.")) {
                list.add(Path.of(d));
            }
        }
        return list;
    }

    private static boolean isTrueTypeName(Path p) {
        String n = p.getFileName() == null ? "" : p.getFileName().toString().toLowerCase(Locale.ROOT);
        return (n.endsWith(".ttf") || n.endsWith(".ttc")) && Files.isRegularFile(p);
    }

    /** The files fontconfig says cover Chinese; empty without fontconfig or when it does not answer in 5 s. */
    static List<Path> fontconfigChinese() {
        List<Path> files = new ArrayList<>();
        if (!onPath("fc-list")) {
            return files;
        }
        try {
            Process p = new ProcessBuilder("fc-list", ":lang=zh", "file").redirectError(ProcessBuilder.Redirect.DISCARD).start();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    String file = line.strip();
                    if (file.endsWith(":")) {
                        file = file.substring(0, file.length() - 1);
                    }
                    Path path = Path.of(file);
                    if (isTrueTypeName(path)) {
                        files.add(path);
                    }
                }
            }
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        } catch (IOException | RuntimeException e) {
            // no usable fontconfig: the folder scan still runs
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        files.sort(Comparator.comparing(Path::toString));
        return files;
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
