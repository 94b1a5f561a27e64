package dev.gatehouse.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import io.vertx.core.Future;

/**
 * What the scenarios need before they start: registered accounts, one logged-in session per virtual user (so that
 * refresh chains never cross) and one company per virtual user to read. Built once, before any measurement.
 */
final class Fixture {

    /** Meets the password rules (10+ characters, a letter and a non-letter). */
    static final String PASSWORD = "bench password 1";
    /** Registration hashes with Argon2id too; more in parallel only queues behind the hasher's CPU-sized pool. */
    private static final int SETUP_PARALLELISM = 4;
    private static final Duration SETUP_TIMEOUT = Duration.ofSeconds(60);

    /** A six-digit code on its own, not part of a longer number (the phone numbers in the same text). */
    private static final Pattern CODE = Pattern.compile("(?<![\\w-])\\d{6}(?![\\w-])");

    private final List<Account> accounts;
    private final List<Session> sessions;
    private final List<String> companyIds;
    private final List<Requester> requesters;

    private Fixture(List<Account> accounts, List<Session> sessions, List<String> companyIds,
            List<Requester> requesters) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.companyIds = companyIds;
        this.requesters = requesters;
    }

    /**
     * @param forJoin also activate every company (its phone verified by SMS code) and log in a second account per
     *        virtual user, to ask to join that company
     */
    static Fixture prepare(Http http, int users, int concurrency, boolean forJoin) throws Exception {
        // Unique per run, so that a rerun against a database that was kept would still register new accounts.
        String tag = Long.toString(System.currentTimeMillis(), 36);
        int phoneBase = ThreadLocalRandom.current().nextInt(1_000_000, 9_000_000);
        List<Account> accounts = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            accounts.add(new Account("bench-" + tag + "-" + i + "@example.com", "+25471" + (phoneBase + i)));
        }
        inBatches(users, i -> http.post("/auth/register", null, Map.of("email", accounts.get(i).email(),
                "password", PASSWORD, "phoneNumber", accounts.get(i).phoneNumber())), 201, "register");

        List<Http.Reply> logins = inBatches(concurrency,
                vu -> http.post("/auth/login", null, loginBody(accounts.get(vu % users), "bench-vu-" + vu)), 200,
                "log in");
        List<Session> sessions = new ArrayList<>();
        for (Http.Reply login : logins) {
            sessions.add(new Session(login.text("accessToken"), login.text("refreshToken")));
        }

        List<Http.Reply> created = inBatches(concurrency, vu -> http.post("/companies",
                sessions.get(vu).accessToken, companyBody("Bench fixture " + vu, vu)), 201, "create a company");
        List<String> companyIds = created.stream().map(reply -> reply.text("companyId")).toList();
        List<Requester> requesters = List.of();
        if (forJoin) {
            if (users < 2) {
                throw new IllegalStateException("The join scenario needs --users 2 or more: an owner and a requester");
            }
            for (int vu = 0; vu < concurrency; vu++) {
                // Only an owner whose own email address and phone number are verified may verify a company; the
                // claims are in tokens issued after the verification, so the owner's session is refreshed once.
                Account owner = accounts.get(vu % users);
                verify(http, sessions.get(vu).accessToken, "/users/me/email/verification", owner.email());
                verify(http, sessions.get(vu).accessToken, "/users/me/phone/verification", owner.phoneNumber());
                sessions.set(vu, refreshed(http, sessions.get(vu).refreshToken));
                activate(http, sessions.get(vu).accessToken, companyIds.get(vu), companyPhone(vu));
            }
            // The next account asks to join: never the company's owner, and a different one for every virtual user
            // as long as there are more accounts than virtual users.
            List<Http.Reply> requesterLogins = inBatches(concurrency, vu -> http.post("/auth/login", null,
                    loginBody(accounts.get((vu + 1) % users), "bench-requester-" + vu)), 200, "log in a requester");
            List<Requester> joining = new ArrayList<>();
            for (int vu = 0; vu < concurrency; vu++) {
                // Only a person with a verified email address and phone number may ask to join a company; the
                // claims are in tokens issued after the verification, so the requester refreshes once after it.
                Account account = accounts.get((vu + 1) % users);
                Http.Reply login = requesterLogins.get(vu);
                String token = login.text("accessToken");
                verify(http, token, "/users/me/email/verification", account.email());
                verify(http, token, "/users/me/phone/verification", account.phoneNumber());
                token = refreshed(http, login.text("refreshToken")).accessToken;
                Http.Reply me = await(http.get("/users/me", token));
                joining.add(new Requester(token, me.text("id")));
            }
            requesters = List.copyOf(joining);
        }
        return new Fixture(List.copyOf(accounts), List.copyOf(sessions), companyIds, requesters);
    }

    /** A refresh of the session, so that its access token carries what was verified since the login. */
    private static Session refreshed(Http http, String refreshToken) throws Exception {
        Http.Reply refreshed = await(http.post("/auth/refresh", null, Map.of("refreshToken", refreshToken)));
        if (refreshed.status() != 200) {
            throw new IllegalStateException("Setup could not refresh a session: status " + refreshed.status() + " "
                    + refreshed.body());
        }
        return new Session(refreshed.text("accessToken"), refreshed.text("refreshToken"));
    }

    /**
     * Sends a verification code to the account's address or number and confirms it. An account is verified once;
     * a second virtual user with the same requester (fewer accounts than virtual users) finds it verified already.
     */
    private static void verify(Http http, String token, String path, String destination) throws Exception {
        Http.Reply me = await(http.get("/users/me", token));
        String flag = path.contains("email") ? "emailVerified" : "phoneVerified";
        if (me.json().path(flag).asBoolean(false)) {
            return;
        }
        Http.Reply sent = await(http.post(path, token, Map.of()));
        if (sent.status() != 202) {
            throw new IllegalStateException("Setup could not send a code to " + destination + ": status "
                    + sent.status() + " " + sent.body());
        }
        String code = awaitCode(http, destination);
        Http.Reply confirmed = await(http.post(path + "/confirm", token, Map.of("code", code)));
        if (confirmed.status() != 200) {
            throw new IllegalStateException("Setup could not confirm " + destination + ": status "
                    + confirmed.status() + " " + confirmed.body());
        }
    }

    /** Some messages leave just after the answer, so the inbox is polled for a while. */
    private static String awaitCode(Http http, String destination) throws Exception {
        long deadline = System.nanoTime() + SETUP_TIMEOUT.toNanos() / 4;
        while (true) {
            Optional<String> code = codeIn(await(http.get("/dev/inbox?to=" + Http.encodeUrl(destination), null)));
            if (code.isPresent()) {
                return code.get();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("No code for " + destination + " in the dev inbox");
            }
            Thread.sleep(100);
        }
    }

    /** The SMS code to the company's phone, read from the dev inbox, confirms it: the company is then ACTIVE. */
    private static void activate(Http http, String ownerToken, String companyId, String phone) throws Exception {
        Http.Reply sent = await(http.post("/companies/" + companyId + "/verification", ownerToken, Map.of()));
        if (sent.status() != 202) {
            throw new IllegalStateException("Setup could not send a company code: status " + sent.status() + " "
                    + sent.body());
        }
        String code = awaitCode(http, phone);
        Http.Reply confirmed = await(http.post("/companies/" + companyId + "/verification/confirm", ownerToken,
                Map.of("code", code)));
        if (confirmed.status() != 200) {
            throw new IllegalStateException("Setup could not activate a company: status " + confirmed.status() + " "
                    + confirmed.body());
        }
    }

    /** The dev inbox lists the newest message first. */
    static Optional<String> codeIn(Http.Reply inbox) {
        JsonNode messages = inbox.json();
        if (inbox.status() != 200 || !messages.isArray() || messages.isEmpty()) {
            return Optional.empty();
        }
        Matcher code = CODE.matcher(messages.get(0).path("text").asText());
        return code.find() ? Optional.of(code.group()) : Optional.empty();
    }

    private static Http.Reply await(Future<Http.Reply> reply) throws Exception {
        return reply.toCompletionStage().toCompletableFuture().get(SETUP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    /** The phone number companyBody gives the fixture's company of this virtual user. */
    private static String companyPhone(int vu) {
        return companyBody("", vu).get("phoneNumber");
    }

    static Map<String, String> loginBody(Account account, String deviceId) {
        return Map.of("email", account.email(), "password", PASSWORD, "deviceId", deviceId);
    }

    /** Company names and phone numbers need not be unique; the number only has to be E.164. */
    static Map<String, String> companyBody(String name, int sequence) {
        return Map.of("name", name, "countryCode", "KE", "phoneNumber",
                "+2547" + String.format("%08d", Math.floorMod(sequence, 100_000_000)));
    }

    Account account(int index) {
        return accounts.get(Math.floorMod(index, accounts.size()));
    }

    Session session(int vu) {
        return sessions.get(vu);
    }

    String companyId(int vu) {
        return companyIds.get(vu);
    }

    /** Who asks to join the virtual user's company; only with a fixture prepared for the join scenario. */
    Requester requester(int vu) {
        return requesters.get(vu);
    }

    /** Sends count requests, a few at a time, and fails the setup on the first unexpected answer. */
    private static List<Http.Reply> inBatches(int count, IntFunction<Future<Http.Reply>> request, int expected,
            String what) throws Exception {
        List<Http.Reply> replies = new ArrayList<>();
        for (int first = 0; first < count; first += SETUP_PARALLELISM) {
            List<Future<Http.Reply>> batch = new ArrayList<>();
            for (int i = first; i < Math.min(count, first + SETUP_PARALLELISM); i++) {
                batch.add(request.apply(i));
            }
            for (Future<Http.Reply> pending : batch) {
                Http.Reply reply = pending.toCompletionStage().toCompletableFuture()
                        .get(SETUP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                if (reply.status() != expected) {
                    throw new IllegalStateException("Setup could not " + what + ": status " + reply.status()
                            + " " + reply.body());
                }
                replies.add(reply);
            }
        }
        return replies;
    }

    record Account(String email, String phoneNumber) {
    }

    /** An account that asks to join a company, with its own session (not the owner's). */
    record Requester(String accessToken, String userId) {
    }

    /**
     * A virtual user's session. Only the event loop that runs the scenarios changes it, one request at a time, so
     * the refresh chain is strictly sequential per virtual user.
     */
    static final class Session {
        String accessToken;
        String refreshToken;

        Session(String accessToken, String refreshToken) {
            this.accessToken = accessToken;
            this.refreshToken = refreshToken;
        }
    }
}
