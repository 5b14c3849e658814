/**
 * Purse cryptography (key diversification, session keys, MAC1, MAC2, TAC, APPLICATION BLOCK MAC) for
 * triple-DES and SM4, exactly as {@code card-application.md} specifies and its test vectors pin.
 * Shared by the terminal, the software PSAM, the simulator's card and the simulated center.
 */
package org.medcard.crypto;
