package org.medcard.simulator.center;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/**
 * {@code center --tls-keystore}: the technician's HTTPS center. A TEST-ONLY self-signed key pair is made by
 * {@code keytool} at run time; a client that trusts it gets the center's JSON answer over TLS, one that does
 * not is refused in the handshake.
 */
class CenterCommandTlsIT {
    private static final String PASSWORD = "TEST-ONLY-changeit";

    @TempDir
    Path dir;

    @Test
    void centerServesHttps_withTheGivenKeyStore() throws Exception {
        Path keys = dir.resolve("TEST-ONLY-center.p12");
        Path cert = dir.resolve("center.pem");
        Path trust = dir.resolve("trust.p12");
        keytool("-genkeypair", "-alias", "center", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=TEST-ONLY center", "-ext", "san=ip:127.0.0.1,dns:localhost", "-keystore", keys.toString(),
                "-keypass", PASSWORD);
        keytool("-exportcert", "-rfc", "-alias", "center", "-keystore", keys.toString(), "-file", cert.toString());
        keytool("-importcert", "-noprompt", "-alias", "center", "-file", cert.toString(), "-keystore", trust.toString());

        CountDownLatch stop = new CountDownLatch(1);
        StringWriter out = new StringWriter();
        PrintWriter printer = new PrintWriter(out, true);
        CommandLine cmd = new CommandLine(new CenterCommand(CenterTestBase.CLOCK, stop)).setOut(printer).setErr(printer);
        int[] exit = {-1};
        Thread runner = new Thread(() -> exit[0] = cmd.execute("--db", ":memory:", "--tls-keystore", keys.toString(),
                "--tls-password", PASSWORD));
        runner.start();
        try {
            URI api = awaitUri(out);
            assertEquals("https", api.getScheme());

            HttpResponse<String> r = client(trust).send(post(api), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertEquals(200, r.statusCode());
            assertTrue(r.body().contains("\"infcode\""), r.body());

            assertThrows(SSLHandshakeException.class, () -> HttpClient.newHttpClient().send(post(api), HttpResponse.BodyHandlers.ofString()),
                    "a client with only the JDK's CAs does not trust the test certificate");
        } finally {
            stop.countDown();
            runner.join(10_000);
        }
        assertEquals(0, exit[0], out.toString());
    }

    @Test
    void clientCaWithoutAKeyStore_isAUsageError() {
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new CenterCommand(CenterTestBase.CLOCK, new CountDownLatch(0))).setErr(new PrintWriter(err, true))
                .execute("--db", ":memory:", "--tls-client-ca", dir.resolve("ca.p12").toString());
        assertEquals(2, exit);
        assertTrue(err.toString().contains("--tls-client-ca needs --tls-keystore"), err.toString());
    }

    private static HttpRequest post(URI api) {
        return HttpRequest.newBuilder(api).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"infno\":\"9001\",\"msgid\":\"X\",\"input\":{}}")).build();
    }

    private static HttpClient client(Path trustStore) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(trustStore)) {
            ks.load(in, PASSWORD.toCharArray());
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(ctx).build();
    }

    private static void keytool(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("-storepass", PASSWORD, "-storetype", "PKCS12"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("keytool failed: " + output);
        }
    }

    private static URI awaitUri(StringWriter out) throws InterruptedException {
        Pattern p = Pattern.compile("listening on (\\S+)");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            Matcher m = p.matcher(out.toString());
            if (m.find()) {
                return URI.create(m.group(1));
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no URL printed: " + out);
    }
}
