package dev.afterimage.web.console;

/**
 * One post in an account's list.
 *
 * @param snippet the newest version's text, shortened
 * @param versions how many distinct versions are archived; more than one means edited
 */
public record PostRow(
        long id,
        String url,
        String platformPostId,
        Moment published,
        boolean deleted,
        boolean edited,
        String snippet,
        int versions) {}
