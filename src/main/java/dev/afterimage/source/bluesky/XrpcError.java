package dev.afterimage.source.bluesky;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;

/** The body XRPC sends with an error status: {@code {"error":"NotFound","message":"Post not found: ..."}}. */
record XrpcError(String error, String message) {

    /** The error the body names, or empty when the body is not an XRPC error (a proxy's page, say). */
    static Optional<XrpcError> of(ObjectMapper json, byte[] body) {
        try {
            JsonNode node = json.readTree(body);
            if (node == null || !node.path("error").isTextual()) {
                return Optional.empty();
            }
            return Optional.of(new XrpcError(
                    node.path("error").asText(), node.path("message").asText("")));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return message.isEmpty() ? error : error + " (" + message + ")";
    }
}
