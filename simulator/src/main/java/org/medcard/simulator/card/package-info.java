/**
 * The virtual insured-person card: the card side of {@code card-application.md} (files, PIN, purse with
 * purchase, load, transaction prove and application block), built from a
 * {@link org.medcard.simulator.profile.CardProfile}, with injectable tears and an optional card file that
 * survives restarts. Written against the spec, not against card-protocol's client.
 */
package org.medcard.simulator.card;
