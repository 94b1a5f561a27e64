package dev.gatehouse.company.client;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import dev.gatehouse.common.client.RemoteProblems;
import dev.gatehouse.common.client.ServiceTokens;
import io.smallrye.mutiny.Uni;

/**
 * Sends and checks the SMS code that proves a company owns its phone number. Calls carry this service's own token;
 * otp-service's answers about the code (wrong, expired, locked, rate-limited) reach the caller unchanged, while an
 * unreachable otp-service becomes a 503.
 */
@ApplicationScoped
public class OtpGateway {

    private static final String SERVICE = "otp-service";
    private static final String UNAVAILABLE = "otp_service_unavailable";

    private final OtpApi otp;
    private final ServiceTokens tokens;

    OtpGateway(@RestClient OtpApi otp, ServiceTokens tokens) {
        this.otp = otp;
        this.tokens = tokens;
    }

    /**
     * Sends a company-verification code by SMS; answers the code's id. {@code clientIp} (may be {@code null}) is the
     * end user's address, which otp-service's per-IP SMS budget counts.
     */
    public Uni<UUID> sendCompanyCode(UUID companyKey, String phoneNumber, String clientIp) {
        Map<String, Object> request = new HashMap<>();
        request.put("type", "COMPANY_VERIFICATION");
        request.put("channel", "SMS");
        request.put("destination", phoneNumber);
        request.put("subjectId", companyKey.toString());
        if (clientIp != null) {
            request.put("clientIp", clientIp);
        }
        return tokens.authorization().flatMap(bearer -> otp.create(bearer, request))
                .map(created -> UUID.fromString(String.valueOf(created.get("id"))))
                .onFailure().transform(failure -> RemoteProblems.translate(failure, SERVICE, UNAVAILABLE));
    }

    /**
     * Checks a code. Not retried: a retry after a lost answer would count a second attempt against the code. Answers
     * the subject the code was issued for, which the caller compares with the company it expects.
     */
    public Uni<UUID> verify(UUID otpId, String code) {
        return tokens.authorization().flatMap(bearer -> otp.verify(bearer, otpId, Map.of("code", code)))
                .map(verified -> UUID.fromString(String.valueOf(verified.get("subjectId"))))
                .onFailure().transform(failure -> RemoteProblems.translate(failure, SERVICE, UNAVAILABLE));
    }

}
