package org.medcard.terminal.receipt;

/**
 * A printer, its port or the print system failed (a fault, not a refusal): the document was not printed, or
 * not completely; the cashier fixes the printer and reprints from the same data.
 */
public class PrintFault extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PrintFault(String message) {
        super(message);
    }

    public PrintFault(String message, Throwable cause) {
        super(message, cause);
    }
}
