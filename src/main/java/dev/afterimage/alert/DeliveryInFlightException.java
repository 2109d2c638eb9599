package dev.afterimage.alert;

import dev.afterimage.ConflictException;

/** A delivery being sent right now cannot be retried by hand until that attempt ends. */
public class DeliveryInFlightException extends ConflictException {

    private static final long serialVersionUID = 1L;

    public DeliveryInFlightException(long id) {
        super("delivery " + id + " is being sent right now; retry it once this attempt has ended");
    }
}
