package dev.afterimage.watch;

/** The account is already watched. */
public class DuplicateAccountException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long existingId;

    public DuplicateAccountException(long existingId, String what) {
        super(what + " is already watched as account " + existingId);
        this.existingId = existingId;
    }

    public long existingId() {
        return existingId;
    }
}
