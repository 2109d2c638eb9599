package dev.afterimage.detect;

/**
 * Whether an account can currently be seen at all, and if not, why. Every state but {@link #ACTIVE} means the
 * platform said so definitively; the account's posts are then not judged one by one, so none is declared deleted.
 * The names are at most 16 characters (the column's width).
 */
public enum Availability {
    ACTIVE("active"),
    /** The platform says the account is gone or no longer public. */
    UNAVAILABLE("gone or no longer public"),
    /** A Telegram name that exists but offers no public preview to read. */
    NO_PREVIEW("no public preview"),
    /** Facebook refuses another organisation's Page to a token without the Page Public Content Access feature. */
    NEEDS_ACCESS("needs Page Public Content Access"),
    /** A closed or private community (VK). */
    CLOSED("closed community");

    private final String words;

    Availability(String words) {
        this.words = words;
    }

    /** The state in words, as the console shows it. */
    public String words() {
        return words;
    }
}
