package dev.gatehouse.console.rest;

import java.net.URI;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import dev.gatehouse.console.ConsoleSession;
import dev.gatehouse.console.client.ServiceProblem;
import dev.gatehouse.console.config.ConsoleConfig;
import dev.gatehouse.console.rest.view.Chrome;
import dev.gatehouse.console.service.SessionService;
import dev.gatehouse.console.service.SignInRequired;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;

/** What every page and form of the console shares: the visit, the frame, the answers and the cookies. */
@ApplicationScoped
public class ConsolePages {

    static final String ROOT = "/console";
    static final String LANGUAGE_COOKIE = "gatehouse_lang";
    static final String PRE_SESSION_CSRF_COOKIE = "gatehouse_console_csrf";
    private static final int LANGUAGE_COOKIE_SECONDS = 365 * 24 * 3600;

    private final CurrentVertxRequest current;
    private final SessionService sessions;
    private final ConsoleConfig config;

    public ConsolePages(CurrentVertxRequest current, SessionService sessions, ConsoleConfig config) {
        this.current = current;
        this.sessions = sessions;
        this.config = config;
    }

    Visit visit() {
        HttpServerRequest request = current.getCurrent().request();
        String address = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        return new Visit(Languages.choose(cookie(request, LANGUAGE_COOKIE), request.getHeader("Accept-Language")),
                cookie(request, config.cookieName()), cookie(request, PRE_SESSION_CSRF_COOKIE), address,
                request.getHeader("User-Agent"));
    }

    private static String cookie(HttpServerRequest request, String name) {
        Cookie cookie = request.getCookie(name);
        return cookie == null ? null : cookie.getValue();
    }

    static ConsoleMessages messages(Locale locale) {
        return MessageBundles.get(ConsoleMessages.class, Localized.Literal.of(locale.toLanguageTag()));
    }

    /** The signed-in person's session; the one-time notice is taken from it for this page. */
    ConsoleSession session(Visit visit) {
        return sessions.require(visit.sessionCookie());
    }

    Chrome chrome(Visit visit, ConsoleSession session, String title, String path, String active) {
        ConsoleSession.Flash flash = session == null ? null : sessions.takeFlash(session).orElse(null);
        return new Chrome(visit.locale().getLanguage(), title, session != null, session == null ? null : session.email(),
                session != null && session.platformAdmin(), session == null ? null : session.csrfToken(), flash, path,
                active);
    }

    /** A page signed-out visitors see, with the pre-session CSRF token in the frame. */
    Chrome publicChrome(Visit visit, String title, String path, String csrf, ConsoleSession.Flash notice) {
        return new Chrome(visit.locale().getLanguage(), title, false, null, false, csrf, notice, path, null);
    }

    Response page(TemplateInstance page, Visit visit) {
        return page(page, visit, 200);
    }

    Response page(TemplateInstance page, Visit visit, int status) {
        return Response.status(status).entity(page.setLocale(visit.locale()).render())
                .type("text/html;charset=UTF-8").cacheControl(noStore()).build();
    }

    static Response redirect(String path) {
        return Response.seeOther(URI.create(path)).cacheControl(noStore()).build();
    }

    /**
     * A signed-in form: checks the CSRF token, gives the action a fresh access token, and answers with a redirect to
     * {@code backTo} carrying the outcome as a notice (POST, redirect, GET: reloading never repeats the action).
     */
    Response act(String csrf, String backTo, Action action) {
        return act(csrf, backTo, false, action);
    }

    /** @param changesClaims whether success changes what the access token says, so it is replaced at once */
    Response act(String csrf, String backTo, boolean changesClaims, Action action) {
        Visit visit = visit();
        ConsoleSession session = session(visit);
        sessions.checkCsrf(session, csrf);
        ConsoleMessages msg = messages(visit.locale());
        try {
            String token = sessions.accessToken(session, visit.clientAddress());
            String done = action.run(token, msg);
            if (changesClaims) {
                sessions.refreshNow(session, visit.clientAddress());
            }
            sessions.flash(session, false, done);
        } catch (ServiceProblem problem) {
            if (problem.unauthenticated()) {
                sessions.forget(session);
                throw new SignInRequired(true);
            }
            sessions.flash(session, true, ProblemText.of(problem, msg));
        } catch (MissingField missing) {
            sessions.flash(session, true, msg.errorMissing());
        }
        return redirect(backTo);
    }

    /** One form's work; answers the sentence shown when it succeeded. */
    @FunctionalInterface
    interface Action {
        String run(String accessToken, ConsoleMessages msg);
    }

    /** A required form field was empty; checked here so the services are not asked about nothing. */
    static final class MissingField extends RuntimeException {
        MissingField() {
            super(null, null, false, false);
        }
    }

    static String required(String value) {
        if (value == null || value.isBlank()) {
            throw new MissingField();
        }
        return value.strip();
    }

    static String optional(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    NewCookie sessionCookie(String value) {
        return cookie(config.cookieName(), value, -1);
    }

    NewCookie expiredSessionCookie() {
        return cookie(config.cookieName(), "", 0);
    }

    NewCookie preSessionCsrfCookie(String value) {
        return cookie(PRE_SESSION_CSRF_COOKIE, value, -1);
    }

    NewCookie languageCookie(String tag) {
        return cookie(LANGUAGE_COOKIE, tag, LANGUAGE_COOKIE_SECONDS);
    }

    /** HttpOnly and SameSite=Strict always; Secure wherever the console is served over HTTPS. */
    private NewCookie cookie(String name, String value, int maxAge) {
        return new NewCookie.Builder(name).value(value).path(ROOT).maxAge(maxAge).httpOnly(true)
                .secure(config.secureCookie()).sameSite(NewCookie.SameSite.STRICT).build();
    }

    static CacheControl noStore() {
        CacheControl cache = new CacheControl();
        cache.setNoStore(true);
        cache.setNoCache(true);
        return cache;
    }
}
