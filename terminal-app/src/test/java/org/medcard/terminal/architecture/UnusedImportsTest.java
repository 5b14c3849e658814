package org.medcard.terminal.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
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
 * No main class of any module imports a type it does not use (the compiler does not say so, and the class files no
 * longer show imports, so ArchUnit cannot): read from the sources. A name used only in javadoc counts as used.
 */
class UnusedImportsTest {

    private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(static\\s+)?([\\w.]+?)(\\.\\*)?\\s*;\\s*$");

    @Test
    void mainSourcesOfEveryModule_importOnlyWhatTheyUse() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<String> unused = new ArrayList<>();
        int files = 0;
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.filter(p -> p.toString().endsWith(".java") && p.toString().contains("/src/main/java/")).toList()) {
                files++;
                unused.addAll(unusedIn(root, p));
            }
        }
        assertTrue(files > 500, "the modules' sources were found under " + root + ": " + files);
        assertEquals(List.of(), unused);
    }

    /** {@code path:line import} for each single-type import whose simple name the rest of the file never mentions. */
    static List<String> unusedIn(Path root, Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StringBuilder body = new StringBuilder();
        List<int[]> imports = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = IMPORT.matcher(lines.get(i));
            if (m.matches() && m.group(3) == null) {
                imports.add(new int[] {i});
                names.add(m.group(2));
            } else {
                body.append(lines.get(i)).append('\n');
            }
        }
        List<String> out = new ArrayList<>();
        for (int k = 0; k < names.size(); k++) {
            String simple = names.get(k).substring(names.get(k).lastIndexOf('.') + 1);
            if (!Pattern.compile("(?<![\\w.])" + Pattern.quote(simple) + "\\b").matcher(body).find()) {
                out.add(root.relativize(file) + ":" + (imports.get(k)[0] + 1) + " " + lines.get(imports.get(k)[0]).strip());
            }
        }
        return out;
    }
}
