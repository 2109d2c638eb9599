package dev.afterimage.security;

import dev.afterimage.UnknownIdException;

/** A user or token id that names nobody (any more). */
public class UnknownUserException extends UnknownIdException {

    private static final long serialVersionUID = 1L;

    UnknownUserException(String message) {
        super(message);
    }
}
