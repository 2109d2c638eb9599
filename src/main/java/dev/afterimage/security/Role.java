package dev.afterimage.security;

import dev.afterimage.InvalidFieldException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** What a user or token may do; each role includes the ones below it. */
public enum Role {
    VIEWER(Roles.VIEWER),
    EDITOR(Roles.EDITOR),
    ADMIN(Roles.ADMIN);

    private final String apiName;

    Role(String apiName) {
        this.apiName = apiName;
    }

    public String apiName() {
        return apiName;
    }

    /** The role names a holder of this role passes {@code @RolesAllowed} with: its own and every weaker one. */
    public Set<String> grants() {
        return Arrays.stream(values())
                .filter(role -> role.ordinal() <= ordinal())
                .map(Role::apiName)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The role a form or request names, or a 400 naming {@code field}. */
    public static Role parse(String value, String field) {
        if (value != null) {
            String wanted = value.strip().toLowerCase(Locale.ROOT);
            for (Role role : values()) {
                if (role.apiName.equals(wanted)) {
                    return role;
                }
            }
        }
        throw new InvalidFieldException(field, field + " must be one of viewer, editor, admin");
    }
}
