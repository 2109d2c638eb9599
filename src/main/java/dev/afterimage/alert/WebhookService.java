package dev.afterimage.alert;

import dev.afterimage.InvalidFieldException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Adds, changes and removes webhook endpoints, and their deliveries' manual controls. */
@ApplicationScoped
public class WebhookService {

    private static final int MAX_DELIVERIES_LISTED = 1000;

    private final WebhookUrlPolicy urls;
    private final AccountDirectory accounts;
    private final Outbox outbox;
    private final DeliveryLedger ledger;
    private final Clock clock;

    WebhookService(
            WebhookUrlPolicy urls, AccountDirectory accounts, Outbox outbox, DeliveryLedger ledger, Clock clock) {
        this.urls = urls;
        this.accounts = accounts;
        this.outbox = outbox;
        this.ledger = ledger;
        this.clock = clock;
    }

    @Transactional
    public CreatedWebhook create(WebhookRequest request) {
        Webhook webhook = new Webhook();
        webhook.url = urls.check(request.url());
        webhook.types(request.events() == null ? EnumSet.allOf(EventType.class) : types(request.events()));
        webhook.accounts(request.accounts() == null ? List.of() : accountIds(request.accounts()));
        webhook.format = request.format() == null ? WebhookFormat.JSON : format(request.format());
        WebhookSecret secret =
                request.secret() == null ? WebhookSecret.generate() : WebhookSecret.parse(request.secret());
        webhook.secret = secret.value();
        webhook.enabled = true;
        webhook.createdAt = clock.instant();
        webhook.persist();
        return new CreatedWebhook(webhook, secret.value());
    }

    @Transactional
    public List<Webhook> list() {
        return Webhook.list("order by id");
    }

    @Transactional
    public Webhook get(long id) {
        Webhook webhook = Webhook.findById(id);
        if (webhook == null) {
            throw new WebhookNotFoundException(id);
        }
        return webhook;
    }

    @Transactional
    public Webhook update(long id, WebhookPatch patch) {
        Webhook webhook = get(id);
        if (patch.url() != null) {
            webhook.url = urls.check(patch.url());
        }
        if (patch.events() != null) {
            webhook.types(types(patch.events()));
        }
        if (patch.accounts() != null) {
            webhook.accounts(accountIds(patch.accounts()));
        }
        if (patch.format() != null) {
            webhook.format = format(patch.format());
        }
        if (patch.enabled() != null) {
            webhook.enabled = patch.enabled();
            if (webhook.enabled) {
                webhook.disabledReason = null;
                webhook.failingSince = null;
            }
        }
        return webhook;
    }

    @Transactional
    public void delete(long id) {
        get(id).delete();
    }

    /** Queues a test message to the endpoint; it goes out at once, signed like any other. */
    @Transactional
    public Delivery sendTest(long id) {
        return outbox.enqueueTest(get(id));
    }

    /** The endpoint's deliveries, newest first. */
    @Transactional
    public List<Delivery> deliveries(long id, int limit) {
        get(id);
        return Delivery.find("webhookId = ?1 order by id desc", id)
                .page(0, Math.min(limit, MAX_DELIVERIES_LISTED))
                .list();
    }

    @Transactional
    public Delivery delivery(long deliveryId) {
        Delivery delivery = Delivery.findById(deliveryId);
        if (delivery == null) {
            throw new DeliveryNotFoundException(deliveryId);
        }
        return delivery;
    }

    public Delivery retry(long deliveryId) {
        return ledger.retry(deliveryId);
    }

    private static Set<EventType> types(List<String> names) {
        if (names.isEmpty()) {
            throw new InvalidFieldException("events", "name at least one event type, or leave \"events\" out for all");
        }
        Set<EventType> types = EnumSet.noneOf(EventType.class);
        for (String name : names) {
            types.add(Arrays.stream(EventType.values())
                    .filter(type -> name != null
                            && (type.name().equalsIgnoreCase(name.strip())
                                    || type.payloadName().equals(name.strip())))
                    .findFirst()
                    .orElseThrow(() -> new InvalidFieldException(
                            "events",
                            "unknown event type \"" + name + "\"; known: "
                                    + Arrays.stream(EventType.values())
                                            .map(Enum::name)
                                            .collect(Collectors.joining(", ")))));
        }
        return types;
    }

    private List<Long> accountIds(List<Long> ids) {
        for (Long id : ids) {
            if (id == null || accounts.find(id).isEmpty()) {
                throw new InvalidFieldException("accounts", "no account with id " + id);
            }
        }
        return ids.stream().distinct().toList();
    }

    private static WebhookFormat format(String name) {
        return WebhookFormat.fromApiName(name.strip())
                .orElseThrow(() -> new InvalidFieldException(
                        "format",
                        "format must be json, slack or discord, not \"" + name.toLowerCase(Locale.ROOT) + "\""));
    }
}
