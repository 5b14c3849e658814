package org.medcard.terminal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Plain http only to loopback; the TLS keys are validated at start with the key and the fix named. */
class CenterUrlPolicyTest {

    @TempDir
    Path dir;

    private ConfigException problems(Map<String, String> overrides) {
        return assertThrows(ConfigException.class, () -> new ConfigLoader(dir).load(null, overrides));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080/", "http://127.1.2.3/", "http://localhost:9/", "http://[::1]:8080/"})
    void plainHttpToLoopback_isAccepted(String url) {
        assertEquals(url, new ConfigLoader(dir).load(null, Map.of("center.url", url)).config().centerUrl().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://center.example/", "http://10.0.0.5:8080/", "http://127.0.0.1.evil.example/", "http://128.0.0.1/"})
    void plainHttpElsewhere_isRefused_namingTheKeyAndTheFix(String url) {
        ConfigException e = problems(Map.of("center.url", url));
        assertEquals(1, e.problems().size());
        ConfigException.Problem p = e.problems().get(0);
        assertEquals("center.url", p.key());
        assertTrue(p.fix().contains("https://"), p.fix());
        assertTrue(p.fix().contains("center.truststore"), p.fix());
    }

    @Test
    void unknownStoreType_andMissingStore_areProblemsOfTheirKeys() {
        ConfigException e = problems(Map.of("center.url", "https://center.example/", "center.truststore.type", "PEM",
                "center.keystore", dir.resolve("missing.p12").toString()));
        assertEquals(java.util.List.of("center.truststore.type", "center.keystore"),
                e.problems().stream().map(ConfigException.Problem::key).toList());
    }

    @Test
    void passwordsNeverAppearInTheConfigurationsText() {
        CenterTls tls = new CenterTls(dir.resolve("t.p12"), "s3cret-trust", "PKCS12", dir.resolve("k.p12"), "s3cret-key", "PKCS12");
        assertFalse(tls.toString().contains("s3cret"), tls.toString());
    }
}
