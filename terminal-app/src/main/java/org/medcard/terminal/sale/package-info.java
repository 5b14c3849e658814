/**
 * A sale at the counter: how it is paid (pooling fund, personal account on the card, cash), the money
 * rules the terminal applies itself (R3, R10, R11, R12), and the flow that debits the card and settles. The sale
 * ends in a sealed {@code SaleOutcome}; the caller words it ({@code SaleTexts}) and makes its receipt
 * ({@code SaleDocuments}).
 */
package org.medcard.terminal.sale;
