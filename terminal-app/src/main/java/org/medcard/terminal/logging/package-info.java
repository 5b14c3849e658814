/** Logging support for the app: masking of ID and card numbers in every log line. */
package org.medcard.terminal.logging;
