package dev.gatehouse.company;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.gatehouse.testing.TrustAuthService;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Limits per client IP and per account on creating companies and on sending and confirming verification codes, with
 * limits small enough to run into. Every test speaks from addresses of its own (X-Forwarded-For from the trusted
 * 127.0.0.1, as the gateway sends it).
 */
@QuarkusTest
@TestProfile(RateLimitTest.SmallLimits.class)
@QuarkusTestResource(TrustAuthService.class)
@QuarkusTestResource(OtpServiceStub.class)
class RateLimitTest {

    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gatehouse.company.rate-limit.create-per-ip", "3",
                    "gatehouse.company.rate-limit.create-per-account", "2",
                    "gatehouse.company.rate-limit.verification-send-per-ip", "3",
                    "gatehouse.company.rate-limit.verification-send-per-account", "2",
                    "gatehouse.company.rate-limit.verification-confirm-per-ip", "4",
                    "gatehouse.company.rate-limit.verification-confirm-per-account", "3");
        }
    }

    private static int addresses = (int) (Math.random() * 200);

    @BeforeEach
    void awayFromAWindowBoundary() throws InterruptedException {
        long intoTheHour = Instant.now().getEpochSecond() % 3600;
        if (intoTheHour > 3590) {
            Thread.sleep((3601 - intoTheHour) * 1000);
        }
    }

    @Test
    void oneAccountCreatesAtMostItsLimitOfCompanies() {
        UUID owner = UUID.randomUUID();
        create(owner, freshIp()).then().statusCode(201);
        create(owner, freshIp()).then().statusCode(201);

        refusedBy(create(owner, freshIp()), "company_create_account");
        given().auth().oauth2(Companies.ISSUER.userToken(owner)).when().get("/companies/mine")
                .then().statusCode(200).body("size()", equalTo(2));
    }

    @Test
    void parallelCreatesFromOneAddressCannotOverrunItsLimit() throws Exception {
        String ip = freshIp();
        List<UUID> owners = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            owners.add(UUID.randomUUID());
        }
        List<Response> answers = parallel(10, i -> create(owners.get(i), ip));

        assertEquals(3, count(answers, 201), statuses(answers));
        answers.stream().filter(answer -> answer.statusCode() != 201)
                .forEach(answer -> refusedBy(answer, "company_create_ip"));
        int companies = owners.stream().mapToInt(owner -> given().auth().oauth2(Companies.ISSUER.userToken(owner))
                .when().get("/companies/mine").then().extract().path("size()")).sum();
        assertEquals(3, companies);
    }

    @Test
    void oneAccountAsksForAtMostItsLimitOfCodes() {
        UUID owner = UUID.randomUUID();
        String first = created(owner, freshIp());
        String second = created(owner, freshIp());
        int sent = OtpServiceStub.CREATED.size();
        start(owner, first, freshIp()).then().statusCode(202);
        start(owner, second, freshIp()).then().statusCode(202);

        refusedBy(start(owner, first, freshIp()), "company_verification_send_account");
        assertEquals(sent + 2, OtpServiceStub.CREATED.size());
    }

    @Test
    void parallelCodeRequestsFromOneAddressCannotOverrunItsLimit() throws Exception {
        String ip = freshIp();
        List<UUID> owners = new ArrayList<>();
        List<String> companies = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            UUID owner = UUID.randomUUID();
            owners.add(owner);
            companies.add(created(owner, freshIp()));
        }
        int sent = OtpServiceStub.CREATED.size();
        List<Response> answers = parallel(8, i -> start(owners.get(i), companies.get(i), ip));

        assertEquals(3, count(answers, 202), statuses(answers));
        answers.stream().filter(answer -> answer.statusCode() != 202)
                .forEach(answer -> refusedBy(answer, "company_verification_send_ip"));
        assertEquals(sent + 3, OtpServiceStub.CREATED.size());
    }

    @Test
    void oneAccountTriesAtMostItsLimitOfCodes() {
        UUID owner = UUID.randomUUID();
        String companyId = created(owner, freshIp());
        start(owner, companyId, freshIp()).then().statusCode(202);
        for (int i = 0; i < 3; i++) {
            confirm(owner, companyId, "000000", freshIp()).then().statusCode(422);
        }
        refusedBy(confirm(owner, companyId, "000000", freshIp()), "company_verification_confirm_account");
    }

    @Test
    void oneAddressTriesAtMostItsLimitOfCodes() {
        String ip = freshIp();
        for (int i = 0; i < 2; i++) {
            UUID owner = UUID.randomUUID();
            String companyId = created(owner, freshIp());
            start(owner, companyId, freshIp()).then().statusCode(202);
            confirm(owner, companyId, "000000", ip).then().statusCode(422);
            confirm(owner, companyId, "000000", ip).then().statusCode(422);
        }
        UUID owner = UUID.randomUUID();
        String companyId = created(owner, freshIp());
        start(owner, companyId, freshIp()).then().statusCode(202);
        refusedBy(confirm(owner, companyId, "000000", ip), "company_verification_confirm_ip");
    }

    private static Response create(UUID owner, String ip) {
        return given().auth().oauth2(Companies.ISSUER.userToken(owner)).header("X-Forwarded-For", ip)
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Limited Ltd", "countryCode", "KE", "phoneNumber", "+254712345678"))
                .when().post("/companies");
    }

    private static String created(UUID owner, String ip) {
        return create(owner, ip).then().statusCode(201).extract().path("companyId");
    }

    private static Response start(UUID user, String companyId, String ip) {
        return given().auth().oauth2(Companies.ISSUER.userToken(user)).header("X-Forwarded-For", ip)
                .when().post("/companies/" + companyId + "/verification");
    }

    private static Response confirm(UUID user, String companyId, String code, String ip) {
        return given().auth().oauth2(Companies.ISSUER.userToken(user)).header("X-Forwarded-For", ip)
                .contentType(ContentType.JSON).body(Map.of("code", code))
                .when().post("/companies/" + companyId + "/verification/confirm");
    }

    private static void refusedBy(Response refused, String limit) {
        refused.then().statusCode(429).contentType("application/problem+json")
                .body("code", equalTo("rate_limited"))
                .body("limit", equalTo(limit));
        int retryAfter = Integer.parseInt(refused.header("Retry-After"));
        assertTrue(retryAfter > 0 && retryAfter <= 3600, "Retry-After " + retryAfter);
    }

    /** An address from the documentation range no other test uses. */
    private static synchronized String freshIp() {
        addresses++;
        return "203.0." + (addresses / 250 % 250) + "." + (addresses % 250 + 1);
    }

    private static List<Response> parallel(int count, IntFunction<Response> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                Callable<Response> call = () -> {
                    start.await();
                    return request.apply(index);
                };
                answers.add(pool.submit(call));
            }
            start.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> answer : answers) {
                responses.add(answer.get(60, TimeUnit.SECONDS));
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }

    private static long count(List<Response> responses, int status) {
        return responses.stream().filter(response -> response.statusCode() == status).count();
    }

    private static String statuses(List<Response> answers) {
        return answers.stream().map(answer -> answer.statusCode() + " " + answer.body().asString()).toList()
                .toString();
    }
}
