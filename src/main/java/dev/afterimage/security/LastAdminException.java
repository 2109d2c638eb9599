package dev.afterimage.security;

import dev.afterimage.ConflictException;

/** Removing or demoting the last admin would leave nobody able to manage users. */
public class LastAdminException extends ConflictException {

    private static final long serialVersionUID = 1L;

    LastAdminException(String name) {
        super(name + " is the last admin: make another user admin first");
    }
}
