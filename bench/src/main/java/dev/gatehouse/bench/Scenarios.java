package dev.gatehouse.bench;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import io.vertx.core.Future;

/** The scenarios by name. Each virtual user keeps its own state, so none of them share a token chain. */
final class Scenarios {

    static final List<String> NAMES = List.of("login", "me", "me-direct", "refresh", "refresh-direct",
            "company-read", "company-create", "otp", "join", "jwks");
    /** Need nothing prepared. */
    private static final Set<String> WITHOUT_FIXTURE = Set.of("jwks", "otp");

    private Scenarios() {
    }

    /** Where the scenarios send their requests: the gateway, and the two services some reach directly. */
    record Targets(Http gateway, Http auth, Http otp, ServiceTokens serviceTokens) {
    }

    static boolean needFixture(List<String> names) {
        return names.stream().anyMatch(name -> !WITHOUT_FIXTURE.contains(name));
    }

    static boolean needJoinFixture(List<String> names) {
        return names.contains("join");
    }

    static Scenario create(String name, Targets targets, Fixture fixture, int concurrency) {
        Http gateway = targets.gateway();
        return switch (name) {
            case "login" -> login(gateway, fixture, concurrency);
            case "me" -> me(name, gateway, fixture, "through the gateway");
            case "me-direct" -> me(name, targets.auth(), fixture, "direct to auth-service's port");
            case "refresh" -> refresh(name, gateway, fixture, "through the gateway");
            case "refresh-direct" -> refresh(name, targets.auth(), fixture, "direct to auth-service's port");
            case "company-read" -> new Scenario(name,
                    "GET /companies/{companyId}: JWT verified against the JWKS, one database read (company-service)",
                    200, vu -> gateway.get("/companies/" + fixture.companyId(vu), fixture.session(vu).accessToken));
            case "company-create" -> companyCreate(gateway, fixture, concurrency);
            case "otp" -> otp(targets, concurrency);
            case "join" -> join(gateway, fixture);
            case "jwks" -> new Scenario(name, "GET /.well-known/jwks.json: no authentication, no database",
                    200, vu -> gateway.get("/.well-known/jwks.json", null));
            default -> throw new IllegalArgumentException("Unknown scenario " + name);
        };
    }

    /** Virtual users walk the accounts in steps of the concurrency, so each login is for a different account. */
    private static Scenario login(Http http, Fixture fixture, int concurrency) {
        int[] next = new int[concurrency];
        return new Scenario("login",
                "POST /auth/login: an Argon2id verification (19 MiB, 2 passes) per request, CPU-bound by design; "
                        + "each login also opens a session",
                200, vu -> {
                    int account = vu + concurrency * next[vu]++;
                    return http.post("/auth/login", null, Fixture.loginBody(fixture.account(account), "bench-login"));
                });
    }

    private static Scenario me(String name, Http http, Fixture fixture, String path) {
        return new Scenario(name, "GET /users/me " + path + ": JWT verification and one database read (auth-service)",
                200, vu -> http.get("/users/me", fixture.session(vu).accessToken));
    }

    /** Every answer carries the next refresh token; the virtual user sends it next, as a real client must. */
    private static Scenario refresh(String name, Http http, Fixture fixture, String path) {
        return new Scenario(name,
                "POST /auth/refresh " + path + ": each virtual user rotates its own refresh-token chain (one "
                        + "transaction in auth-service's database, a new signed access token)",
                200, vu -> {
                    Fixture.Session session = fixture.session(vu);
                    Future<Http.Reply> reply = http.post("/auth/refresh", null,
                            Map.of("refreshToken", session.refreshToken));
                    return reply.map(answer -> {
                        if (answer.status() == 200) {
                            session.refreshToken = answer.text("refreshToken");
                            session.accessToken = answer.text("accessToken");
                        }
                        return answer;
                    });
                });
    }

    private static Scenario companyCreate(Http http, Fixture fixture, int concurrency) {
        int[] next = new int[concurrency];
        return new Scenario("company-create",
                "POST /companies: one transaction inserting a company and its owner (company-service)",
                201, vu -> {
                    int sequence = next[vu]++;
                    return http.post("/companies", fixture.session(vu).accessToken,
                            Fixture.companyBody("Bench company " + vu + "-" + sequence, vu * 1_000_000 + sequence));
                });
    }

    /**
     * One iteration issues a code by SMS (otp-service stores its hash and hands the message to the SMS stub), reads
     * it from the dev inbox and verifies it, as company-service does with its service token. Every code goes to a
     * number of its own: otp-service limits codes per destination and hour.
     */
    private static Scenario otp(Targets targets, int concurrency) {
        // Numbers nobody else uses in this run: a random block per run, then a counter per virtual user.
        long base = ThreadLocalRandom.current().nextLong(10_000_000L, 90_000_000L);
        long[] next = new long[concurrency];
        return new Scenario("otp",
                "POST /otp (SMS) + the code from the dev inbox + POST /otp/{id}/verify, direct to otp-service with "
                        + "a service token (latency: all three)",
                200, vu -> {
                    String phone = "+2547" + String.format("%08d", (base + vu * 100_000L + next[vu]++) % 100_000_000L);
                    return targets.serviceTokens().get().compose(token -> targets.otp().post("/otp", token,
                            Map.of("type", "PHONE_VERIFICATION", "channel", "SMS", "destination", phone))
                            .compose(issued -> {
                                if (issued.status() != 201) {
                                    return Future.succeededFuture(issued);
                                }
                                String id = issued.text("id");
                                return targets.gateway().get("/dev/inbox?to=" + Http.encodeUrl(phone), null)
                                        .compose(inbox -> Fixture.codeIn(inbox)
                                                .map(code -> targets.otp().post("/otp/" + id + "/verify", token,
                                                        Map.of("code", code)))
                                                .orElseGet(() -> Future.succeededFuture(inbox)));
                            }));
                });
    }

    /**
     * One iteration: another account asks to join the virtual user's (active) company, the owner approves (approval-
     * service records it and adds the member in company-service), and the new member leaves again, so the next
     * iteration can ask once more. Its success is the leave's 204; a failed step ends the iteration with its status.
     */
    private static Scenario join(Http http, Fixture fixture) {
        return new Scenario("join",
                "POST /approvals + POST /approvals/{id}/approve + DELETE /companies/{id}/members/{userId} through "
                        + "the gateway (latency: all three)",
                204, vu -> {
                    Fixture.Requester requester = fixture.requester(vu);
                    String companyId = fixture.companyId(vu);
                    return http.post("/approvals", requester.accessToken(), Map.of("companyId", companyId))
                            .compose(requested -> {
                                if (requested.status() == 409) {
                                    // An earlier iteration failed half-way (the requester still a member, or its
                                    // request still pending): counted as a failure, and undone so the next can run.
                                    return undoJoin(http, requester, companyId).map(requested);
                                }
                                if (requested.status() != 201) {
                                    return Future.succeededFuture(requested);
                                }
                                return http.post("/approvals/" + requested.text("id") + "/approve",
                                        fixture.session(vu).accessToken, Map.of())
                                        .compose(approved -> approved.status() != 200
                                                ? Future.succeededFuture(approved)
                                                : http.delete("/companies/" + companyId + "/members/"
                                                        + requester.userId(), requester.accessToken()));
                            });
                });
    }

    /** Leaves the company and cancels the requester's pending requests to it; what fails here shows next time. */
    private static Future<Void> undoJoin(Http http, Fixture.Requester requester, String companyId) {
        return http.delete("/companies/" + companyId + "/members/" + requester.userId(), requester.accessToken())
                .compose(left -> http.get("/approvals/mine", requester.accessToken()))
                .compose(mine -> {
                    Future<Void> cancelled = Future.succeededFuture();
                    if (mine.status() == 200 && mine.json().isArray()) {
                        for (var request : mine.json()) {
                            if (companyId.equals(request.path("companyId").asText())
                                    && "PENDING".equals(request.path("status").asText())) {
                                String id = request.path("id").asText();
                                cancelled = cancelled.compose(ignored -> http
                                        .post("/approvals/" + id + "/cancel", requester.accessToken(), Map.of())
                                        .mapEmpty());
                            }
                        }
                    }
                    return cancelled;
                })
                .otherwiseEmpty();
    }
}
