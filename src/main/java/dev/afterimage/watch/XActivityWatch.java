package dev.afterimage.watch;

import dev.afterimage.InstanceConfig;
import dev.afterimage.source.Platform;
import dev.afterimage.source.http.WebClient;
import dev.afterimage.source.x.XActivityClient;
import dev.afterimage.source.x.XActivityConfig;
import dev.afterimage.source.x.XActivityEvent;
import dev.afterimage.source.x.XConfig;
import dev.afterimage.source.x.XUsage;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Subscribes the watched X accounts to X's Activity API and polls an account as soon as it creates or deletes a post.
 * A {@code post.create} is archived by that poll; a {@code post.delete} makes the post a suspect of that poll, and
 * X's batch lookup answering {@code resource-not-found} is what confirms it, as on any poll. Polling goes on as the
 * fallback and the catch-up after downtime; a spend budget slows it, never these pushes.
 */
@ApplicationScoped
public class XActivityWatch {

    private static final Logger LOG = Logger.getLogger(XActivityWatch.class);

    /** A burst of events for one account (a thread posted at once) makes one poll. */
    private static final long COALESCE_MILLIS = 500;

    static final String HOOK_PATH = "/hooks/x-activity";

    private final XActivityConfig config;
    private final XConfig x;
    private final WebClient web;
    private final Poller poller;
    private final XUsage usage;
    private final String publicUrl;
    private final Map<Long, Set<String>> pendingDeletions = new ConcurrentHashMap<>();
    private final Set<String> subscribed = ConcurrentHashMap.newKeySet();
    private final Set<Long> scheduled = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService polls = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "x-activity-polls");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Map<String, Long> accountsByUserId = Map.of();
    private XActivityClient client;
    private Optional<String> webhookId = Optional.empty();

    XActivityWatch(
            XActivityConfig config, XConfig x, WebClient web, Poller poller, XUsage usage, InstanceConfig instance) {
        this.config = config;
        this.x = x;
        this.web = web;
        this.poller = poller;
        this.usage = usage;
        this.publicUrl = instance.publicUrl().replaceFirst("/+$", "");
    }

    void onStart(@Observes StartupEvent event) {
        if (config.enabled()) {
            start(x.baseUrl());
        }
    }

    /** Starts subscribing and receiving at this API base URL (the configured one, or a test's stand-in). */
    public synchronized void start(String baseUrl) {
        stop();
        Optional<String> bearer = x.bearerToken().map(String::strip).filter(token -> !token.isEmpty());
        if (bearer.isEmpty()) {
            LOG.info("X activity: no bearer token, so no pushes; X accounts cannot be watched either");
            return;
        }
        client = new XActivityClient(web, baseUrl, bearer.get(), config);
        if (config.mode() == XActivityConfig.Mode.WEBHOOK) {
            webhookId = client.webhook(publicUrl + HOOK_PATH);
        }
        // The accounts are known before the first event can arrive.
        refresh();
        if (config.mode() == XActivityConfig.Mode.STREAM) {
            client.openStream(this::heard);
        }
    }

    public synchronized void stop() {
        if (client != null) {
            client.close();
            client = null;
        }
        subscribed.clear();
        webhookId = Optional.empty();
    }

    /** Subscribes the X accounts watched now whose user id is known (it is learnt at an account's first good poll). */
    @Scheduled(
            every = "${afterimage.platforms.x.activity.refresh-every:PT1M}",
            executeWith = Scheduled.SIMPLE,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public synchronized void refresh() {
        if (client == null) {
            return;
        }
        if (config.mode() == XActivityConfig.Mode.WEBHOOK && webhookId.isEmpty()) {
            webhookId = client.webhook(publicUrl + HOOK_PATH);
            if (webhookId.isEmpty()) {
                return;
            }
        }
        Map<String, Long> byUserId = watchedUserIds();
        accountsByUserId = Map.copyOf(byUserId);
        Set<String> missing = new HashSet<>(byUserId.keySet());
        missing.removeAll(subscribed);
        if (!missing.isEmpty()) {
            subscribed.addAll(client.subscribe(missing, webhookId));
        }
    }

    /** The user ids this watch is subscribed to now. */
    public Set<String> subscribedUserIds() {
        return Set.copyOf(subscribed);
    }

    /** Takes in events from the stream or the webhook: hands over at once, polls on another thread. */
    public void heard(XActivityEvent event) {
        usage.event();
        Long accountId = accountsByUserId.get(event.userId());
        if (accountId == null) {
            return;
        }
        if (event.isDelete()) {
            pendingDeletions
                    .computeIfAbsent(accountId, id -> ConcurrentHashMap.newKeySet())
                    .add(event.postId());
        }
        if (scheduled.add(accountId)) {
            polls.schedule(() -> poll(accountId), COALESCE_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    @PreDestroy
    void close() {
        stop();
        polls.shutdownNow();
    }

    private void poll(long accountId) {
        scheduled.remove(accountId);
        Set<String> deletions = pendingDeletions.remove(accountId);
        Set<String> pushed = deletions == null ? Set.of() : Set.copyOf(deletions);
        try {
            poller.poll(accountId, pushed);
        } catch (RuntimeException e) {
            LOG.warnf(e, "poll of account %d after an X activity event failed; the scheduled polls go on", accountId);
        }
    }

    @Transactional
    Map<String, Long> watchedUserIds() {
        List<Account> accounts = Account.list("platform = ?1 and enabled = true", Platform.X);
        Map<String, Long> byUserId = new HashMap<>();
        for (Account account : accounts) {
            if (account.platformAccountId != null) {
                byUserId.put(account.platformAccountId, account.id);
            }
        }
        return byUserId;
    }
}
