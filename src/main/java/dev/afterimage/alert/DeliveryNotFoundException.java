package dev.afterimage.alert;

/** No delivery has this id. */
public class DeliveryNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DeliveryNotFoundException(long id) {
        super("no delivery with id " + id);
    }
}
