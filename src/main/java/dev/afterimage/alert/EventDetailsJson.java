package dev.afterimage.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

/** The one place event details become JSON and come back: written once when appended, read as typed values. */
@ApplicationScoped
public class EventDetailsJson {

    private final ObjectMapper json;

    EventDetailsJson(ObjectMapper json) {
        this.json = json;
    }

    String write(EventDetails details) {
        try {
            return json.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event details of " + details.type() + " are not serialisable", e);
        }
    }

    public EventDetails read(EventRecord event) {
        try {
            return json.readValue(event.details, event.type.detailsType());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("details of event " + event.id + " are not " + event.type, e);
        }
    }
}
