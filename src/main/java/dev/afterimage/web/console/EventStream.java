package dev.afterimage.web.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.afterimage.InvalidFieldException;
import dev.afterimage.security.Roles;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

/**
 * The live feed as server-sent events: each event's id is the Afterimage event id, so a browser that reconnects
 * (sending Last-Event-ID) misses nothing and sees nothing twice.
 */
@Path("/console/events")
@RolesAllowed(Roles.VIEWER)
public class EventStream {

    private final EventTicker ticker;
    private final ObjectMapper json;

    EventStream(EventTicker ticker, ObjectMapper json) {
        this.ticker = ticker;
        this.json = json;
    }

    /**
     * @param after the newest event the page already shows; Last-Event-ID, when the browser sends it, wins
     */
    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> stream(
            @QueryParam("after") String after, @HeaderParam("Last-Event-ID") String lastEventId, @Context Sse sse) {
        long from =
                lastEventId != null && !lastEventId.isBlank() ? id(lastEventId, "Last-Event-ID") : id(after, "after");
        return ticker.after(from).map(item -> sse.newEventBuilder()
                .id(String.valueOf(item.id()))
                .name("event")
                .mediaType(MediaType.TEXT_PLAIN_TYPE)
                .data(String.class, toJson(item))
                .build());
    }

    private String toJson(FeedItem item) {
        try {
            return json.writeValueAsString(item);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a feed item is not serialisable: " + item, e);
        }
    }

    private static long id(String text, String field) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        try {
            long id = Long.parseLong(text.strip());
            if (id < 0) {
                throw new InvalidFieldException(field, field + " must be an event id (0 or more)");
            }
            return id;
        } catch (NumberFormatException e) {
            throw new InvalidFieldException(field, field + " must be an event id, not \"" + text + "\"");
        }
    }
}
