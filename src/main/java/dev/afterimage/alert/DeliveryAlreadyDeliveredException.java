package dev.afterimage.alert;

import dev.afterimage.ConflictException;

/** A delivery the endpoint already accepted cannot be retried. */
public class DeliveryAlreadyDeliveredException extends ConflictException {

    private static final long serialVersionUID = 1L;

    public DeliveryAlreadyDeliveredException(long id) {
        super("delivery " + id + " was already accepted by its endpoint");
    }
}
