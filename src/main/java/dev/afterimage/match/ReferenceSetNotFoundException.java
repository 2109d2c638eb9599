package dev.afterimage.match;

import dev.afterimage.UnknownIdException;

/** No reference set has this id. */
public class ReferenceSetNotFoundException extends UnknownIdException {

    private static final long serialVersionUID = 1L;

    public ReferenceSetNotFoundException(long id) {
        super("no reference set with id " + id);
    }
}
