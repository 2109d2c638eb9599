package dev.afterimage.alert;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The counter row event ids are drawn from; see {@link EventLog}. */
@Entity
@Table(name = "event_sequence")
class EventSequence {

    static final String EVENT = "event";

    @Id
    String name;

    @Column(name = "last_value", nullable = false)
    long lastValue;
}
