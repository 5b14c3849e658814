/**
 * The card application client: {@link org.medcard.card.MedicalCard} speaks the medical-insurance card
 * application's APDUs (SELECT, the four files, VERIFY PIN, balance, purchase with tearing recovery, load,
 * APPLICATION BLOCK) over any {@link org.medcard.transport.CardTransport}, and returns the card's data
 * as validated records. It never imports {@code javax.smartcardio} or jSerialComm.
 *
 * <p>Outcomes the terminal expects (wrong PIN, insufficient balance, MAC1 invalid…) are typed values
 * ({@link org.medcard.card.PinResult}, {@link org.medcard.card.PurseRefusal#reason()}); answers that
 * do not fit the spec are {@link org.medcard.apdu.MalformedResponseException} faults; a MAC2 the PSAM
 * rejects is a {@link org.medcard.card.ForgedCardException} (business rule R10).
 */
package org.medcard.card;
