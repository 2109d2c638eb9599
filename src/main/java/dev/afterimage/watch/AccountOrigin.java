package dev.afterimage.watch;

/** Who asked for an account to be watched. */
public enum AccountOrigin {
    API,
    /** The watchlist file; such accounts follow the file and are disabled when it drops them. */
    WATCHLIST
}
