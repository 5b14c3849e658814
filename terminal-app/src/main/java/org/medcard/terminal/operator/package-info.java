/**
 * Local operators (cashier, supervisor, technician) with PBKDF2 password hashes and lock-out, and the
 * audit log of who did what.
 */
package org.medcard.terminal.operator;
