package dev.afterimage.detect;

/** Whether an account can currently be seen at all. */
public enum Availability {
    ACTIVE,
    /** The platform says the account is gone or no longer public; its posts are not judged one by one. */
    UNAVAILABLE
}
