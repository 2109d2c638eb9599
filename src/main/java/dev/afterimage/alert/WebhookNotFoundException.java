package dev.afterimage.alert;

/** No webhook has this id. */
public class WebhookNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public WebhookNotFoundException(long id) {
        super("no webhook with id " + id);
    }
}
