/**
 * The terminal's own defences (docs/security.md): TLS to the center ({@link org.medcard.terminal.security.CenterTlsContext}),
 * owner-only files in the data folder ({@link org.medcard.terminal.security.OwnerOnlyFiles}). Nothing here
 * talks to devices; the composition root ({@code Terminal}) calls it at start.
 */
package org.medcard.terminal.security;
