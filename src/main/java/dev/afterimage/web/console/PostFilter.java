package dev.afterimage.web.console;

import java.util.Locale;

/** Which of an account's posts its page lists. */
public enum PostFilter {
    ALL,
    LIVE,
    EDITED,
    DELETED;

    /** Unknown or empty means all: a filter link from an old page should still show something. */
    static PostFilter of(String text) {
        if (text == null) {
            return ALL;
        }
        for (PostFilter filter : values()) {
            if (filter.name().equalsIgnoreCase(text.strip())) {
                return filter;
            }
        }
        return ALL;
    }

    public String param() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return switch (this) {
            case ALL -> "All";
            case LIVE -> "Live";
            case EDITED -> "Edited";
            case DELETED -> "Deleted";
        };
    }
}
