package dev.afterimage.web.console;

import dev.afterimage.alert.EventType;
import java.util.Locale;
import java.util.Optional;

/** What happened to a post, as the deletions-and-edits page filters it. */
public enum ChangeKind {
    DELETED(EventType.POST_DELETED, "Deleted"),
    EDITED(EventType.POST_EDITED, "Text edited"),
    MEDIA(EventType.MEDIA_CHANGED, "Media changed"),
    RESTORED(EventType.POST_RESTORED, "Restored");

    private final EventType event;
    private final String label;

    ChangeKind(EventType event, String label) {
        this.event = event;
        this.label = label;
    }

    public EventType event() {
        return event;
    }

    public String label() {
        return label;
    }

    public String param() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<ChangeKind> of(EventType event) {
        for (ChangeKind kind : values()) {
            if (kind.event == event) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    static Optional<ChangeKind> ofParam(String text) {
        for (ChangeKind kind : values()) {
            if (kind.param().equalsIgnoreCase(text.strip())) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
