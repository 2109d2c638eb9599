package dev.afterimage.watch;

import dev.afterimage.ConflictException;

/** The account is already watched. */
public class DuplicateAccountException extends ConflictException {

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
