/**
 * The people and cards the simulator knows: {@code profiles.json} shipped with the simulator, loaded and
 * validated into {@link org.medcard.simulator.profile.CardProfile} values. The virtual card is built from a
 * profile, and the simulated center is seeded from the same file, so card and center agree on every person,
 * card number and key.
 */
package org.medcard.simulator.profile;
