package dev.afterimage.watch;

import dev.afterimage.ConflictException;

/** An account whose posts are archived cannot be deleted: the archive is evidence. */
public class AccountHasArchiveException extends ConflictException {

    private static final long serialVersionUID = 1L;

    public AccountHasArchiveException(long id, long posts) {
        super("account " + id + " has " + posts
                + " archived posts, kept as evidence; stop watching it with PATCH {\"enabled\": false}");
    }
}
