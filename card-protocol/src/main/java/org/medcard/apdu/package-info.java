/**
 * Value types that cross the card boundary: command and response APDUs, status words with their
 * meanings from the card specification, hex, and the two kinds of failure (a refusal carries the
 * status word; a malformed answer is a fault).
 */
package org.medcard.apdu;
