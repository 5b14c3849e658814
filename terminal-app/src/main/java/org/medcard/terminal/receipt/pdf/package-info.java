/**
 * PDF output of receipts and reports with Apache PDFBox 3: a {@link org.medcard.terminal.receipt.pdf.FontCache}
 * that finds and parses a TrueType CJK font once per process, and a
 * {@link org.medcard.terminal.receipt.pdf.PdfReceiptRenderer} that lays out a sheet on 80 mm roll paper or A4,
 * embedding only the glyphs used.
 */
package org.medcard.terminal.receipt.pdf;
