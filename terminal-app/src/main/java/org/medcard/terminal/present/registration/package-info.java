/**
 * Presentation model of the hospital registration desk: department and doctor choice with the fee,
 * registration (with the fee paid at once or later with the visit), the visit number, outpatient settlement
 * of a visit's items, and cancellation. No toolkit here: a view interface renders and answers questions (the
 * PIN, "cancel this visit?"), an {@code Executor worker} does the card and center I/O, an {@code Executor ui}
 * runs the callbacks. The card panel (who is at the desk, before registering) comes from the pharmacy counter's
 * {@code present.counter.CardWatch}, shared by both desks (issue 15).
 */
package org.medcard.terminal.present.registration;
