/**
 * The house rules as tests (ArchUnit): layering, the training door, and no package cycles (frozen).
 */
package org.medcard.terminal.architecture;
