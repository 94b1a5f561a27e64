package dev.gatehouse.approval.config;

import java.time.Duration;

import dev.gatehouse.common.config.AtLeastOne;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;

/** approval-service settings. Every key has a default; the README lists them with their environment variables. */
@ConfigMapping(prefix = "gatehouse.approval")
public interface ApprovalConfig {

    /** How long a request waits for a decision before it expires (ISO-8601). */
    @WithDefault("P14D")
    Duration requestTtl();

    Expiry expiry();

    Reconciliation reconciliation();

    /** The job that finishes approvals left in APPROVING by a lost answer or a crash. */
    interface Reconciliation {
        /** How often it runs: a scheduler interval such as {@code 30s}, or {@code off} to disable it. */
        @WithDefault("30s")
        String every();

        /** Wait after start-up before the first run. */
        @WithDefault("10s")
        String delay();

        /** How long an approval may stay APPROVING before the job takes it over from the request that began it. */
        @WithDefault("PT30S")
        Duration staleAfter();

        /** Approvals handled per run. */
        @WithDefault("50")
        @WithConverter(AtLeastOne.class)
        int batchSize();
    }

    /** The job that marks overdue pending requests EXPIRED. */
    interface Expiry {
        /** How often it runs: a scheduler interval such as {@code 5m}, or {@code off} to disable it. */
        @WithDefault("5m")
        String every();

        /** Wait after start-up before the first run. */
        @WithDefault("30s")
        String delay();
    }
}
