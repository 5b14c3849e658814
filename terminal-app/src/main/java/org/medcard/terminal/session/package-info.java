/** A card at the counter: reading it, deciding its status from card, blacklist and center, blocking it when R8 says so. */
package org.medcard.terminal.session;
