package dev.afterimage.web.console;

/**
 * One delivery in an endpoint's log.
 *
 * @param answer what the receiver last answered, or why nothing came back
 * @param retryable whether the retry button applies (not delivered yet, or given up on)
 */
public record DeliveryRow(
        long id,
        String type,
        String status,
        int attempts,
        Moment created,
        Moment lastAttempt,
        String answer,
        boolean retryable) {}
