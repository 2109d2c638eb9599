package dev.afterimage.source.facebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code error} object the Graph API answers with: {@code {"error":{"message","type","code","error_subcode"}}}.
 *
 * @param subcode 0 when the error has none
 */
record GraphError(int code, int subcode, String type, String message) {

    /** Rate limits (app, user, page, custom), the token, permissions: answers about us, never about a post. */
    private static final Set<Integer> ABOUT_US = Set.of(4, 17, 32, 613, 190, 10, 200);

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The error in a body, or empty when the body is not a Graph error. */
    static Optional<GraphError> in(byte[] body) {
        try {
            JsonNode error = JSON.readTree(body).path("error");
            if (!error.path("code").isInt()) {
                return Optional.empty();
            }
            return Optional.of(new GraphError(
                    error.get("code").asInt(),
                    error.path("error_subcode").asInt(0),
                    error.path("type").asText(""),
                    error.path("message").asText("")));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * "Object with ID ... does not exist, cannot be loaded due to missing permissions, or does not support this
     * operation": a deleted object, but also one we may not read, so it proves a deletion only once the page is known
     * to be readable.
     */
    boolean objectMissing() {
        return code == 100 && subcode == 33;
    }

    /** "Some of the aliases you requested do not exist": a page name nobody holds. */
    boolean aliasMissing() {
        return code == 803;
    }

    boolean aboutUs() {
        return ABOUT_US.contains(code);
    }

    String describe() {
        return "Graph API error " + code + (subcode != 0 ? "/" + subcode : "") + " (" + type + "): " + message;
    }
}
