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
            // Graph has been seen writing the code as a string ("code": "10") as well as a number.
            JsonNode code = error.path("code");
            if (!code.isInt() && !(code.isTextual() && code.asText().matches("\\d{1,9}"))) {
                return Optional.empty();
            }
            return Optional.of(new GraphError(
                    code.asInt(),
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

    /**
     * The token may not read another organisation's Page: "(#10) To use 'Page Public Content Access', your use of
     * this endpoint must be reviewed and approved by Facebook", "(#10) This endpoint requires the
     * 'pages_read_engagement' permission or the 'Page Public Content Access' feature", "(#10) To use 'Page Public
     * Content Access', your app needs to be owned by a verified business", "(#100) Pages Public Content Access
     * requires either app secret proof or an app token". Only the words tell these from other code 10/100 errors.
     */
    boolean needsPagePublicContentAccess() {
        return (code == 10 || code == 100)
                && (message.contains("Page Public Content Access") || message.contains("Pages Public Content Access"));
    }

    boolean aboutUs() {
        return ABOUT_US.contains(code);
    }

    String describe() {
        return "Graph API error " + code + (subcode != 0 ? "/" + subcode : "") + " (" + type + "): " + message;
    }
}
