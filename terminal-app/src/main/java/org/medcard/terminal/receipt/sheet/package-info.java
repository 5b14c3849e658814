/**
 * The neutral document model every output is made from: a {@link org.medcard.terminal.receipt.sheet.Sheet} is a
 * list of elements (title, banner, text, label-and-value field, rule, table, signature line) with the text
 * already final — numbers masked, amounts formatted. The PDF renderer and the ESC/POS writer only lay it out,
 * so paper from either path says the same thing.
 */
package org.medcard.terminal.receipt.sheet;
