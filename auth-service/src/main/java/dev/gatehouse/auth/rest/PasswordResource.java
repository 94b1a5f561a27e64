package dev.gatehouse.auth.rest;

import java.util.regex.Pattern;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.Cancellable;

import dev.gatehouse.auth.rest.dto.ForgotPasswordRequest;
import dev.gatehouse.auth.rest.dto.Patterns;
import dev.gatehouse.auth.rest.dto.ResetPasswordRequest;
import dev.gatehouse.auth.service.ClientInfo;
import dev.gatehouse.auth.service.ForgotPasswordService;
import dev.gatehouse.auth.service.PasswordResetService;
import dev.gatehouse.auth.service.PasswordResetService.LinkState;
import dev.gatehouse.auth.service.RequestLimits;
import dev.gatehouse.common.problem.ApiException;
import dev.gatehouse.common.problem.FieldError;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/** Forgot password: ask for a reset email, then set a new password with its link (page or JSON) or its code. */
// A client that hangs up must not cancel work that holds a transaction: it finishes or rolls back.
@Cancellable(false)
@Path("/auth/password")
public class PasswordResource {

    private static final Pattern PASSWORD = Pattern.compile(Patterns.PASSWORD);

    private final ForgotPasswordService forgot;
    private final PasswordResetService resets;
    private final HttpServerRequest request;
    private final RequestLimits limits;

    public PasswordResource(ForgotPasswordService forgot, PasswordResetService resets, HttpServerRequest request,
            RequestLimits limits) {
        this.limits = limits;
        this.forgot = forgot;
        this.resets = resets;
        this.request = request;
    }

    /** 202 at once for every well-formed request, whether or not the account exists; the work follows the answer. */
    @POST
    @Path("/forgot")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ask for a password reset link or code by email")
    @APIResponse(responseCode = "202", description = "Accepted, whether or not the account exists")
    @APIResponse(responseCode = "400", description = "validation_failed: invalid fields, listed in errors")
    @APIResponse(responseCode = "429", description = "rate_limited, with Retry-After")
    public Uni<RestResponse<Void>> forgot(@Valid @NotNull ForgotPasswordRequest body) {
        ClientInfo client = RequestClient.of(request);
        return limits.forgot(body.email(), client).map(ignored -> {
            forgot.requestAfterAnswer(body.email(), body.method(), client);
            return RestResponse.accepted();
        });
    }

    @POST
    @Path("/reset")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set a new password with a reset link token or an emailed code")
    @APIResponse(responseCode = "204", description = "The password is changed and every session ended")
    @APIResponse(responseCode = "400", description = "reset_invalid, or validation_failed with errors")
    @APIResponse(responseCode = "429", description = "rate_limited, with Retry-After")
    @APIResponse(responseCode = "503", description = "hashing_busy, with Retry-After")
    public Uni<RestResponse<Void>> reset(@Valid @NotNull ResetPasswordRequest body) {
        FieldError wrongMode = body.modeError();
        if (wrongMode != null) {
            throw ApiException.invalidField(wrongMode.field(), wrongMode.message());
        }
        ClientInfo client = RequestClient.of(request);
        Uni<Void> done = body.byLink()
                ? limits.resetByLink(client).chain(() -> resets.resetWithLink(body.token(), body.newPassword(), client))
                : limits.resetByCode(body.email(), client)
                        .chain(() -> resets.resetWithCode(body.email(), body.code(), body.newPassword(), client));
        return done.map(ignored -> RestResponse.noContent());
    }

    /** The page the emailed link opens. Looking does not spend the link. */
    @GET
    @Path("/reset")
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The HTML page where a reset link sets a new password")
    @APIResponse(responseCode = "200", description = "The form", content = @Content(mediaType = MediaType.TEXT_HTML))
    @APIResponse(responseCode = "400", description = "The link is not valid (an HTML page)", content = @Content(mediaType = MediaType.TEXT_HTML))
    @APIResponse(responseCode = "410", description = "The link expired or was used (an HTML page)", content = @Content(mediaType = MediaType.TEXT_HTML))
    public Uni<RestResponse<String>> page(@RestQuery String token) {
        return resets.inspectLink(token).map(state -> state == LinkState.USABLE
                ? PasswordResetPage.form(200, token, null, PageLanguage.of(request))
                : PasswordResetPage.unusable(state, PageLanguage.of(request)));
    }

    /** The page's form posted without JavaScript; answered with the next page instead of JSON. */
    @POST
    @Path("/reset")
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "What the reset page posts when JavaScript is off")
    @APIResponse(responseCode = "200", description = "The next HTML page", content = @Content(mediaType = MediaType.TEXT_HTML))
    @APIResponse(responseCode = "400", description = "The password was refused (an HTML page)", content = @Content(mediaType = MediaType.TEXT_HTML))
    @APIResponse(responseCode = "410", description = "The link expired or was used (an HTML page)", content = @Content(mediaType = MediaType.TEXT_HTML))
    public Uni<RestResponse<String>> resetFromPage(@RestForm String token, @RestForm String newPassword,
            @RestForm String confirmPassword) {
        String lang = PageLanguage.of(request);
        if (token == null || token.isBlank() || token.length() > 200) {
            return Uni.createFrom().item(PasswordResetPage.unusable(LinkState.INVALID, lang));
        }
        if (newPassword == null || !PASSWORD.matcher(newPassword).matches()) {
            return Uni.createFrom().item(PasswordResetPage.form(400, token, PasswordResetPage.FormError.RULE, lang));
        }
        if (!newPassword.equals(confirmPassword)) {
            return Uni.createFrom()
                    .item(PasswordResetPage.form(400, token, PasswordResetPage.FormError.MISMATCH, lang));
        }
        ClientInfo client = RequestClient.of(request);
        return limits.resetByLink(client)
                .chain(() -> resets.resetWithLink(token, newPassword, client))
                .map(ignored -> PasswordResetPage.changed(lang))
                // A refused link gets the page that says why; a limit or a busy service keeps its own answer.
                .onFailure(failure -> failure instanceof ApiException refusal && refusal.problem().status() == 400)
                .recoverWithUni(refused -> resets.inspectLink(token).map(state -> PasswordResetPage.unusable(state, lang)));
    }
}
