package org.medcard.terminal.security;

import java.nio.file.Path;

/**
 * The TLS stores of the center link, as the configuration names them ({@code config.CenterTls} is the one
 * implementation): security reads these and knows nothing of how the configuration is loaded.
 */
public interface TlsStores {

    /** The trust store, or null: the JDK's default CAs. */
    Path trustStore();

    String trustStorePassword();

    String trustStoreType();

    /** The client key store, or null: no client certificate. */
    Path keyStore();

    String keyStorePassword();

    String keyStoreType();

    /** Whether anything differs from the JDK's default TLS settings. */
    boolean configured();
}
