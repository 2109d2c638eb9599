package dev.afterimage.ops;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;

/** Ready only while Quartz runs: a stopped scheduler polls nothing, and nothing else would say so. */
@Readiness
@ApplicationScoped
public class SchedulerHealth implements HealthCheck {

    private final Scheduler scheduler;

    SchedulerHealth(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("scheduler");
        try {
            boolean running = scheduler.isStarted() && !scheduler.isShutdown() && !scheduler.isInStandbyMode();
            return response.status(running)
                    .withData("instance", scheduler.getSchedulerInstanceId())
                    .withData("clustered", scheduler.getMetaData().isJobStoreClustered())
                    .build();
        } catch (SchedulerException e) {
            return response.down().withData("reason", e.getMessage()).build();
        }
    }
}
