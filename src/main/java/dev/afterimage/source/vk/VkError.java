package dev.afterimage.source.vk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code error} object the VK API answers with, always inside an HTTP 200:
 * {@code {"error":{"error_code":6,"error_msg":"Too many requests per second","request_params":[…]}}}.
 */
record VkError(int code, String message) {

    /**
     * Answers about us or VK, never about a wall or post: 1 unknown error, 5 authorisation failed, 6 too many requests
     * per second, 9 flood control, 10 internal server error, 29 rate limit reached.
     */
    private static final Set<Integer> ABOUT_US = Set.of(1, 5, 6, 9, 10, 29);

    private static final ObjectMapper JSON = new ObjectMapper();

    static Optional<VkError> in(byte[] body) {
        try {
            JsonNode error = JSON.readTree(body).path("error");
            if (!error.path("error_code").canConvertToInt()) {
                return Optional.empty();
            }
            return Optional.of(new VkError(
                    error.get("error_code").asInt(), error.path("error_msg").asText("")));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    boolean aboutUs() {
        return ABOUT_US.contains(code);
    }

    /** 18: "User was deleted or banned" (a page that is gone). */
    boolean ownerGone() {
        return code == 18;
    }

    /** 30: "This profile is private"; 15, 19, 203: access to the wall or community denied, blocked or closed. */
    boolean accessDenied() {
        return code == 30 || code == 15 || code == 19 || code == 203;
    }

    /** 100 or 113: a parameter VK does not accept, such as a screen name nobody holds. */
    boolean invalidOwner() {
        return code == 100 || code == 113;
    }

    String describe() {
        return "VK API error " + code + ": " + message;
    }
}
