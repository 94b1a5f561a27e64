package dev.gatehouse.console.service;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.gatehouse.console.ConsoleSession;
import dev.gatehouse.console.client.AuthClient;
import dev.gatehouse.console.client.Model;
import dev.gatehouse.console.client.ServiceProblem;
import dev.gatehouse.console.config.ConsoleConfig;
import dev.gatehouse.console.repository.SessionRepository;
import io.quarkus.scheduler.Scheduled;

/**
 * The console's sessions: signing in through auth-service, keeping the tokens fresh, and ending both the console
 * session and the Gatehouse session on sign-out. Tokens never leave this service; the browser holds a random id.
 */
@ApplicationScoped
public class SessionService {

    private static final Logger LOG = Logger.getLogger(SessionService.class);
    /** How often a request that lost the refresh race looks for the winner's tokens. */
    private static final Duration REFRESH_POLL = Duration.ofMillis(50);

    private final AuthClient auth;
    private final SessionRepository sessions;
    private final ConsoleConfig config;

    public SessionService(AuthClient auth, SessionRepository sessions, ConsoleConfig config) {
        this.auth = auth;
        this.sessions = sessions;
        this.config = config;
    }

    /** A new console session: the random value goes into the cookie, its digest into the table. */
    public record SignedIn(String cookieValue, ConsoleSession session) {
    }

    /**
     * Signs in with an email address (anything containing {@code @}) or a phone number.
     *
     * @throws ServiceProblem with auth-service's code when it refuses
     */
    public SignedIn signIn(String identifier, String password, String clientAddress, String userAgent) {
        String who = identifier == null ? "" : identifier.strip();
        Model.Tokens tokens = who.contains("@") ? auth.loginByEmail(who, password, clientAddress, userAgent)
                : auth.loginByPhone(who, password, clientAddress, userAgent);
        Model.User user = auth.me(tokens.accessToken());
        String cookieValue = Secrets.random();
        OffsetDateTime now = now();
        ConsoleSession session = new ConsoleSession(Secrets.sha256(cookieValue), user.id(), user.email(),
                user.platformAdmin(), tokens.sessionId(), tokens.accessToken(), now.plusSeconds(tokens.expiresIn()),
                tokens.refreshToken(), now.plusSeconds(tokens.refreshExpiresIn()), Secrets.random(), null);
        sessions.insert(session);
        return new SignedIn(cookieValue, session);
    }

    /** The live session named by the cookie, if any. */
    public Optional<ConsoleSession> find(String cookieValue) {
        if (cookieValue == null || cookieValue.isBlank() || cookieValue.length() > 100) {
            return Optional.empty();
        }
        return sessions.findLive(Secrets.sha256(cookieValue));
    }

    public ConsoleSession require(String cookieValue) {
        return find(cookieValue).orElseThrow(() -> new SignInRequired(false));
    }

    /** Refuses a form whose CSRF token is not this session's. */
    public void checkCsrf(ConsoleSession session, String formToken) {
        if (!Secrets.sameText(session.csrfToken(), formToken)) {
            throw new CsrfRejected();
        }
    }

    /**
     * An access token that is valid for at least {@code refreshAhead}. When it is not, one request refreshes it (it
     * claims the refresh in the row first, so parallel requests do not spend the one-time refresh token twice) and
     * the others wait for its result, or use the old token while it is still valid.
     */
    public String accessToken(ConsoleSession session, String clientAddress) {
        ConsoleSession current = session;
        long deadline = System.nanoTime() + config.refreshClaim().toNanos();
        while (true) {
            if (current.accessExpiresAt().isAfter(now().plus(config.refreshAhead()))) {
                return current.accessToken();
            }
            if (sessions.claimRefresh(current.idHash(), current.refreshToken(), now().plus(config.refreshClaim()))) {
                return refresh(current, clientAddress);
            }
            if (current.accessExpiresAt().isAfter(now())) {
                // Another request is refreshing; this token still works for now.
                return current.accessToken();
            }
            if (System.nanoTime() > deadline) {
                throw ServiceProblem.unavailable("Refreshing the session took too long");
            }
            sleep();
            current = sessions.find(current.idHash()).orElseThrow(() -> new SignInRequired(true));
        }
    }

    /**
     * Replaces the tokens now, whatever their age: after a verification the access token's claims
     * ({@code email_verified}, {@code phone_number_verified}) are out of date, and the services decide by them. When
     * another request is refreshing at this moment, its new token carries the new claims as well.
     */
    public void refreshNow(ConsoleSession session, String clientAddress) {
        ConsoleSession current = sessions.find(session.idHash()).orElseThrow(() -> new SignInRequired(true));
        if (sessions.claimRefresh(current.idHash(), current.refreshToken(), now().plus(config.refreshClaim()))) {
            refresh(current, clientAddress);
        }
    }

    private String refresh(ConsoleSession session, String clientAddress) {
        Model.Tokens tokens;
        try {
            tokens = auth.refresh(session.refreshToken(), clientAddress);
        } catch (ServiceProblem problem) {
            if (problem.status() == 401 || problem.status() == 400) {
                sessions.delete(session.idHash());
                throw new SignInRequired(true);
            }
            // Let another request try again instead of waiting for the claim to lapse.
            sessions.storeTokens(session.idHash(), session.accessToken(), session.accessExpiresAt(),
                    session.refreshToken(), session.refreshExpiresAt());
            throw problem;
        }
        OffsetDateTime now = now();
        sessions.storeTokens(session.idHash(), tokens.accessToken(), now.plusSeconds(tokens.expiresIn()),
                tokens.refreshToken(), now.plusSeconds(tokens.refreshExpiresIn()));
        return tokens.accessToken();
    }

    /**
     * Ends the Gatehouse session and the console session. The console session ends even when auth-service cannot be
     * reached: the person asked to leave.
     */
    public void signOut(ConsoleSession session, String clientAddress) {
        try {
            auth.logout(accessToken(session, clientAddress), session.refreshToken());
        } catch (ServiceProblem | SignInRequired ended) {
            LOG.debugf("Gatehouse sign-out did not complete: %s", ended.getMessage());
        } finally {
            sessions.delete(session.idHash());
        }
    }

    /** Forgets the console session only, for when the Gatehouse session is already gone. */
    public void forget(ConsoleSession session) {
        sessions.delete(session.idHash());
    }

    public void flash(ConsoleSession session, boolean error, String text) {
        sessions.setFlash(session.idHash(), error ? "error" : "success", text);
    }

    public Optional<ConsoleSession.Flash> takeFlash(ConsoleSession session) {
        return session.flash() == null ? Optional.empty() : sessions.takeFlash(session.idHash());
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deleteExpired() {
        int deleted = sessions.deleteExpired();
        if (deleted > 0) {
            LOG.infof("Deleted %d expired console sessions", deleted);
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    private static void sleep() {
        try {
            Thread.sleep(REFRESH_POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ServiceProblem.unavailable("Interrupted while the session was refreshed");
        }
    }
}
