package dev.gatehouse.auth.client;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import dev.gatehouse.common.client.RemoteProblems;
import io.smallrye.mutiny.Uni;

/**
 * Sends an email through otp-service, which owns SMTP, delivery records and the per-destination rate limit. The
 * call carries auth-service's own service token. It is not retried: otp-service may have handed the mail to SMTP
 * before the answer was lost, and a duplicate reset email is worse than asking the person to try again.
 * <p>
 * Failures come back as {@link dev.gatehouse.common.problem.ApiException}: otp-service's own 4xx (such as 429
 * {@code rate_limited}) unchanged, anything else as 503 {@code otp_service_unavailable}.
 */
@ApplicationScoped
public class EmailGateway {

    private static final String SERVICE = "otp-service";
    private static final String UNAVAILABLE = "otp_service_unavailable";

    private final MessagesApi messages;
    private final OwnServiceToken token;

    EmailGateway(@RestClient MessagesApi messages, OwnServiceToken token) {
        this.messages = messages;
        this.token = token;
    }

    /** {@code html} is optional; {@code text} is what every mail client can show. */
    public Uni<Void> send(String to, String subject, String text, String html) {
        MessagesApi.OutgoingMessage message = new MessagesApi.OutgoingMessage("EMAIL", to, subject, text, html);
        return Uni.createFrom().item(token::authorization)
                .flatMap(bearer -> messages.send(bearer, message))
                .replaceWithVoid()
                .onFailure().transform(failure -> RemoteProblems.translate(failure, SERVICE, UNAVAILABLE));
    }
}
