package dev.afterimage;

/** A request that cannot be carried out in the current state of things; the web layer answers it with a 409 problem. */
public abstract class ConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    protected ConflictException(String message) {
        super(message);
    }
}
