package dev.gatehouse.approval.config;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** approval-service settings. Every key has a default; the README lists them with their environment variables. */
@ConfigMapping(prefix = "gatehouse.approval")
public interface ApprovalConfig {

    /** How long a request waits for a decision before it expires (ISO-8601). */
    @WithDefault("P14D")
    Duration requestTtl();

    Expiry expiry();

    CompanyService companyService();

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
        @Min(1)
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

    /**
     * Calls to company-service. Timeouts are the REST client's ({@code quarkus.rest-client.company-service.*}); these
     * bound the retries, which are only made for calls company-service documents as idempotent.
     */
    interface CompanyService {
        /** Extra tries after a connection failure, a timeout or a 5xx. */
        @WithDefault("2")
        @Min(0)
        @Max(5)
        int maxRetries();

        /** First wait between tries; it doubles up to {@link #maxBackoff()}. */
        @WithDefault("PT0.1S")
        Duration retryBackoff();

        @WithDefault("PT1S")
        Duration maxBackoff();
    }
}
