package dev.afterimage.watch;

import java.util.Map;

/**
 * A change to an account; null fields are left as they are. An empty group takes the account out of its group;
 * options, when given, replace the account's options whole.
 */
public record AccountPatch(
        String label, String pollInterval, Boolean enabled, String group, Map<String, String> options) {

    public AccountPatch(String label, String pollInterval, Boolean enabled) {
        this(label, pollInterval, enabled, null, null);
    }
}
