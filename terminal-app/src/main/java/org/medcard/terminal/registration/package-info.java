/**
 * The hospital registration desk ({@code institution.kind=HOSPITAL}): outpatient registration ({@code 2201}),
 * its cancellation ({@code 2202}), and the visit's settlement ({@code 2206} pre-settle, {@code 2207} settle)
 * paid with the card through the pharmacy sale's debit and journal machinery. The departments and doctors
 * come from a small catalog ({@link org.medcard.terminal.registration.DepartmentCatalog}): the host protocol
 * has no transaction that lists them. The desk answers with the sealed
 * {@link org.medcard.terminal.registration.VisitOutcome}; the caller words it
 * ({@link org.medcard.terminal.registration.VisitTexts}) and makes its paper
 * ({@link org.medcard.terminal.registration.VisitDocuments}).
 */
package org.medcard.terminal.registration;
