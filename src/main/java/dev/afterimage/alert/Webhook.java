package dev.afterimage.alert;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** An endpoint that receives events. */
@Entity
@Table(name = "webhook")
public class Webhook extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String url;

    /** Comma-separated {@link EventType} names. */
    @Column(name = "event_types", nullable = false)
    public String eventTypes;

    /** Comma-separated account ids; null for every account. */
    @Column(name = "account_ids")
    public String accountIds;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public WebhookFormat format;

    /** The Standard Webhooks secret ({@code whsec_...}); needed in clear to sign, never shown after creation. */
    @Column(nullable = false)
    public String secret;

    @Column(nullable = false)
    public boolean enabled;

    @Column(name = "disabled_reason")
    public String disabledReason;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Since when every attempt failed; null while the endpoint accepts deliveries. */
    @Column(name = "failing_since")
    public Instant failingSince;

    @Column(name = "last_success_at")
    public Instant lastSuccessAt;

    public Set<EventType> types() {
        return Arrays.stream(eventTypes.split(","))
                .filter(name -> !name.isBlank())
                .map(EventType::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(EventType.class)));
    }

    public void types(Set<EventType> types) {
        eventTypes = types.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    /** The accounts this endpoint hears about; empty for all. */
    public List<Long> accounts() {
        return accountIds == null || accountIds.isBlank()
                ? List.of()
                : Arrays.stream(accountIds.split(",")).map(Long::valueOf).toList();
    }

    public void accounts(List<Long> ids) {
        accountIds = ids.isEmpty()
                ? null
                : ids.stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
    }

    /** Whether an event of this type about this account is for this endpoint. */
    boolean wants(EventType type, Long accountId) {
        List<Long> accounts = accounts();
        return types().contains(type) && (accounts.isEmpty() || (accountId != null && accounts.contains(accountId)));
    }
}
