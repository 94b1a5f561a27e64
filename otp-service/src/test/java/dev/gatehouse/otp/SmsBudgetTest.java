package dev.gatehouse.otp;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.gatehouse.testing.TrustAuthService;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/** The SMS budgets and the country allow-list, with budgets small enough to run into. */
@QuarkusTest
@TestProfile(SmsBudgetTest.SmallBudgets.class)
@QuarkusTestResource(TrustAuthService.class)
@QuarkusTestResource(TwilioStub.class)
@QuarkusTestResource(MailServer.class)
class SmsBudgetTest {

    static final int PER_SUBJECT = 3;
    static final int PER_IP = 4;
    static final int PER_COUNTRY = 6;
    static final int GLOBAL = 8;

    public static class SmallBudgets implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gatehouse.otp.sms.allowed-country-codes", "254,255",
                    "gatehouse.otp.sms.budget.per-subject", String.valueOf(PER_SUBJECT),
                    "gatehouse.otp.sms.budget.per-ip", String.valueOf(PER_IP),
                    "gatehouse.otp.sms.budget.per-country", String.valueOf(PER_COUNTRY),
                    "gatehouse.otp.sms.budget.global", String.valueOf(GLOBAL));
        }
    }

    @Inject
    Database database;

    @Inject
    MeterRegistry registry;

    /** Each test starts with untouched budgets; destination counters are per fresh number anyway. */
    @BeforeEach
    void freshBudgets() throws InterruptedException {
        awayFromAWindowBoundary();
        database.update("DELETE FROM otp_rate_limits WHERE key LIKE 'sms-%'");
    }

    @Test
    void oneSubjectGetsAtMostItsBudgetOfTexts() {
        UUID subject = UUID.randomUUID();
        String[] phones = new String[PER_SUBJECT + 1];
        for (int i = 0; i < phones.length; i++) {
            phones[i] = Otps.uniquePhone();
        }
        for (int i = 0; i < PER_SUBJECT; i++) {
            Otps.createFor("COMPANY_VERIFICATION", "SMS", phones[i], subject, null).then().statusCode(201);
        }

        Response refused = Otps.createFor("COMPANY_VERIFICATION", "SMS", phones[PER_SUBJECT], subject, null);
        refusedBy(refused, "sms_subject");
        nothingSentOrWrittenTo(phones[PER_SUBJECT]);

        // Email is no toll-fraud channel: the subject still gets its email code; another subject its text.
        Otps.createFor("EMAIL_VERIFICATION", "EMAIL", Otps.uniqueEmail(), subject, null).then().statusCode(201);
        Otps.createFor("COMPANY_VERIFICATION", "SMS", phones[PER_SUBJECT], UUID.randomUUID(), null).then()
                .statusCode(201);
    }

    @Test
    void aResendCountsAgainstTheSubjectsBudgetToo() {
        UUID subject = UUID.randomUUID();
        String phone = Otps.uniquePhone();
        String id = Otps.createFor("PHONE_VERIFICATION", "SMS", phone, subject, null).then().statusCode(201)
                .extract().path("id");
        for (int i = 1; i < PER_SUBJECT; i++) {
            database.sentEarlier(phone, 61);
            Otps.resend(id).then().statusCode(202);
        }
        database.sentEarlier(phone, 61);
        refusedBy(Otps.resend(id), "sms_subject");
        assertEquals(PER_SUBJECT, TwilioStub.get().messagesTo(phone).size());
        assertEquals(PER_SUBJECT - 1, ((Number) database.otp(id).get("resend_count")).intValue());
    }

    @Test
    void parallelRequestsFromOneAddressCannotOverrunItsBudget() throws Exception {
        int parallel = 12;
        List<String> phones = new ArrayList<>();
        for (int i = 0; i < parallel; i++) {
            phones.add(Otps.uniquePhone());
        }
        List<Response> answers = Parallel.run(parallel, i -> Otps.createFor("COMPANY_VERIFICATION", "SMS",
                phones.get(i), UUID.randomUUID(), "203.0.113.7"));

        assertEquals(PER_IP, Parallel.count(answers, 201), statuses(answers));
        assertEquals(parallel - PER_IP, Parallel.count(answers, 429), statuses(answers));
        answers.stream().filter(answer -> answer.statusCode() == 429).forEach(answer -> refusedBy(answer, "sms_ip"));
        assertEquals(PER_IP, phones.stream().mapToInt(phone -> TwilioStub.get().messagesTo(phone).size()).sum());
        assertEquals(PER_IP, rowsFor(phones));
        assertEquals(List.of(Map.of("count", PER_IP)),
                database.query("SELECT count FROM otp_rate_limits WHERE key = 'sms-ip:203.0.113.7'"));

        // Another address is not affected.
        Otps.createFor("COMPANY_VERIFICATION", "SMS", Otps.uniquePhone(), UUID.randomUUID(), "203.0.113.8")
                .then().statusCode(201);
    }

    @Test
    void oneCountryGetsAtMostItsBudgetAndOthersGoOn() {
        for (int i = 0; i < PER_COUNTRY; i++) {
            Otps.createFor("LOGIN", "SMS", Otps.uniqueTanzanianPhone(), UUID.randomUUID(), null).then()
                    .statusCode(201);
        }
        String phone = Otps.uniqueTanzanianPhone();
        refusedBy(Otps.createFor("LOGIN", "SMS", phone, UUID.randomUUID(), null), "sms_country");
        nothingSentOrWrittenTo(phone);

        Otps.createFor("LOGIN", "SMS", Otps.uniquePhone(), UUID.randomUUID(), null).then().statusCode(201);
    }

    @Test
    void parallelRequestsCannotOverrunTheGlobalBudget() throws Exception {
        int parallel = 20;
        List<String> phones = new ArrayList<>();
        for (int i = 0; i < parallel; i++) {
            phones.add(i % 2 == 0 ? Otps.uniquePhone() : Otps.uniqueTanzanianPhone());
        }
        List<Response> answers = Parallel.run(parallel,
                i -> Otps.createFor("LOGIN", "SMS", phones.get(i), UUID.randomUUID(), null));

        assertEquals(GLOBAL, Parallel.count(answers, 201), statuses(answers));
        assertEquals(parallel - GLOBAL, Parallel.count(answers, 429), statuses(answers));
        assertEquals(GLOBAL, phones.stream().mapToInt(phone -> TwilioStub.get().messagesTo(phone).size()).sum());
        assertEquals(GLOBAL, rowsFor(phones));
        assertEquals(List.of(Map.of("count", GLOBAL)),
                database.query("SELECT count FROM otp_rate_limits WHERE key = 'sms-global'"));

        // The next text is refused by the global budget alone. Which numbers got through decided each country's
        // count: one country may have reached its own budget (checked first), so the next text goes to the other.
        // Eight accepted texts over two countries leave one of them at four or fewer, below its budget of six.
        String phone = textedNumbers(phones, "+254") <= textedNumbers(phones, "+255") ? Otps.uniquePhone()
                : Otps.uniqueTanzanianPhone();
        refusedBy(Otps.createFor("LOGIN", "SMS", phone, UUID.randomUUID(), null), "sms_global");
        nothingSentOrWrittenTo(phone);
    }

    /** How many of {@code phones} whose number starts with {@code prefix} received a text. */
    private static long textedNumbers(List<String> phones, String prefix) {
        return phones.stream().filter(phone -> phone.startsWith(prefix))
                .filter(phone -> !TwilioStub.get().messagesTo(phone).isEmpty()).count();
    }

    @Test
    void textsOnlyGoToAllowedCountries() {
        String german = "+4930123456";
        Otps.createFor("COMPANY_VERIFICATION", "SMS", german, UUID.randomUUID(), null).then().statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("destination_not_allowed"))
                .body("allowedCountryCodes", hasItems("254", "255"));
        nothingSentOrWrittenTo(german);
        assertEquals(List.of(), database.query("SELECT key FROM otp_rate_limits WHERE key LIKE ?", "%" + german));
    }

    @Test
    void textsSentAreCountedByCountry() {
        double kenya = sentTo("254");
        double tanzania = sentTo("255");
        Otps.createFor("LOGIN", "SMS", Otps.uniquePhone(), null, null).then().statusCode(201);
        Otps.createFor("LOGIN", "SMS", Otps.uniqueTanzanianPhone(), null, null).then().statusCode(201);
        Otps.createFor("LOGIN", "SMS", Otps.uniqueTanzanianPhone(), null, null).then().statusCode(201);
        Otps.createFor("LOGIN", "SMS", "+4930123457", null, null).then().statusCode(422);

        assertEquals(kenya + 1, sentTo("254"));
        assertEquals(tanzania + 2, sentTo("255"));
    }

    @Test
    void aClientIpMustBeAnAddress() {
        Otps.createFor("LOGIN", "SMS", Otps.uniquePhone(), null, "not an address").then().statusCode(400)
                .body("code", equalTo("validation_failed"))
                .body("errors[0].field", equalTo("clientIp"));
        Otps.createFor("LOGIN", "SMS", Otps.uniquePhone(), null, "2001:db8::1").then().statusCode(201);
    }

    private double sentTo(String country) {
        var counter = registry.find("gatehouse.otp.sms.sent").tag("country", country).counter();
        return counter == null ? 0 : counter.count();
    }

    private static void refusedBy(Response refused, String limit) {
        refused.then().statusCode(429).contentType("application/problem+json")
                .body("code", equalTo("rate_limited"))
                .body("limit", equalTo(limit));
        int retryAfter = Integer.parseInt(refused.header("Retry-After"));
        assertTrue(retryAfter > 0 && retryAfter <= 3600, "Retry-After " + retryAfter);
    }

    private void nothingSentOrWrittenTo(String phone) {
        assertEquals(List.of(), TwilioStub.get().messagesTo(phone));
        assertEquals(List.of(), database.query("SELECT id FROM otps WHERE destination = ?", phone));
        assertEquals(List.of(), database.query("SELECT count FROM otp_rate_limits WHERE key = ?",
                "destination:" + phone));
    }

    private int rowsFor(List<String> phones) {
        return phones.stream().mapToInt(phone -> database.query("SELECT id FROM otps WHERE destination = ?", phone)
                .size()).sum();
    }

    private static String statuses(List<Response> answers) {
        return answers.stream().map(answer -> answer.statusCode() + " " + answer.body().asString()).toList()
                .toString();
    }

    /** The hourly windows are aligned to the clock; a test that straddles two would count in both. */
    private static void awayFromAWindowBoundary() throws InterruptedException {
        long intoTheHour = Instant.now().getEpochSecond() % 3600;
        if (intoTheHour > 3590) {
            Thread.sleep((3601 - intoTheHour) * 1000);
        }
    }

}
