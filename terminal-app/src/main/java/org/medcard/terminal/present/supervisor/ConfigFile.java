package org.medcard.terminal.present.supervisor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Changes keys in {@code medcard.properties} line by line, keeping the technician's comments, order and other
 * keys: a {@code key=value} line is replaced in place, a key not yet in the file is appended. The new file is
 * written next to the old one and moved over it, so a power cut leaves either the old or the new file.
 */
final class ConfigFile {

    private ConfigFile() {
    }

    static void write(Path file, Map<String, String> changes) {
        Map<String, String> left = new LinkedHashMap<>(changes);
        List<String> lines = new ArrayList<>();
        try {
            if (Files.exists(file)) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    String key = keyOf(line);
                    if (key != null && left.containsKey(key)) {
                        lines.add(key + "=" + escape(left.remove(key)));
                    } else {
                        lines.add(line);
                    }
                }
            }
            left.forEach((k, v) -> lines.add(k + "=" + escape(v)));
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path tmp = Files.createTempFile(parent, "medcard", ".properties.tmp");
            Files.write(tmp, lines, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the configuration file " + file, e);
        }
    }

    /** The key of a {@code key=value} / {@code key: value} / {@code key value} line; null for comments and blanks. */
    static String keyOf(String line) {
        String t = line.strip();
        if (t.isEmpty() || t.startsWith("#") || t.startsWith("!")) {
            return null;
        }
        int end = 0;
        while (end < t.length() && "=: \t".indexOf(t.charAt(end)) < 0) {
            end++;
        }
        return t.substring(0, end);
    }

    /** Properties escaping of a value: backslashes (Windows paths) and a leading space; line breaks are refused. */
    static String escape(String value) {
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("a setting cannot span lines");
        }
        String v = value.replace("\\", "\\\\");
        return v.startsWith(" ") ? "\\" + v : v;
    }
}
