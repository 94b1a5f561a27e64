package dev.gatehouse.approval.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Marks pending requests past their deadline EXPIRED. Reads already treat them as expired, so the job only makes the
 * stored status catch up; the UPDATE is idempotent, so replicas running it at the same moment do no harm.
 */
@ApplicationScoped
public class ExpiryJob {

    private static final Logger LOG = Logger.getLogger(ExpiryJob.class);

    private final RequestStore store;

    public ExpiryJob(RequestStore store) {
        this.store = store;
    }

    @Scheduled(identity = "expire-join-requests", every = "${gatehouse.approval.expiry.every:5m}", delayed = "${gatehouse.approval.expiry.delay:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> run() {
        return store.expireOverdue()
                .invoke(expired -> {
                    if (expired > 0) {
                        LOG.infof("%d join requests expired", expired);
                    }
                })
                .onFailure().invoke(failure -> LOG.warn("Expiring join requests failed; the next run tries again",
                        failure))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
