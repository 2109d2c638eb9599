package dev.afterimage.web.console;

import dev.afterimage.alert.EventType;
import dev.afterimage.alert.WebhookRequest;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The add-webhook form as typed, with what went wrong next to each field.
 *
 * @param events the ticked event types; none ticked means every type
 */
public record WebhookForm(String url, String format, List<String> events, Map<String, String> errors) {

    static WebhookForm empty() {
        return new WebhookForm("", "json", List.of(), Map.of());
    }

    static WebhookForm read(MultivaluedMap<String, String> form) {
        List<String> events = form.get("events") == null ? List.of() : List.copyOf(form.get("events"));
        String format = AccountForm.text(form, "format");
        return new WebhookForm(AccountForm.text(form, "url"), format.isEmpty() ? "json" : format, events, Map.of());
    }

    WebhookRequest request() {
        return new WebhookRequest(url, events.isEmpty() ? null : events, null, format, null);
    }

    WebhookForm withError(String field, String message) {
        Map<String, String> all = new LinkedHashMap<>(errors);
        all.put(field, message);
        return new WebhookForm(url, format, events, all);
    }

    public String error(String field) {
        return errors.get(field);
    }

    public boolean ticked(String type) {
        return events.contains(type);
    }

    public List<String> types() {
        return Arrays.stream(EventType.values()).map(Enum::name).toList();
    }

    public List<String> formats() {
        return List.of("json", "slack", "discord");
    }
}
