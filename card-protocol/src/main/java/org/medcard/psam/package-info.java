/**
 * The terminal's PSAM: the {@link org.medcard.psam.Psam} interface the purchase needs (terminal id,
 * MAC1 with the terminal sequence, MAC2 check, TAC check, APPLICATION BLOCK MAC), the
 * {@link org.medcard.psam.PsamClient} that speaks the PSAM's APDUs over any card transport, and the
 * {@link org.medcard.psam.SoftPsam} that computes the same from a key file for development, the
 * simulator and training (the terminal shows TRAINING MODE when {@code isSoftware()}).
 *
 * <p>A PSAM holds one purchase session at a time: use one instance from one thread (the reader's).
 */
package org.medcard.psam;
