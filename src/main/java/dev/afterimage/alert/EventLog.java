package dev.afterimage.alert;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;

/**
 * Appends events inside the caller's transaction, with their webhook deliveries (the {@link Outbox}), so an
 * event and its alerts exist exactly when the detection that caused them was committed.
 *
 * <p>Ids are taken from a counter row that stays locked until the transaction ends. That makes ids become
 * visible in increasing order, so a client reading {@code /api/events?after=N} can never miss an event that a
 * slower transaction committed later with a smaller id. The price, serialising the commits of polls that raise
 * events, is small: events are rare next to polls.
 */
@ApplicationScoped
public class EventLog {

    private final EntityManager entityManager;
    private final EventDetailsJson json;
    private final Clock clock;
    private final Outbox outbox;
    private final Event<EventAppended> appended;

    EventLog(
            EntityManager entityManager,
            EventDetailsJson json,
            Clock clock,
            Outbox outbox,
            Event<EventAppended> appended) {
        this.appended = appended;
        this.entityManager = entityManager;
        this.json = json;
        this.clock = clock;
        this.outbox = outbox;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public EventRecord append(EventDraft draft) {
        EventRecord event = new EventRecord();
        event.id = nextId();
        event.type = draft.type();
        event.accountId = draft.accountId();
        event.postId = draft.postId();
        event.postUrl = draft.postUrl();
        event.detectedAt = clock.instant();
        event.details = json.write(draft.details());
        event.persist();
        outbox.enqueue(event);
        appended.fire(new EventAppended(event.type));
        return event;
    }

    private long nextId() {
        EventSequence sequence =
                entityManager.find(EventSequence.class, EventSequence.EVENT, LockModeType.PESSIMISTIC_WRITE);
        sequence.lastValue++;
        return sequence.lastValue;
    }
}
