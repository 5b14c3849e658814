package org.medcard.simulator.center;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Builds the simulated center's HTTPS settings from key store files (PKCS#12 or JKS, as {@code keytool}
 * writes them): the server's key and certificate, and optionally the CA whose client certificates are
 * required. Problems are reported with the file and the fix, as a technician sees them on the command line.
 */
public final class ServerTlsFiles {

    private ServerTlsFiles() {
    }

    /**
     * @param keyStore      the server's private key and certificate chain
     * @param password      of {@code keyStore} (and of its key)
     * @param clientCa      trust store with the CA of accepted client certificates; null: no client certificate asked
     * @param clientCaPassword of {@code clientCa}
     */
    public static CenterConfig.ServerTls load(Path keyStore, char[] password, Path clientCa, char[] clientCaPassword) {
        try {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(read(keyStore, password), password);
            TrustManagerFactory tmf = null;
            if (clientCa != null) {
                tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(read(clientCa, clientCaPassword));
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), tmf == null ? null : tmf.getTrustManagers(), null);
            return new CenterConfig.ServerTls(context, clientCa != null);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot use the TLS key store " + keyStore + ": " + e.getMessage()
                    + " (check the password and that it holds a private key)", e);
        }
    }

    private static KeyStore read(Path file, char[] password) throws GeneralSecurityException {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore ks = KeyStore.getInstance(file.toString().toLowerCase(java.util.Locale.ROOT).endsWith(".jks") ? "JKS" : "PKCS12");
            ks.load(in, password);
            return ks;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage()
                    + " (a wrong password reads as a damaged file)", e);
        }
    }
}
