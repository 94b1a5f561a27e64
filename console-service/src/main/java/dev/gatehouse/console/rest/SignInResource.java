package dev.gatehouse.console.rest;

import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.Cancellable;

import dev.gatehouse.console.ConsoleSession;
import dev.gatehouse.console.client.AuthClient;
import dev.gatehouse.console.client.ServiceProblem;
import dev.gatehouse.console.service.Secrets;
import dev.gatehouse.console.service.SessionService;

/**
 * Signing in, creating an account, asking for a reset link, signing out and choosing the language. Before sign-in
 * there is no session to hold a CSRF token, so these forms use a double-submit token: a random value in an HttpOnly,
 * SameSite=Strict cookie that the form must repeat.
 */
// A client that hangs up must not cancel work that holds a transaction: it finishes or rolls back.
@Cancellable(false)
@Path(ConsolePages.ROOT)
public class SignInResource {

    private final ConsolePages pages;
    private final SessionService sessions;
    private final AuthClient auth;

    public SignInResource(ConsolePages pages, SessionService sessions, AuthClient auth) {
        this.pages = pages;
        this.sessions = sessions;
        this.auth = auth;
    }

    @GET
    public Response home() {
        Visit visit = pages.visit();
        return ConsolePages.redirect(sessions.find(visit.sessionCookie()).isPresent() ? ConsolePages.ROOT + "/me"
                : ConsolePages.ROOT + "/sign-in");
    }

    @GET
    @Path("/sign-in")
    public Response signInPage(@QueryParam("ended") boolean ended, @QueryParam("notice") String notice) {
        Visit visit = pages.visit();
        if (sessions.find(visit.sessionCookie()).isPresent()) {
            return ConsolePages.redirect(ConsolePages.ROOT + "/me");
        }
        ConsoleMessages msg = ConsolePages.messages(visit.locale());
        return signIn(visit, null, ended, publicNotice(notice, msg), 200);
    }

    @POST
    @Path("/sign-in")
    public Response signIn(@FormParam("csrf") String csrf, @FormParam("identifier") String identifier,
            @FormParam("password") String password) {
        Visit visit = pages.visit();
        requirePreSessionCsrf(visit, csrf);
        ConsoleMessages msg = ConsolePages.messages(visit.locale());
        if (identifier == null || identifier.isBlank() || password == null || password.isEmpty()) {
            return signIn(visit, identifier, false, new ConsoleSession.Flash("error", msg.errorMissing()), 400);
        }
        try {
            SessionService.SignedIn signedIn = sessions.signIn(identifier, password, visit.clientAddress(),
                    visit.userAgent());
            return Response.seeOther(java.net.URI.create(ConsolePages.ROOT + "/me"))
                    .cookie(pages.sessionCookie(signedIn.cookieValue()))
                    .cacheControl(ConsolePages.noStore()).build();
        } catch (ServiceProblem problem) {
            return signIn(visit, identifier, false, new ConsoleSession.Flash("error", ProblemText.of(problem, msg)),
                    problem.status() >= 500 ? 503 : problem.status() == 429 ? 429 : 401);
        }
    }

    private Response signIn(Visit visit, String identifier, boolean ended, ConsoleSession.Flash notice,
            int status) {
        ConsoleMessages msg = ConsolePages.messages(visit.locale());
        String csrf = preSessionToken(visit);
        Response page = pages.page(Templates.signIn(pages.publicChrome(visit, msg.signInTitle(),
                ConsolePages.ROOT + "/sign-in", csrf, notice), identifier, ended), visit, status);
        return Response.fromResponse(page).cookie(pages.preSessionCsrfCookie(csrf)).build();
    }

    @GET
    @Path("/sign-up")
    public Response signUpPage() {
        Visit visit = pages.visit();
        return signUp(visit, null, 200);
    }

    @POST
    @Path("/sign-up")
    public Response signUp(@FormParam("csrf") String csrf, @FormParam("email") String email,
            @FormParam("phoneNumber") String phoneNumber, @FormParam("password") String password) {
        Visit visit = pages.visit();
        requirePreSessionCsrf(visit, csrf);
        ConsoleMessages msg = ConsolePages.messages(visit.locale());
        if (email == null || email.isBlank() || phoneNumber == null || phoneNumber.isBlank() || password == null
                || password.isEmpty()) {
            return signUp(visit, new ConsoleSession.Flash("error", msg.errorMissing()), 400);
        }
        try {
            auth.register(email.strip(), password, phoneNumber.strip(), visit.clientAddress());
            return ConsolePages.redirect(ConsolePages.ROOT + "/sign-in?notice=signed-up");
        } catch (ServiceProblem problem) {
            return signUp(visit, new ConsoleSession.Flash("error", ProblemText.of(problem, msg)),
                    problem.status() >= 500 ? 503 : 400);
        }
    }

    private Response signUp(Visit visit, ConsoleSession.Flash notice, int status) {
        ConsoleMessages msg = ConsolePages.messages(visit.locale());
        String csrf = preSessionToken(visit);
        Response page = pages.page(Templates.signUp(pages.publicChrome(visit, msg.signUpTitle(),
                ConsolePages.ROOT + "/sign-up", csrf, notice)), visit, status);
        return Response.fromResponse(page).cookie(pages.preSessionCsrfCookie(csrf)).build();
    }

    @GET
    @Path("/forgot-password")
    public Response forgotPage() {
        return forgot(pages.visit(), null, 200);
    }

    @POST
    @Path("/forgot-password")
    public Response forgot(@FormParam("csrf") String csrf, @FormParam("email") String email) {
        Visit visit = pages.visit();
        requirePreSessionCsrf(visit, csrf);
        ConsoleMessages msg = ConsolePages.messages(visit.locale());
        if (email == null || email.isBlank()) {
            return forgot(visit, new ConsoleSession.Flash("error", msg.errorMissing()), 400);
        }
        try {
            auth.forgotPassword(email.strip(), visit.clientAddress());
            return ConsolePages.redirect(ConsolePages.ROOT + "/sign-in?notice=reset-sent");
        } catch (ServiceProblem problem) {
            return forgot(visit, new ConsoleSession.Flash("error", ProblemText.of(problem, msg)),
                    problem.status() >= 500 ? 503 : 400);
        }
    }

    private Response forgot(Visit visit, ConsoleSession.Flash notice, int status) {
        ConsoleMessages msg = ConsolePages.messages(visit.locale());
        String csrf = preSessionToken(visit);
        Response page = pages.page(Templates.forgot(pages.publicChrome(visit, msg.forgotTitle(),
                ConsolePages.ROOT + "/forgot-password", csrf, notice)), visit, status);
        return Response.fromResponse(page).cookie(pages.preSessionCsrfCookie(csrf)).build();
    }

    /** Ends the Gatehouse session too, not only the console's. */
    @POST
    @Path("/sign-out")
    public Response signOut(@FormParam("csrf") String csrf) {
        Visit visit = pages.visit();
        var session = sessions.find(visit.sessionCookie());
        if (session.isPresent()) {
            sessions.checkCsrf(session.get(), csrf);
            sessions.signOut(session.get(), visit.clientAddress());
        }
        return Response.seeOther(java.net.URI.create(ConsolePages.ROOT + "/sign-in?notice=signed-out"))
                .cookie(pages.expiredSessionCookie()).cacheControl(ConsolePages.noStore()).build();
    }

    /** A link, not a form: choosing a language changes nothing but how pages read. */
    @GET
    @Path("/language")
    public Response language(@QueryParam("lang") String lang, @QueryParam("back") String back) {
        String target = back != null && back.startsWith(ConsolePages.ROOT) && !back.contains("//")
                && !back.contains("\\") ? back : ConsolePages.ROOT;
        Response redirect = ConsolePages.redirect(target);
        return Languages.supported(lang) ? Response.fromResponse(redirect).cookie(pages.languageCookie(lang)).build()
                : redirect;
    }

    private void requirePreSessionCsrf(Visit visit, String csrf) {
        if (!Secrets.sameText(visit.preSessionCsrf(), csrf)) {
            throw new dev.gatehouse.console.service.CsrfRejected();
        }
    }

    private static String preSessionToken(Visit visit) {
        return visit.preSessionCsrf() != null && visit.preSessionCsrf().length() == 43 ? visit.preSessionCsrf()
                : Secrets.random();
    }

    private static ConsoleSession.Flash publicNotice(String notice, ConsoleMessages msg) {
        if (notice == null) {
            return null;
        }
        return switch (notice) {
            case "signed-up" -> new ConsoleSession.Flash("success", msg.signedUp());
            case "reset-sent" -> new ConsoleSession.Flash("success", msg.forgotSent());
            case "signed-out" -> new ConsoleSession.Flash("success", msg.signedOut());
            case "deleted" -> new ConsoleSession.Flash("success", msg.accountDeleted());
            default -> null;
        };
    }
}
