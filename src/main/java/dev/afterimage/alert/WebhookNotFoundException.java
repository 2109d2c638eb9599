package dev.afterimage.alert;

import dev.afterimage.UnknownIdException;

/** No webhook has this id. */
public class WebhookNotFoundException extends UnknownIdException {

    private static final long serialVersionUID = 1L;

    public WebhookNotFoundException(long id) {
        super("no webhook with id " + id);
    }
}
