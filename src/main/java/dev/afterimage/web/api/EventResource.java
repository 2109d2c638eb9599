package dev.afterimage.web.api;

import dev.afterimage.InvalidFieldException;
import dev.afterimage.alert.EventRecord;
import dev.afterimage.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * Events in id order, for cursor polling: pass the last id you have as {@code after}. Ids become visible in
 * order (see EventLog), so this never skips one.
 */
@Path("/api/events")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.VIEWER)
public class EventResource {

    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;

    @GET
    @Transactional
    public List<EventView> list(
            @QueryParam("after") String afterParam,
            @QueryParam("account") String accountParam,
            @QueryParam("limit") String limit) {
        Long after = QueryParameters.number(afterParam, "after");
        Long accountId = QueryParameters.number(accountParam, "account");
        if (after != null && after < 0) {
            throw new InvalidFieldException("after", "after must be an event id (0 or more)");
        }
        return EventRecord.after(
                        after == null ? 0 : after, accountId, QueryParameters.limit(limit, DEFAULT_LIMIT, MAX_LIMIT))
                .stream()
                .map(EventView::of)
                .toList();
    }
}
