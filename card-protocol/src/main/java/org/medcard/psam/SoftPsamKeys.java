package org.medcard.psam;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.medcard.apdu.Hex;
import org.medcard.crypto.Algorithm;

/**
 * The keys of a software PSAM, read from a properties file (UTF-8):
 *
 * <pre>
 * # TEST KEYS — NOT FOR PRODUCTION
 * terminal_id = 000000123456
 * # key.&lt;key version, 2 hex digits&gt;.&lt;3DES|SM4&gt;.&lt;mpk|mtk|mamk&gt; = 32 hex digits
 * key.01.3DES.mpk  = 404142434445464748494A4B4C4D4E4F
 * key.01.3DES.mtk  = 505152535455565758595A5B5C5D5E5F
 * key.01.3DES.mamk = 707172737475767778797A7B7C7D7E7F
 * </pre>
 *
 * Every key version and algorithm present must have all three keys (MLK stays with the center). Any
 * other property is an error, so a typo cannot silently drop a key.
 */
public final class SoftPsamKeys {

    /** Classpath location of the bundled test key file (the keys of the spec's test vectors). */
    public static final String TEST_KEYS_RESOURCE = "/org/medcard/psam/TEST-ONLY-soft-psam.properties";

    private static final Pattern KEY = Pattern.compile("key\\.([0-9A-Fa-f]{2})\\.(3DES|SM4)\\.(mpk|mtk|mamk)");

    /** The three master keys of one key version and algorithm. */
    public record KeySet(byte[] mpk, byte[] mtk, byte[] mamk) {
        public KeySet {
            mpk = Checks.bytes("MPK", mpk, 16);
            mtk = Checks.bytes("MTK", mtk, 16);
            mamk = Checks.bytes("MAMK", mamk, 16);
        }

        @Override
        public byte[] mpk() {
            return mpk.clone();
        }

        @Override
        public byte[] mtk() {
            return mtk.clone();
        }

        @Override
        public byte[] mamk() {
            return mamk.clone();
        }

        @Override
        public String toString() {
            return "KeySet[keys hidden]";
        }
    }

    private record KeyId(int version, Algorithm algorithm) {
    }

    private final TerminalId terminalId;
    private final Map<KeyId, KeySet> keys;

    private SoftPsamKeys(TerminalId terminalId, Map<KeyId, KeySet> keys) {
        this.terminalId = terminalId;
        this.keys = Map.copyOf(keys);
    }

    /** Reads a key file. */
    public static SoftPsamKeys load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return load(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read soft PSAM key file " + file, e);
        }
    }

    /** The bundled TEST key file: the spec's test-vector keys for key version 01, both algorithms. */
    public static SoftPsamKeys testKeys() {
        try (InputStream in = SoftPsamKeys.class.getResourceAsStream(TEST_KEYS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("test key file missing from the classpath: " + TEST_KEYS_RESOURCE);
            }
            return load(in, TEST_KEYS_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a key file from a stream; {@code source} names it in error messages. */
    public static SoftPsamKeys load(InputStream in, String source) throws IOException {
        Properties p = new Properties();
        try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        String tid = p.getProperty("terminal_id");
        if (tid == null) {
            throw new IllegalArgumentException(source + ": terminal_id missing");
        }
        Map<KeyId, Map<String, byte[]>> parts = new HashMap<>();
        for (String name : p.stringPropertyNames()) {
            if (name.equals("terminal_id")) {
                continue;
            }
            Matcher m = KEY.matcher(name);
            if (!m.matches()) {
                throw new IllegalArgumentException(source + ": unknown property " + name);
            }
            KeyId id = new KeyId(Integer.parseInt(m.group(1), 16), m.group(2).equals("SM4") ? Algorithm.SM4 : Algorithm.TRIPLE_DES);
            parts.computeIfAbsent(id, k -> new HashMap<>()).put(m.group(3), Hex.parse(p.getProperty(name).strip()));
        }
        Map<KeyId, KeySet> keys = new HashMap<>();
        parts.forEach((id, k) -> {
            if (k.size() != 3) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "%s: key version %02X %s needs mpk, mtk and mamk",
                        source, id.version(), id.algorithm()));
            }
            keys.put(id, new KeySet(k.get("mpk"), k.get("mtk"), k.get("mamk")));
        });
        return new SoftPsamKeys(TerminalId.parse(tid), keys);
    }

    public TerminalId terminalId() {
        return terminalId;
    }

    /** The keys of one key version and algorithm, if the file has them. */
    public Optional<KeySet> keys(int keyVersion, Algorithm algorithm) {
        return Optional.ofNullable(keys.get(new KeyId(keyVersion, algorithm)));
    }

    @Override
    public String toString() {
        return "SoftPsamKeys[terminal " + terminalId + ", " + keys.size() + " key sets]";
    }
}
