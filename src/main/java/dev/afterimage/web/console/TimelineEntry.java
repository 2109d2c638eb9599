package dev.afterimage.web.console;

/**
 * One thing that happened to a post, in time order: a version archived or an event raised.
 *
 * @param what e.g. "Version 2 archived" or "Post deleted"
 * @param since e.g. "57 min after publication", or null
 * @param kind "t-published", "t-version" or "t-event", for styling
 */
public record TimelineEntry(Moment when, String what, String since, String kind, String detail) {}
