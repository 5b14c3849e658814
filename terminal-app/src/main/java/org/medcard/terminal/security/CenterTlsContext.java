package org.medcard.terminal.security;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Optional;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;


/**
 * Builds the {@link SSLContext} the center link uses from the configured {@link TlsStores}. A configured trust store
 * <em>replaces</em> the JDK's CAs (only the center's own CA is trusted — a public CA cannot vouch for a fake
 * center); the client key store is offered when the center asks for a certificate. Host names are still
 * checked by the HTTP client against the certificate (never switched off here).
 */
public final class CenterTlsContext {

    private CenterTlsContext() {
    }

    /** The context, or empty when nothing is configured (the JDK's default trust then applies). */
    public static Optional<SSLContext> build(TlsStores tls) {
        if (tls == null || !tls.configured()) {
            return Optional.empty();
        }
        try {
            TrustManagerFactory tmf = null;
            if (tls.trustStore() != null) {
                tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(load(tls.trustStore(), tls.trustStorePassword(), tls.trustStoreType(), "center.truststore"));
            }
            KeyManagerFactory kmf = null;
            if (tls.keyStore() != null) {
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                char[] password = tls.keyStorePassword().toCharArray();
                kmf.init(load(tls.keyStore(), tls.keyStorePassword(), tls.keyStoreType(), "center.keystore"), password);
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf == null ? null : kmf.getKeyManagers(), tmf == null ? null : tmf.getTrustManagers(), null);
            return Optional.of(context);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("TLS settings unusable: " + e.getMessage(), e);
        }
    }

    /**
     * Reads one store; the message names the configuration key, because a wrong password and a damaged file
     * look the same to the JDK.
     */
    public static KeyStore load(Path file, String password, String type, String key) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore ks = KeyStore.getInstance(type);
            ks.load(in, password.toCharArray());
            if (ks.size() == 0) {
                throw new IllegalArgumentException(key + ": " + file + " holds no certificate or key");
            }
            return ks;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException(key + ": cannot read " + file + " as " + type + " (" + e.getMessage()
                    + "); check " + key + ".password and " + key + ".type", e);
        }
    }
}
