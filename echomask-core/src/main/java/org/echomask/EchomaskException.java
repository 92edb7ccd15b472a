package org.echomask;

/**
 * Base of every error Echomask reports to a user. The message must say which input is at fault
 * and what is wrong with it, so a batch job can list it and go on.
 */
public class EchomaskException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public EchomaskException(String message) {
        super(message);
    }

    public EchomaskException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * The message of the innermost cause (its class name when it has none), first line only: what
     * a person needs from a library's exception chain, e.g. Jackson's or Spark's.
     */
    public static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        int newline = message.indexOf('\n');
        return newline > 0 ? message.substring(0, newline) : message;
    }
}
