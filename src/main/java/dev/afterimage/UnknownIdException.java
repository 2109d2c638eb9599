package dev.afterimage;

/** Something was asked for by an id that names nothing (any more); the web layer answers it with a 404 problem. */
public abstract class UnknownIdException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    protected UnknownIdException(String message) {
        super(message);
    }
}
