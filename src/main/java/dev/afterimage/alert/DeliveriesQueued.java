package dev.afterimage.alert;

/** Fired when a transaction queued deliveries; observed after it commits, to send them at once. */
record DeliveriesQueued() {}
