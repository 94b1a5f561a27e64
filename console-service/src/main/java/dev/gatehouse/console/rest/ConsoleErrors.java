package dev.gatehouse.console.rest;

import java.net.URI;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import dev.gatehouse.console.client.ServiceProblem;
import dev.gatehouse.console.repository.SessionRepository;
import dev.gatehouse.console.service.CsrfRejected;
import dev.gatehouse.console.service.SessionService;
import dev.gatehouse.console.service.SignInRequired;

/**
 * Every failure becomes a page a person can read: sign in again, a refused form, or a short sentence about a service
 * that failed. Never a stack trace, never the services' JSON.
 */
public class ConsoleErrors {

    private static final Logger LOG = Logger.getLogger(ConsoleErrors.class);

    private final ConsolePages pages;
    private final SessionService sessions;

    public ConsoleErrors(ConsolePages pages, SessionService sessions) {
        this.pages = pages;
        this.sessions = sessions;
    }

    @ServerExceptionMapper
    public Response signIn(SignInRequired required) {
        String target = ConsolePages.ROOT + "/sign-in" + (required.ended() ? "?ended=true" : "");
        return Response.seeOther(URI.create(target)).cookie(pages.expiredSessionCookie())
                .cacheControl(ConsolePages.noStore()).build();
    }

    @ServerExceptionMapper
    public Response csrf(CsrfRejected rejected) {
        Visit visit = pages.visit();
        ConsoleMessages msg = ConsolePages.messages(visit.locale());
        return pages.page(Templates.problem(chrome(visit, msg.errorCsrfTitle()), msg.errorCsrfTitle(),
                msg.errorCsrf()), visit, 403);
    }

    /** A page could not load its data. The person sees why in words; a form's failure is a notice instead. */
    @ServerExceptionMapper
    public Response service(ServiceProblem problem) {
        Visit visit = pages.visit();
        if (problem.unauthenticated()) {
            sessions.find(visit.sessionCookie()).ifPresent(sessions::forget);
            return signIn(new SignInRequired(true));
        }
        ConsoleMessages msg = ConsolePages.messages(visit.locale());
        int status = problem.status() >= 500 ? 503
                : problem.status() == 403 || problem.status() == 404
                        ? problem.status()
                        : 400;
        return pages.page(Templates.problem(chrome(visit, msg.errorUnknown()), msg.errorUnknown(),
                ProblemText.of(problem, msg)), visit, status);
    }

    @ServerExceptionMapper
    public Response database(SessionRepository.DatabaseUnavailable unavailable) {
        LOG.warn("The console's database is unavailable", unavailable.getCause());
        Visit visit = pages.visit();
        ConsoleMessages msg = ConsolePages.messages(visit.locale());
        Response page = pages.page(Templates.problem(pages.publicChrome(visit, msg.errorUnknown(),
                ConsolePages.ROOT, null, null), msg.errorUnknown(), msg.errorUnavailable()), visit, 503);
        return Response.fromResponse(page).header("Retry-After", "5").build();
    }

    private dev.gatehouse.console.rest.view.Chrome chrome(Visit visit, String title) {
        return sessions.find(visit.sessionCookie())
                .map(session -> pages.chrome(visit, session, title, ConsolePages.ROOT + "/me", null))
                .orElseGet(() -> pages.publicChrome(visit, title, ConsolePages.ROOT + "/sign-in", null, null));
    }

    /**
     * Pages allow only their own styles, cannot be framed and send no referrer (a reset link's token must not leak
     * through one).
     */
    @ServerResponseFilter
    public void securityHeaders(ContainerRequestContext request, ContainerResponseContext response) {
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.putSingle("Content-Security-Policy",
                "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; "
                        + "base-uri 'none'");
        headers.putSingle("X-Content-Type-Options", "nosniff");
        headers.putSingle("Referrer-Policy", "no-referrer");
        headers.putSingle("X-Frame-Options", "DENY");
    }
}
