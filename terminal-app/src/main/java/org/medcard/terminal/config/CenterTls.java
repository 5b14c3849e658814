package org.medcard.terminal.config;

import java.nio.file.Path;

import org.medcard.terminal.security.TlsStores;

/**
 * TLS to the center: a trust store holding the CA that signs the center's certificate (none: the JDK's
 * default CAs), and an optional key store with this terminal's client certificate (when the center asks for
 * one). Passwords are the properties file's text; {@link #toString()} never shows them.
 *
 * @param trustStore         {@code center.truststore}, or null
 * @param trustStoreType     {@code center.truststore.type}: PKCS12 or JKS
 * @param keyStore           {@code center.keystore}, or null
 * @param keyStoreType       {@code center.keystore.type}: PKCS12 or JKS
 */
public record CenterTls(Path trustStore, String trustStorePassword, String trustStoreType,
                        Path keyStore, String keyStorePassword, String keyStoreType) implements TlsStores {

    /** No trust store, no client certificate: the JDK's defaults. */
    public static CenterTls defaults() {
        return new CenterTls(null, "", "PKCS12", null, "", "PKCS12");
    }

    @Override
    public boolean configured() {
        return trustStore != null || keyStore != null;
    }

    @Override
    public String toString() {
        return "CenterTls[trustStore=" + trustStore + " (" + trustStoreType + "), keyStore=" + keyStore + " (" + keyStoreType
                + "), passwords hidden]";
    }
}
