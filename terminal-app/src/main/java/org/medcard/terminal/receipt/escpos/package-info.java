/**
 * ESC/POS thermal receipt printers: {@link org.medcard.terminal.receipt.escpos.EscPosWriter} turns the same
 * sheet the PDF is made from into printer bytes (GB18030 text in Chinese mode, bold, alignment, cut, cash
 * drawer), and {@link org.medcard.terminal.receipt.escpos.EscPosPort} implementations send them over a serial
 * port (jSerialComm) or to a device file (pty, USB line printer).
 */
package org.medcard.terminal.receipt.escpos;
