package dev.gatehouse.console.rest;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.Cancellable;

import dev.gatehouse.console.ConsoleSession;
import dev.gatehouse.console.client.AuthClient;
import dev.gatehouse.console.client.Model;
import dev.gatehouse.console.client.ServiceProblem;
import dev.gatehouse.console.rest.view.BackgroundForm;
import dev.gatehouse.console.service.SessionService;
import dev.gatehouse.console.service.SignInRequired;

/** The signed-in person's own account: verification, devices, password, backgrounds, deletion. */
// A client that hangs up must not cancel work that holds a transaction: it finishes or rolls back.
@Cancellable(false)
@Path(ConsolePages.ROOT + "/me")
public class MeResource {

    private static final String PAGE = ConsolePages.ROOT + "/me";

    private final ConsolePages pages;
    private final SessionService sessions;
    private final AuthClient auth;

    public MeResource(ConsolePages pages, SessionService sessions, AuthClient auth) {
        this.pages = pages;
        this.sessions = sessions;
        this.auth = auth;
    }

    @GET
    public Response page() {
        Visit visit = pages.visit();
        ConsoleSession session = pages.session(visit);
        String token = sessions.accessToken(session, visit.clientAddress());
        Model.User user = auth.me(token);
        List<Model.SessionInfo> devices = auth.sessions(token);
        BackgroundForm software = software(token);
        BackgroundForm hardware = hardware(token);
        ConsoleMessages msg = ConsolePages.messages(visit.locale());
        return pages.page(Templates.me(pages.chrome(visit, session, msg.meTitle(), PAGE, "me"), user, devices,
                software, hardware), visit);
    }

    @POST
    @Path("/verification/{channel}/send")
    public Response sendCode(@PathParam("channel") String channel, @FormParam("csrf") String csrf) {
        return pages.act(csrf, PAGE, (token, msg) -> {
            auth.startVerification(token, channel(channel));
            return msg.codeSent();
        });
    }

    @POST
    @Path("/verification/{channel}/confirm")
    public Response confirmCode(@PathParam("channel") String channel, @FormParam("csrf") String csrf,
            @FormParam("code") String code) {
        return pages.act(csrf, PAGE, true, (token, msg) -> {
            auth.confirmVerification(token, channel(channel), ConsolePages.required(code));
            return msg.confirmed();
        });
    }

    /** The language of the person's emails and text messages; an empty choice goes back to the browser's. */
    @POST
    @Path("/locale")
    public Response setLocale(@FormParam("csrf") String csrf, @FormParam("locale") String locale) {
        return pages.act(csrf, PAGE, (token, msg) -> {
            auth.setLocale(token, ConsolePages.optional(locale));
            return msg.messageLanguageSaved();
        });
    }

    @POST
    @Path("/sessions/{id}/revoke")
    public Response revoke(@PathParam("id") UUID id, @FormParam("csrf") String csrf) {
        return pages.act(csrf, PAGE, (token, msg) -> {
            auth.revokeSession(token, id);
            return msg.sessionRevoked();
        });
    }

    /** Ends every Gatehouse session of the person, this browser's included. */
    @POST
    @Path("/sessions/sign-out-everywhere")
    public Response signOutEverywhere(@FormParam("csrf") String csrf) {
        Visit visit = pages.visit();
        ConsoleSession session = pages.session(visit);
        sessions.checkCsrf(session, csrf);
        try {
            auth.logoutAll(sessions.accessToken(session, visit.clientAddress()));
        } catch (ServiceProblem problem) {
            if (!problem.unauthenticated()) {
                sessions.flash(session, true, ProblemText.of(problem, ConsolePages.messages(visit.locale())));
                return ConsolePages.redirect(PAGE);
            }
        }
        sessions.forget(session);
        return Response.seeOther(URI.create(ConsolePages.ROOT + "/sign-in?notice=signed-out"))
                .cookie(pages.expiredSessionCookie()).cacheControl(ConsolePages.noStore()).build();
    }

    @POST
    @Path("/password")
    public Response changePassword(@FormParam("csrf") String csrf, @FormParam("currentPassword") String current,
            @FormParam("newPassword") String next) {
        return pages.act(csrf, PAGE, (token, msg) -> {
            try {
                auth.changePassword(token, ConsolePages.required(current), ConsolePages.required(next));
            } catch (ServiceProblem problem) {
                throw currentPasswordWrong(problem);
            }
            return msg.passwordChanged();
        });
    }

    @POST
    @Path("/delete")
    public Response delete(@FormParam("csrf") String csrf, @FormParam("password") String password) {
        Visit visit = pages.visit();
        ConsoleSession session = pages.session(visit);
        sessions.checkCsrf(session, csrf);
        ConsoleMessages msg = ConsolePages.messages(visit.locale());
        if (password == null || password.isEmpty()) {
            sessions.flash(session, true, msg.errorMissing());
            return ConsolePages.redirect(PAGE);
        }
        try {
            auth.deleteMe(sessions.accessToken(session, visit.clientAddress()), password);
        } catch (ServiceProblem problem) {
            if (problem.unauthenticated()) {
                sessions.forget(session);
                throw new SignInRequired(true);
            }
            sessions.flash(session, true, ProblemText.of(currentPasswordWrong(problem), msg));
            return ConsolePages.redirect(PAGE);
        }
        sessions.forget(session);
        return Response.seeOther(URI.create(ConsolePages.ROOT + "/sign-in?notice=deleted"))
                .cookie(pages.expiredSessionCookie()).cacheControl(ConsolePages.noStore()).build();
    }

    @POST
    @Path("/background/software")
    public Response software(@FormParam("csrf") String csrf, @FormParam("level") String level,
            @FormParam("first") String languages, @FormParam("second") String frameworks) {
        return pages.act(csrf, PAGE, (token, msg) -> {
            auth.putSoftware(token, new Model.SoftwareBackground(ConsolePages.required(level), list(languages),
                    list(frameworks)));
            return msg.saved();
        });
    }

    @POST
    @Path("/background/hardware")
    public Response hardware(@FormParam("csrf") String csrf, @FormParam("level") String level,
            @FormParam("first") String platforms, @FormParam("second") String deviceTypes) {
        return pages.act(csrf, PAGE, (token, msg) -> {
            auth.putHardware(token, new Model.HardwareBackground(ConsolePages.required(level), list(platforms),
                    list(deviceTypes)));
            return msg.saved();
        });
    }

    private BackgroundForm software(String token) {
        try {
            Model.SoftwareBackground background = auth.software(token);
            return new BackgroundForm(background.experienceLevel(), text(background.preferredLanguages()),
                    text(background.preferredFrameworks()));
        } catch (ServiceProblem problem) {
            if (problem.status() == 404) {
                return new BackgroundForm(null, "", "");
            }
            throw problem;
        }
    }

    private BackgroundForm hardware(String token) {
        try {
            Model.HardwareBackground background = auth.hardware(token);
            return new BackgroundForm(background.experienceLevel(), text(background.preferredPlatforms()),
                    text(background.deviceTypes()));
        } catch (ServiceProblem problem) {
            if (problem.status() == 404) {
                return new BackgroundForm(null, "", "");
            }
            throw problem;
        }
    }

    /**
     * auth-service answers a wrong current password with the sign-in code {@code invalid_credentials}; here it can
     * only mean the password typed into this form.
     */
    private static ServiceProblem currentPasswordWrong(ServiceProblem problem) {
        return "invalid_credentials".equals(problem.code())
                ? new ServiceProblem(problem.status(), "wrong_password", problem.detail(), problem.errors(), null)
                : problem;
    }

    /** Only the two channels auth-service has; anything else is a form nobody rendered. */
    private static String channel(String channel) {
        if (!"phone".equals(channel) && !"email".equals(channel)) {
            throw new ServiceProblem(404, "not_found", null, List.of(), null);
        }
        return channel;
    }

    static List<String> list(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split(",")).map(String::strip).filter(entry -> !entry.isEmpty()).toList();
    }

    private static String text(List<String> entries) {
        return entries == null ? "" : String.join(", ", entries);
    }
}
