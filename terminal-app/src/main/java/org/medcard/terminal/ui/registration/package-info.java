/**
 * The hospital registration desk screen (HOSPITAL terminals only): department and doctor, register with the fee
 * paid now or with the visit, the visit number, outpatient settlement and cancellation. Renders
 * {@code present.registration}'s model.
 */
package org.medcard.terminal.ui.registration;
