package dev.afterimage.watch;

import dev.afterimage.UnknownIdException;

/** No account has this id (any more). */
public class AccountNotFoundException extends UnknownIdException {

    private static final long serialVersionUID = 1L;

    public AccountNotFoundException(long id) {
        super("no account with id " + id);
    }
}
