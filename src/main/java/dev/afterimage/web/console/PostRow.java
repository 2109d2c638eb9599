package dev.afterimage.web.console;

/**
 * One post in an account's list.
 *
 * @param snippet the newest version's text, shortened
 * @param versions how many distinct versions are archived; more than one means edited
 * @param preview its text, picture and media badges
 */
public record PostRow(
        long id,
        String url,
        String platformPostId,
        Moment published,
        boolean deleted,
        boolean edited,
        String snippet,
        int versions,
        PostPreview preview) {}
