package dev.afterimage.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;

/**
 * An error answer in the RFC 9457 problem format, with the offending field named where there is one.
 *
 * @param type a URI naming the kind of problem; about:blank when the status says it all
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String field, Long existingId) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Response response(Response.Status status, String detail, String field) {
        return response(
                new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, field, null));
    }

    public static Response response(Problem problem) {
        return Response.status(problem.status())
                .type(MEDIA_TYPE)
                .entity(problem)
                .build();
    }
}
