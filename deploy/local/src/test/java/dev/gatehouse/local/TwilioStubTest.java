package dev.gatehouse.local;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.vertx.core.Vertx;

class TwilioStubTest {

    private static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
    private static final String AUTH_TOKEN = "fedcba9876543210fedcba9876543210";
    private static final String MESSAGES = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json";

    private static Vertx vertx;
    private static TwilioStub twilio;
    private static int port;

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        twilio = new TwilioStub(ACCOUNT_SID, AUTH_TOKEN);
        port = twilio.listen(vertx, 0).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void acceptsAMessageAsTwilioDoes() {
        TestServers.request(port)
                .auth().preemptive().basic(ACCOUNT_SID, AUTH_TOKEN)
                .formParam("To", "+254711000001")
                .formParam("From", "+15005550006")
                .formParam("Body", "Your Gatehouse code is 482913")
                .when().post(MESSAGES)
                .then().statusCode(201)
                .contentType("application/json")
                .body("sid", matchesPattern("SM[0-9a-f]{32}"))
                .body("account_sid", equalTo(ACCOUNT_SID))
                .body("status", equalTo("queued"))
                .body("to", equalTo("+254711000001"))
                .body("from", equalTo("+15005550006"))
                .body("body", equalTo("Your Gatehouse code is 482913"))
                .body("direction", equalTo("outbound-api"))
                .body("date_created", matchesPattern("\\w{3}, \\d{2} \\w{3} \\d{4} \\d{2}:\\d{2}:\\d{2} \\+0000"))
                .body("uri", matchesPattern("/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages/SM[0-9a-f]{32}\\.json"));

        List<InboxMessage> kept = twilio.messagesTo("+254 711 000 001");
        assertEquals(1, kept.size());
        assertEquals("Your Gatehouse code is 482913", kept.get(0).text());
        assertEquals(InboxMessage.SMS, kept.get(0).channel());
    }

    @Test
    void acceptsAMessagingServiceInsteadOfAFromNumber() {
        TestServers.request(port)
                .auth().preemptive().basic(ACCOUNT_SID, AUTH_TOKEN)
                .formParam("To", "+254711000002")
                .formParam("MessagingServiceSid", "MG0123456789abcdef0123456789abcdef")
                .formParam("Body", "Hello")
                .when().post(MESSAGES)
                .then().statusCode(201)
                .body("from", nullValue())
                .body("messaging_service_sid", equalTo("MG0123456789abcdef0123456789abcdef"));
    }

    @Test
    void rejectsAWrongAuthToken() {
        TestServers.request(port)
                .auth().preemptive().basic(ACCOUNT_SID, "not-the-token")
                .formParam("To", "+254711000003")
                .formParam("From", "+15005550006")
                .formParam("Body", "Hello")
                .when().post(MESSAGES)
                .then().statusCode(401)
                .body("code", equalTo(20003))
                .body("status", equalTo(401))
                .body("more_info", equalTo("https://www.twilio.com/docs/errors/20003"));
        assertEquals(List.of(), twilio.messagesTo("+254711000003"));
    }

    @Test
    void rejectsAMissingAuthorization() {
        TestServers.request(port)
                .formParam("To", "+254711000004").formParam("From", "+15005550006").formParam("Body", "Hello")
                .when().post(MESSAGES)
                .then().statusCode(401)
                .body("code", equalTo(20003));
    }

    @Test
    void rejectsAnotherAccountsPath() {
        TestServers.request(port)
                .auth().preemptive().basic(ACCOUNT_SID, AUTH_TOKEN)
                .formParam("To", "+254711000005").formParam("From", "+15005550006").formParam("Body", "Hello")
                .when().post("/2010-04-01/Accounts/AC99999999999999999999999999999999/Messages.json")
                .then().statusCode(401);
    }

    @Test
    void answersTwilioErrorForAMalformedTo() {
        TestServers.request(port)
                .auth().preemptive().basic(ACCOUNT_SID, AUTH_TOKEN)
                .formParam("To", "0711 000 006")
                .formParam("From", "+15005550006")
                .formParam("Body", "Hello")
                .when().post(MESSAGES)
                .then().statusCode(400)
                .body("code", equalTo(21211))
                .body("message", equalTo("Invalid 'To' Phone Number: 0711 000 006"))
                .body("more_info", equalTo("https://www.twilio.com/docs/errors/21211"))
                .body("status", equalTo(400));
    }

    @Test
    void requiresABody() {
        TestServers.request(port)
                .auth().preemptive().basic(ACCOUNT_SID, AUTH_TOKEN)
                .formParam("To", "+254711000007")
                .formParam("From", "+15005550006")
                .when().post(MESSAGES)
                .then().statusCode(400)
                .body("code", equalTo(21602));
    }
}
