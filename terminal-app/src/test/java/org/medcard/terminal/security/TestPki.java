package org.medcard.terminal.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * TEST-ONLY keys and certificates, made at run time with the JDK's own {@code keytool} (a real tool, run as a
 * process) in a temp folder: nothing here is committed. All stores are PKCS#12 with the password
 * {@link #PASSWORD}; certificates live for two days.
 */
final class TestPki {

    static final String PASSWORD = "TEST-ONLY-changeit";

    private final Path dir;

    TestPki(Path dir) {
        this.dir = dir;
    }

    /** A CA: its key store ({@code NAME-ca.p12}), its PEM certificate and a trust store holding only it. */
    Path ca(String name) throws Exception {
        Path ks = dir.resolve(name + "-ca.p12");
        keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=TEST-ONLY " + name + " CA", "-ext", "bc:c", "-keystore", ks.toString());
        keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", ks.toString(), "-file", pem(name + "-ca").toString());
        Path trust = dir.resolve(name + "-trust.p12");
        keytool("-importcert", "-noprompt", "-alias", "ca", "-file", pem(name + "-ca").toString(), "-keystore", trust.toString());
        return trust;
    }

    /**
     * A key store with a key and a certificate issued by CA {@code caName} (made before with {@link #ca}),
     * for the subject alternative names {@code san} (e.g. {@code ip:127.0.0.1,dns:localhost}).
     */
    Path issued(String name, String caName, String san, String eku) throws Exception {
        Path ks = dir.resolve(name + ".p12");
        Path caKs = dir.resolve(caName + "-ca.p12");
        keytool("-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=TEST-ONLY " + name, "-keystore", ks.toString());
        Path csr = dir.resolve(name + ".csr");
        keytool("-certreq", "-alias", name, "-keystore", ks.toString(), "-file", csr.toString());
        List<String> gen = new ArrayList<>(List.of("-gencert", "-rfc", "-alias", "ca", "-keystore", caKs.toString(),
                "-infile", csr.toString(), "-outfile", pem(name).toString(), "-validity", "2", "-ext", "eku=" + eku));
        if (san != null) {
            gen.addAll(List.of("-ext", "san=" + san));
        }
        keytool(gen.toArray(String[]::new));
        keytool("-importcert", "-noprompt", "-alias", "ca", "-file", pem(caName + "-ca").toString(), "-keystore", ks.toString());
        keytool("-importcert", "-noprompt", "-alias", name, "-file", pem(name).toString(), "-keystore", ks.toString());
        return ks;
    }

    private Path pem(String name) {
        return dir.resolve(name + ".pem");
    }

    private void keytool(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("-storepass", PASSWORD, "-storetype", "PKCS12"));
        if (args[0].equals("-genkeypair")) {
            cmd.addAll(List.of("-keypass", PASSWORD));
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("keytool " + String.join(" ", args) + " failed: " + output);
        }
    }
}
