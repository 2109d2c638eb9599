package dev.afterimage.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.afterimage.ConflictException;
import dev.afterimage.InvalidFieldException;
import dev.afterimage.UnknownIdException;
import dev.afterimage.watch.DuplicateAccountException;
import dev.afterimage.watch.PollInProgressException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.stream.Collectors;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every failure of a request into a problem body: a clear 4xx for bad input, never a stack trace. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    /** About one poll's duration: when the running poll will likely be done. */
    private static final int RETRY_POLL_AFTER_SECONDS = 30;

    @ServerExceptionMapper
    public Response invalidField(InvalidFieldException e) {
        return Problem.response(Response.Status.BAD_REQUEST, e.getMessage(), e.field());
    }

    @ServerExceptionMapper
    public Response duplicate(DuplicateAccountException e) {
        return Problem.response(new Problem("about:blank", "Conflict", 409, e.getMessage(), null, e.existingId()));
    }

    @ServerExceptionMapper
    public Response unknownId(UnknownIdException e) {
        return Problem.response(Response.Status.NOT_FOUND, e.getMessage(), null);
    }

    @ServerExceptionMapper
    public Response conflict(ConflictException e) {
        return Problem.response(Response.Status.CONFLICT, e.getMessage(), null);
    }

    @ServerExceptionMapper
    public Response pollInProgress(PollInProgressException e) {
        return Response.fromResponse(Problem.response(Response.Status.CONFLICT, e.getMessage(), null))
                .header("Retry-After", RETRY_POLL_AFTER_SECONDS)
                .build();
    }

    /** A unique key hit by two requests at once (e.g. the same account added twice in parallel) is a conflict, not a failure. */
    @ServerExceptionMapper
    public Response uniqueKey(ConstraintViolationException e) {
        return Problem.response(
                Response.Status.CONFLICT,
                "this conflicts with something that already exists; reload and try again",
                null);
    }

    /** Jackson's own mapper for this type would answer a non-problem body; ours is more specific than the built-in. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e) {
        return unreadableJson(e);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        String field = e instanceof JsonMappingException mapping
                        && !mapping.getPath().isEmpty()
                ? mapping.getPath().stream()
                        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                        .collect(Collectors.joining("."))
                : null;
        String detail = field == null
                ? "the request body is not valid JSON: " + e.getOriginalMessage()
                : "field \"" + field + "\" has the wrong type or form";
        return Problem.response(Response.Status.BAD_REQUEST, detail, field);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException json) {
                return unreadableJson(json);
            }
        }
        if (Problem.MEDIA_TYPE.equals(String.valueOf(e.getResponse().getMediaType()))) {
            return e.getResponse();
        }
        Response.Status status = Response.Status.fromStatusCode(e.getResponse().getStatus());
        int code = e.getResponse().getStatus();
        String title = status != null ? status.getReasonPhrase() : "HTTP " + code;
        return Problem.response(new Problem("about:blank", title, code, e.getMessage(), null, null));
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("request failed unexpectedly", e);
        return Problem.response(
                Response.Status.INTERNAL_SERVER_ERROR, "an unexpected error occurred; it has been logged", null);
    }
}
