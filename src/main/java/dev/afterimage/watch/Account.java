package dev.afterimage.watch;

import dev.afterimage.detect.Availability;
import dev.afterimage.detect.PollOutcome;
import dev.afterimage.detect.WatchHealth;
import dev.afterimage.source.AccountRef;
import dev.afterimage.source.Platform;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** A watched account. */
@Entity
@Table(name = "account")
public class Account extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Platform platform;

    /** The handle as the platform treats it (for Telegram, lower case: usernames are case-insensitive). */
    @Column(nullable = false)
    public String handle;

    @Column(name = "canonical_url", nullable = false)
    public String canonicalUrl;

    public String label;

    /** Accounts of one publisher on several platforms share a group, e.g. "Ministry of Defence". */
    @Column(name = "account_group")
    public String groupName;

    /** What the source needs to read this account (see {@link dev.afterimage.source.PlatformNaming#validateOptions}). */
    @Column(name = "options_json", nullable = false)
    public String optionsJson = "{}";

    /** The platform's stable id of the account, learnt at its first good poll (see {@link AccountRef#accountId()}). */
    @Column(name = "platform_account_id")
    public String platformAccountId;

    @Column(name = "poll_interval_seconds", nullable = false)
    public long pollIntervalSeconds;

    @Column(nullable = false)
    public boolean enabled;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Availability availability;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AccountOrigin origin;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "last_poll_at")
    public Instant lastPollAt;

    /** When the last recorded poll began its network work, by the clock of the time. */
    @Column(name = "last_poll_started_at")
    public Instant lastPollStartedAt;

    /**
     * The number of the newest poll recorded ({@code poll_number}, one sequence for all accounts): polls are ordered by
     * it, never by the wall clock; an observation of a poll numbered lower arriving later is stale.
     */
    @Column(name = "last_recorded_poll_seq", nullable = false)
    public long lastRecordedPollSeq;

    /**
     * How many record transactions have written the account's posts: a plan read at one count holds while the count
     * stands (and no re-check falls due), so a poll that finds its page as read before need not read the posts again.
     */
    @Column(name = "posts_version", nullable = false)
    public long postsVersion;

    @Enumerated(EnumType.STRING)
    @Column(name = "last_poll_outcome")
    public PollOutcome lastPollOutcome;

    @Column(name = "last_poll_detail")
    public String lastPollDetail;

    @Column(name = "last_success_at")
    public Instant lastSuccessAt;

    @Column(name = "unknown_since")
    public Instant unknownSince;

    @Column(name = "consecutive_unknown", nullable = false)
    public int consecutiveUnknown;

    @Column(name = "watch_failing", nullable = false)
    public boolean watchFailing;

    public AccountRef ref() {
        return new AccountRef(platform, handle, options(), platformAccountId);
    }

    public Map<String, String> options() {
        return AccountOptions.fromJson(optionsJson);
    }

    void setOptions(Map<String, String> options) {
        optionsJson = AccountOptions.toJson(options);
    }

    public Duration pollInterval() {
        return Duration.ofSeconds(pollIntervalSeconds);
    }

    public WatchHealth health() {
        return new WatchHealth(availability, consecutiveUnknown, unknownSince, watchFailing);
    }

    void apply(WatchHealth health) {
        availability = health.availability();
        consecutiveUnknown = health.consecutiveUnknown();
        unknownSince = health.unknownSince();
        watchFailing = health.failing();
    }

    public static Optional<Account> findByHandle(Platform platform, String handle) {
        return find("platform = ?1 and handle = ?2", platform, handle).firstResultOptional();
    }
}
