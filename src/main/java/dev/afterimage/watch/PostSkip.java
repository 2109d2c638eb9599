package dev.afterimage.watch;

/**
 * A post a poll saw but could not archive, and why; the good posts beside it were archived.
 *
 * @param platformPostId the post's id as the archive would have stored it
 */
public record PostSkip(String platformPostId, String reason) {}
