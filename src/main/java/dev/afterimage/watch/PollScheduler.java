package dev.afterimage.watch;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.logging.Logger;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.matchers.GroupMatcher;

/**
 * One Quartz job per enabled account, stored in the database: in a cluster each account is polled by one
 * node, and a node that dies hands its accounts to the others.
 */
@ApplicationScoped
public class PollScheduler {

    private static final Logger LOG = Logger.getLogger(PollScheduler.class);
    private static final String GROUP = "account-polls";
    private static final String ACCOUNT_ID = "accountId";

    /** How late a scheduled poll starts against when it was due. */
    static final String LAG_METRIC = "afterimage.poll.lag";

    private final Scheduler quartz;
    private final WatchConfig config;

    PollScheduler(Scheduler quartz, WatchConfig config, MeterRegistry metrics) {
        this.quartz = quartz;
        this.config = config;
        // Registered before the first scheduled poll, so a dashboard shows the lag of none rather than no data.
        metrics.timer(LAG_METRIC);
    }

    void onStart(@Observes StartupEvent event) {
        if (config.schedulerEnabled()) {
            synchronise();
        }
    }

    /** Makes the stored jobs match the accounts: one per enabled account at its interval, none for the others. */
    public void synchronise() {
        List<Account> enabled = enabledAccounts();
        Set<JobKey> wanted = new HashSet<>();
        for (Account account : enabled) {
            wanted.add(keyOf(account.id));
            schedule(account.id, account.pollInterval());
        }
        try {
            for (JobKey key : quartz.getJobKeys(GroupMatcher.jobGroupEquals(GROUP))) {
                if (!wanted.contains(key)) {
                    quartz.deleteJob(key);
                }
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException("could not list the scheduled polls", e);
        }
    }

    /** (Re)schedules polling of an account; its first poll comes after a random part of the interval. */
    public void schedule(long accountId, Duration interval) {
        if (!config.schedulerEnabled()) {
            return;
        }
        JobKey key = keyOf(accountId);
        JobDetail job = JobBuilder.newJob(PollJob.class)
                .withIdentity(key)
                .usingJobData(ACCOUNT_ID, Long.toString(accountId))
                .requestRecovery()
                .build();
        long intervalMillis = interval.toMillis();
        long offsetMillis = (long) (ThreadLocalRandom.current().nextDouble() * config.jitter() * intervalMillis);
        Trigger trigger = TriggerBuilder.newTrigger()
                .withIdentity(key.getName(), GROUP)
                .forJob(key)
                .startAt(new Date(System.currentTimeMillis() + offsetMillis))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(intervalMillis)
                        .repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
        try {
            Trigger existing = quartz.getTrigger(trigger.getKey());
            if (existing instanceof org.quartz.SimpleTrigger simple && simple.getRepeatInterval() == intervalMillis) {
                return;
            }
            quartz.scheduleJob(job, Set.of(trigger), true);
        } catch (SchedulerException e) {
            throw new IllegalStateException("could not schedule polls of account " + accountId, e);
        }
    }

    public void unschedule(long accountId) {
        try {
            quartz.deleteJob(keyOf(accountId));
        } catch (SchedulerException e) {
            throw new IllegalStateException("could not unschedule polls of account " + accountId, e);
        }
    }

    /** Whether polls of the account are scheduled, and at what interval. */
    public java.util.Optional<Duration> scheduledInterval(long accountId) {
        try {
            Trigger trigger =
                    quartz.getTrigger(new org.quartz.TriggerKey(keyOf(accountId).getName(), GROUP));
            return trigger instanceof org.quartz.SimpleTrigger simple
                    ? java.util.Optional.of(Duration.ofMillis(simple.getRepeatInterval()))
                    : java.util.Optional.empty();
        } catch (SchedulerException e) {
            throw new IllegalStateException("could not read the schedule of account " + accountId, e);
        }
    }

    @Transactional
    List<Account> enabledAccounts() {
        return Account.list("enabled", true);
    }

    private static JobKey keyOf(long accountId) {
        return new JobKey("account-" + accountId, GROUP);
    }

    /** Quartz creates one per firing; it only hands over to the {@link Poller}. */
    @DisallowConcurrentExecution
    public static class PollJob implements Job {

        @Inject
        Poller poller;

        @Inject
        MeterRegistry metrics;

        @Override
        public void execute(JobExecutionContext context) {
            if (context.getScheduledFireTime() != null) {
                // How late the poll starts against when it was due: the cost of scheduling made visible.
                metrics.timer(LAG_METRIC)
                        .record(Duration.between(context.getScheduledFireTime().toInstant(), Instant.now()));
            }
            // The JDBC job store keeps job data as strings (quarkus.quartz uses properties mode).
            long accountId = Long.parseLong(context.getMergedJobDataMap().getString(ACCOUNT_ID));
            try {
                poller.pollScheduled(accountId);
            } catch (AccountNotFoundException e) {
                LOG.infof("account %d no longer exists; dropping its polls", accountId);
                try {
                    context.getScheduler().deleteJob(context.getJobDetail().getKey());
                } catch (SchedulerException ex) {
                    LOG.warnf(ex, "could not drop the polls of deleted account %d", accountId);
                }
            } catch (RuntimeException e) {
                LOG.errorf(e, "poll of account %d failed; it is retried at the next interval", accountId);
            }
        }
    }
}
