package dev.gatehouse.auth.rest;

import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.Cancellable;

import dev.gatehouse.auth.service.ClientInfo;
import dev.gatehouse.auth.service.RequestLimits;
import dev.gatehouse.auth.service.VerificationService;
import dev.gatehouse.common.problem.ApiException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/**
 * Where the link in a verification email leads. Opening it confirms the address: whoever can read the mailbox has
 * proved it, so a mail scanner that opens the link first does no harm. Every answer, refusals included, is a page.
 */
// A client that hangs up must not cancel work that holds a transaction: it finishes or rolls back.
@Cancellable(false)
@Path("/auth/email/verify")
@PermitAll
public class EmailVerificationPageResource {

    private static final Logger LOG = Logger.getLogger(EmailVerificationPageResource.class);

    private final VerificationService verification;
    private final HttpServerRequest request;
    private final RequestLimits limits;

    public EmailVerificationPageResource(VerificationService verification, HttpServerRequest request,
            RequestLimits limits) {
        this.limits = limits;
        this.verification = verification;
        this.request = request;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The HTML page an email verification link opens")
    @APIResponse(responseCode = "200", description = "The address is confirmed", content = @Content(mediaType = MediaType.TEXT_HTML))
    @APIResponse(responseCode = "400", description = "The link is not valid (an HTML page)", content = @Content(mediaType = MediaType.TEXT_HTML))
    @APIResponse(responseCode = "409", description = "The account uses another address now (an HTML page)", content = @Content(mediaType = MediaType.TEXT_HTML))
    @APIResponse(responseCode = "410", description = "The link expired, was used or is locked (an HTML page)", content = @Content(mediaType = MediaType.TEXT_HTML))
    @APIResponse(responseCode = "503", description = "Codes cannot be checked right now (an HTML page)", content = @Content(mediaType = MediaType.TEXT_HTML))
    public Uni<RestResponse<String>> verify(@RestQuery String token) {
        ClientInfo client = RequestClient.of(request);
        String lang = PageLanguage.of(request);
        // A refusal by the request limits is answered as problem+json with Retry-After, not as a page about the link.
        return limits.verificationLink(client).chain(() -> verification.confirmLink(token, client)
                .map(user -> EmailVerificationPage.confirmed(user.email, lang))
                .onFailure().recoverWithItem(failure -> {
                    if (failure instanceof ApiException refusal) {
                        return EmailVerificationPage.refused(refusal, lang);
                    }
                    String errorId = UUID.randomUUID().toString();
                    LOG.errorf(failure, "Email link verification failed unexpectedly (error id %s)", errorId);
                    return EmailVerificationPage.broken(errorId, lang);
                }));
    }
}
