package dev.afterimage.source;

import java.util.Map;
import java.util.Objects;

/**
 * Which account a source is asked about: its platform, its handle as the platform spells it, the settings the
 * source needs for it (for a web page, the CSS selectors of its items; empty for most platforms), and the
 * platform's stable id of it once learnt (see {@link PostSource#accountIdentity}), else null.
 */
public record AccountRef(Platform platform, String handle, Map<String, String> options, String accountId) {

    public AccountRef {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(handle, "handle");
        options = options == null ? Map.of() : Map.copyOf(options);
    }

    public AccountRef(Platform platform, String handle) {
        this(platform, handle, Map.of(), null);
    }

    public AccountRef(Platform platform, String handle, Map<String, String> options) {
        this(platform, handle, options, null);
    }

    /** The option's value, or null when it is not set. */
    public String option(String name) {
        return options.get(name);
    }
}
