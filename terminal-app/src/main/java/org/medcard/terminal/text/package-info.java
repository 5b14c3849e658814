/**
 * Words: the one {@link org.medcard.terminal.text.Texts} (a bundle in the terminal's language; screens' bundles and
 * the core's {@code messages}) and the yuan formatting every screen and sentence uses. Imports nothing of the
 * terminal but {@code config.Money}, so every layer may use it.
 */
package org.medcard.terminal.text;
