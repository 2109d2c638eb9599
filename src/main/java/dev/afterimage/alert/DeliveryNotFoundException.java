package dev.afterimage.alert;

import dev.afterimage.UnknownIdException;

/** No delivery has this id. */
public class DeliveryNotFoundException extends UnknownIdException {

    private static final long serialVersionUID = 1L;

    public DeliveryNotFoundException(long id) {
        super("no delivery with id " + id);
    }
}
