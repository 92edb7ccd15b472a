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
}
