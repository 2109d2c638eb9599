package dev.afterimage.security;

/** The role names resource classes and methods name in {@code @RolesAllowed}. */
public final class Roles {

    /** Reads the archive, posts and events. */
    public static final String VIEWER = "viewer";

    /** Changes accounts, reference data, and polls. */
    public static final String EDITOR = "editor";

    /** Manages users, tokens, webhooks and settings. */
    public static final String ADMIN = "admin";

    /**
     * Anyone, when {@code afterimage.archive.public=true}: granted only to requests without credentials, and allowed
     * only on the archive's own reads (lookups, Memento, media, evidence exports).
     */
    public static final String PUBLIC_READER = "public-reader";

    private Roles() {}
}
