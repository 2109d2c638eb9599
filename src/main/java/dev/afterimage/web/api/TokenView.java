package dev.afterimage.web.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.afterimage.security.ApiToken;
import java.time.Instant;

/**
 * An API token as the API shows it.
 *
 * @param token the secret: present only in the answer that created it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TokenView(
        long id,
        String name,
        String role,
        String token,
        String createdBy,
        Instant createdAt,
        Instant expiresAt,
        Instant lastUsedAt,
        Instant revokedAt) {

    static TokenView of(ApiToken token, String secret) {
        return new TokenView(
                token.id,
                token.name,
                token.role.apiName(),
                secret,
                token.createdBy,
                token.createdAt,
                token.expiresAt,
                token.lastUsedAt,
                token.revokedAt);
    }
}
