package dev.afterimage.source.x;

/** What X says about an account, looked up by its username. */
sealed interface XUser {

    /** A public account, with the numeric id its timeline is read by. */
    record Active(String id) implements XUser {}

    /** X says definitively that the account cannot be read: not found, suspended, or protected. */
    record Gone(String evidence) implements XUser {}

    /** No usable answer: a timeout, a 5xx, a 429, a refused token, an unexpected body. */
    record Unknown(String reason) implements XUser {}
}
