package dev.gatehouse.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Every request limit, broken on purpose with parallel requests: the request past the limit gets 429
 * {@code rate_limited} with {@code Retry-After}, and nothing was done for it. Client addresses are set with
 * X-Forwarded-For, which the service believes from 127.0.0.1 (a trusted proxy). Windows are years long, so no test
 * can straddle two of them.
 */
@QuarkusTest
@TestProfile(RateLimitTest.LowLimits.class)
@WithTestResource(OtherServicesStub.class)
class RateLimitTest {

    private static final ExecutorService CLIENTS = Executors.newFixedThreadPool(16);
    private static final String FOREVER = "/P3650D";

    public static class LowLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.ofEntries(
                    Map.entry("gatehouse.rate-limit.login-per-account", "4" + FOREVER),
                    Map.entry("gatehouse.rate-limit.login-per-ip", "6" + FOREVER),
                    Map.entry("gatehouse.rate-limit.register-per-ip", "3" + FOREVER),
                    Map.entry("gatehouse.rate-limit.register-per-email", "2" + FOREVER),
                    Map.entry("gatehouse.rate-limit.forgot-per-email", "2" + FOREVER),
                    Map.entry("gatehouse.rate-limit.forgot-per-ip", "5" + FOREVER),
                    Map.entry("gatehouse.rate-limit.reset-per-email", "3" + FOREVER),
                    Map.entry("gatehouse.rate-limit.reset-per-ip", "4" + FOREVER),
                    Map.entry("gatehouse.rate-limit.token-per-client", "3" + FOREVER),
                    Map.entry("gatehouse.rate-limit.token-global", "5" + FOREVER),
                    Map.entry("gatehouse.rate-limit.verification-send-per-account", "2" + FOREVER),
                    Map.entry("gatehouse.rate-limit.verification-confirm-per-account", "3" + FOREVER),
                    Map.entry("gatehouse.rate-limit.verification-confirm-per-ip", "5" + FOREVER));
        }
    }

    @Inject
    Database database;

    @AfterAll
    static void stopClients() {
        CLIENTS.shutdownNow();
    }

    /** Requests that name no address (the helpers' sign-ups and logins) each come from a fresh one. */
    @BeforeEach
    void freshAddressesByDefault() {
        RestAssured.filters((request, response, context) -> {
            if (!request.getHeaders().hasHeaderWithName("X-Forwarded-For")) {
                request.header("X-Forwarded-For", uniqueIp());
            }
            return context.next(request, response);
        });
    }

    @AfterEach
    void noDefaultAddress() {
        RestAssured.replaceFiltersWith(new ArrayList<>());
    }

    @Test
    void loginPerAccountHoldsInParallelAndTellsNothingAboutTheAccount() {
        String email = Accounts.uniqueEmail();
        Accounts.register(email, Accounts.uniquePhone());
        for (String who : List.of(email, Accounts.uniqueEmail())) {
            List<Response> answers = parallel(10, i -> given().header("X-Forwarded-For", uniqueIp())
                    .contentType(ContentType.JSON).body(Map.of("email", who, "password", "not the password 1"))
                    .when().post("/auth/login"));
            assertEquals(4, count(answers, 401), who);
            assertEquals(6, count(answers, 429), who);
            assertRateLimited(answers, "login_account");
        }
    }

    @Test
    void aFloodNamingTheAccountDoesNotShutTheOwnersTrustedDeviceOut() {
        String email = Accounts.uniqueEmail();
        Accounts.register(email, Accounts.uniquePhone());
        String device = Accounts.login(email, "phone").getString("deviceToken");
        List<Response> flood = parallel(10, i -> given().header("X-Forwarded-For", uniqueIp())
                .contentType(ContentType.JSON).body(Map.of("email", email, "password", "not the password 1"))
                .when().post("/auth/login"));
        assertEquals(7, count(flood, 429));

        given().header("X-Forwarded-For", uniqueIp()).contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", Accounts.PASSWORD)).when().post("/auth/login")
                .then().statusCode(429);
        given().header("X-Forwarded-For", uniqueIp()).contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", Accounts.PASSWORD, "deviceToken", device))
                .when().post("/auth/login").then().statusCode(200);
    }

    @Test
    void loginPerIp() {
        String ip = uniqueIp();
        List<Response> answers = parallel(9, i -> given().header("X-Forwarded-For", ip).contentType(ContentType.JSON)
                .body(Map.of("email", Accounts.uniqueEmail(), "password", "not the password 1"))
                .when().post("/auth/login"));
        assertEquals(6, count(answers, 401));
        assertEquals(3, count(answers, 429));
        assertRateLimited(answers, "login_ip");
    }

    @Test
    void registerPerIpWritesNothingPastTheLimit() {
        String ip = uniqueIp();
        String prefix = "limited" + System.nanoTime();
        List<Response> answers = parallel(7, i -> given().header("X-Forwarded-For", ip).contentType(ContentType.JSON)
                .body(Map.of("email", prefix + "-" + i + "@example.com", "password", Accounts.PASSWORD, "phoneNumber",
                        Accounts.uniquePhone()))
                .when().post("/auth/register"));
        assertEquals(3, count(answers, 201));
        assertEquals(4, count(answers, 429));
        assertRateLimited(answers, "register_ip");
        assertEquals(3, database.count("select count(*) from users where email like ?", prefix + "-%"));

        // Another address still signs up.
        given().header("X-Forwarded-For", uniqueIp()).contentType(ContentType.JSON)
                .body(Map.of("email", prefix + "-other@example.com", "password", Accounts.PASSWORD, "phoneNumber",
                        Accounts.uniquePhone()))
                .when().post("/auth/register").then().statusCode(201);
    }

    @Test
    void registerPerEmail() {
        String email = Accounts.uniqueEmail();
        List<Response> answers = parallel(4, i -> given().header("X-Forwarded-For", uniqueIp())
                .contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", Accounts.PASSWORD, "phoneNumber", Accounts.uniquePhone()))
                .when().post("/auth/register"));
        assertEquals(2, answers.size() - count(answers, 429));
        assertRateLimited(answers, "register_email");
        assertEquals(1, database.count("select count(*) from users where email = ?", email));
    }

    @Test
    void forgotPerEmailAnswersAlikeForUnknownAddresses() {
        String known = Accounts.uniqueEmail();
        Accounts.register(known, Accounts.uniquePhone());
        for (String who : List.of(known, Accounts.uniqueEmail())) {
            List<Response> answers = parallel(5, i -> given().header("X-Forwarded-For", uniqueIp())
                    .contentType(ContentType.JSON).body(Map.of("email", who, "method", "email_link"))
                    .when().post("/auth/password/forgot"));
            assertEquals(2, count(answers, 202), who);
            assertEquals(3, count(answers, 429), who);
            assertRateLimited(answers, "forgot_email");
        }
    }

    @Test
    void resetByCodePerEmailAnswersAlikeWhetherOrNotACodeIsPending() {
        String known = Accounts.uniqueEmail();
        Accounts.register(known, Accounts.uniquePhone());
        for (String who : List.of(known, Accounts.uniqueEmail())) {
            List<Response> answers = parallel(6, i -> given().header("X-Forwarded-For", uniqueIp())
                    .contentType(ContentType.JSON)
                    .body(Map.of("email", who, "code", "123456", "newPassword", "brand new secret 7"))
                    .when().post("/auth/password/reset"));
            assertEquals(3, count(answers, 400), who);
            assertEquals(3, count(answers, 429), who);
            assertRateLimited(answers, "reset_email");
        }
    }

    @Test
    void resetByLinkPerIp() {
        String ip = uniqueIp();
        List<Response> answers = parallel(6, i -> given().header("X-Forwarded-For", ip).contentType(ContentType.JSON)
                .body(Map.of("token", "no-such-token-" + i, "newPassword", "brand new secret 7"))
                .when().post("/auth/password/reset"));
        assertEquals(4, count(answers, 400));
        assertEquals(2, count(answers, 429));
        assertRateLimited(answers, "reset_ip");
    }

    @Test
    void clientCredentialsPerClientThenGlobal() {
        List<Response> sameClient = parallel(5, i -> token("company-service", uniqueIp()));
        assertEquals(3, count(sameClient, 200));
        assertEquals(2, count(sameClient, 429));
        assertRateLimited(sameClient, "token_client");

        // Refused requests took nothing: 3 of the 5 allowed in all are used, so 2 other clients get through.
        List<Response> others = parallel(5, i -> token("client-" + i, uniqueIp()));
        assertEquals(2, count(others, 401));
        assertEquals(3, count(others, 429));
        assertRateLimited(others, "token_global");
    }

    @Test
    void verificationSendsPerAccountSendNothingPastTheLimit() {
        People me = People.signUp();
        // One after the other: the limit, not the verification's own handling of simultaneous sends, is under test.
        List<Response> answers = IntStream.range(0, 4).mapToObj(i -> me.asMe()
                .when().post("/users/me/phone/verification")).toList();
        assertEquals(2, count(answers, 202));
        assertEquals(2, count(answers, 429));
        assertRateLimited(answers, "verification_send_account");
        assertEquals(2, OtherServicesStub.OTPS.values().stream()
                .filter(otp -> me.phone().equals(otp.getString("destination"))).count());
    }

    @Test
    void verificationConfirmsPerAccountAndPerIp() {
        People me = People.signUp();
        List<Response> answers = IntStream.range(0, 5).mapToObj(i -> me.asMe()
                .body(Map.of("code", "123456")).when().post("/users/me/email/verification/confirm")).toList();
        assertEquals(3, answers.size() - count(answers, 429));
        assertRateLimited(answers, "verification_confirm_account");

        String ip = uniqueIp();
        List<Response> fromOneAddress = parallel(7, i -> given().header("X-Forwarded-For", ip)
                .when().get("/auth/email/verify?token=nothing-" + i));
        assertEquals(2, count(fromOneAddress, 429));
    }

    private static Response token(String clientId, String ip) {
        return given().header("X-Forwarded-For", ip).contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials").formParam("client_id", clientId)
                .formParam("client_secret", "company-service".equals(clientId) ? "test-company-secret" : "wrong")
                .when().post("/auth/token");
    }

    private static void assertRateLimited(List<Response> answers, String limit) {
        answers.stream().filter(answer -> answer.statusCode() == 429).forEach(answer -> answer.then()
                .contentType("application/problem+json").header("Retry-After", notNullValue())
                .body("code", equalTo("rate_limited")).body("limit", equalTo(limit)));
    }

    private static long count(List<Response> answers, int status) {
        return answers.stream().filter(answer -> answer.statusCode() == status).count();
    }

    private static List<Response> parallel(int n, IntFunction<Response> request) {
        List<CompletableFuture<Response>> all = IntStream.range(0, n)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> request.apply(i), CLIENTS)).toList();
        return all.stream().map(CompletableFuture::join).toList();
    }

    private static final AtomicInteger ADDRESSES = new AtomicInteger((int) (System.nanoTime() % 50_000));

    /** A fresh private address per call. */
    private static String uniqueIp() {
        int n = ADDRESSES.incrementAndGet();
        return "10." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255);
    }
}
