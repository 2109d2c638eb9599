package dev.afterimage.watch;

/** No account has this id (any more). */
public class AccountNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AccountNotFoundException(long id) {
        super("no account with id " + id);
    }
}
