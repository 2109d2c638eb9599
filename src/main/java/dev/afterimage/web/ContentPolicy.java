package dev.afterimage.web;

/**
 * The Content-Security-Policy values the archive serves with what it keeps of watched sites. Archived bytes are
 * evidence, not pages of ours: nothing in them may run, load or be fetched in the analyst's browser, which would tell
 * the watched site who is looking.
 */
public final class ContentPolicy {

    /** Raw captures and media files: no script, no subresource, no form, a unique origin. */
    public static final String ARCHIVED_BYTES = "default-src 'none'; sandbox";

    /**
     * The archive's own page around a post: only the archive's media, inline styles of the template, nothing of the
     * watched site (links are followed by the analyst's choice only).
     */
    public static final String ARCHIVED_PAGE = "default-src 'none'; img-src 'self'; media-src 'self';"
            + " style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private ContentPolicy() {}
}
