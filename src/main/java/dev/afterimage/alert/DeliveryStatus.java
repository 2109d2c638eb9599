package dev.afterimage.alert;

/** Where a delivery stands. */
public enum DeliveryStatus {
    /** Not yet accepted; sent when due. */
    PENDING,
    /** The endpoint answered 2xx. */
    DELIVERED,
    /** Given up on (retries exhausted, or the endpoint answered 410); can be retried by hand. */
    FAILED
}
