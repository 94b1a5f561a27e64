package dev.gatehouse.bench;

import java.util.List;
import java.util.Map;

import io.vertx.core.Future;

/** The scenarios by name. Each virtual user keeps its own state, so none of them share a token chain. */
final class Scenarios {

    static final List<String> NAMES = List.of("login", "me", "refresh", "company-read", "company-create", "jwks");

    private Scenarios() {
    }

    /** Every scenario but jwks needs accounts, sessions or companies. */
    static boolean needFixture(List<String> names) {
        return names.stream().anyMatch(name -> !name.equals("jwks"));
    }

    static Scenario create(String name, Http http, Fixture fixture, int concurrency) {
        return switch (name) {
            case "login" -> login(http, fixture, concurrency);
            case "me" -> new Scenario(name, "GET /users/me: JWT verification and one database read (auth-service)",
                    200, vu -> http.get("/users/me", fixture.session(vu).accessToken));
            case "refresh" -> refresh(http, fixture);
            case "company-read" -> new Scenario(name,
                    "GET /companies/{companyId}: JWT verified against the JWKS, one database read (company-service)",
                    200, vu -> http.get("/companies/" + fixture.companyId(vu), fixture.session(vu).accessToken));
            case "company-create" -> companyCreate(http, fixture, concurrency);
            case "jwks" -> new Scenario(name, "GET /.well-known/jwks.json: no authentication, no database",
                    200, vu -> http.get("/.well-known/jwks.json", null));
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

    /** Every answer carries the next refresh token; the virtual user sends it next, as a real client must. */
    private static Scenario refresh(Http http, Fixture fixture) {
        return new Scenario("refresh",
                "POST /auth/refresh: each virtual user rotates its own refresh-token chain (one transaction in "
                        + "auth-service's database, a new signed access token)",
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
}
