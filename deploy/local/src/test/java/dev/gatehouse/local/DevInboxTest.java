package dev.gatehouse.local;

import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.vertx.core.Vertx;

/** Mail and SMS reach the dev inbox only through their real delivery paths, and the gateway serves it. */
class DevInboxTest {

    private static final String ACCOUNT_SID = "AC00000000000000000000000000000001";
    private static final String AUTH_TOKEN = "00000000000000000000000000000002";

    private static SmtpInbox smtp;
    private static Vertx vertx;
    private static TwilioStub twilio;
    private static int twilioPort;
    private static Gateway gateway;
    private static int gatewayPort;

    @BeforeAll
    static void start() throws Exception {
        smtp = SmtpInbox.start(0);
        vertx = Vertx.vertx();
        twilio = new TwilioStub(ACCOUNT_SID, AUTH_TOKEN);
        twilioPort = TestServers.await(twilio.listen(vertx, 0));
        RouteTable routes = RouteTable.fromGatewayDirectory(TestPaths.gatewayDirectory());
        Map<String, Integer> nothingListening = new HashMap<>();
        for (String backend : routes.backends()) {
            nothingListening.put(backend, TestServers.closedPort());
        }
        gateway = new Gateway(vertx, routes, nothingListening, new DevInbox(List.of(twilio, smtp)));
        gatewayPort = TestServers.await(gateway.listen(0));
    }

    @AfterAll
    static void stop() throws Exception {
        TestServers.await(gateway.close());
        TestServers.await(vertx.close());
        smtp.close();
    }

    @Test
    void keepsAMailSentOverSmtpAndShowsItsPlainText() throws Exception {
        send("Ada.Lovelace@Example.com", "Verify your email", "Your code is 123456\nIt expires in 10 minutes",
                "<p>Your code is <b>123456</b></p>");
        Thread.sleep(20);
        send("ada.lovelace@example.com", "Welcome", "Welcome to Gatehouse", null);

        TestServers.request(gatewayPort).queryParam("to", "ADA.LOVELACE@example.com")
                .when().get("/dev/inbox")
                .then().statusCode(200)
                .contentType("application/json")
                .body("$", hasSize(2))
                .body("[0].channel", equalTo("EMAIL"))
                .body("[0].subject", equalTo("Welcome"))
                .body("[1].subject", equalTo("Verify your email"))
                .body("[1].text", equalTo("Your code is 123456\nIt expires in 10 minutes"))
                .body("[1].to", equalTo("Ada.Lovelace@Example.com"))
                .body("[1].sentAt", notNullValue());
    }

    @Test
    void showsAnSmsPostedToTheProviderStub() {
        TestServers.request(twilioPort)
                .auth().preemptive().basic(ACCOUNT_SID, AUTH_TOKEN)
                .formParam("To", "+254711222333")
                .formParam("From", "+15005550006")
                .formParam("Body", "Gatehouse code: 654321")
                .when().post("/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json")
                .then().statusCode(201);

        // An unencoded "+" arrives as a space; the digits still find the number.
        TestServers.request(gatewayPort).urlEncodingEnabled(false)
                .when().get("/dev/inbox?to=+254711222333")
                .then().statusCode(200)
                .body("$", hasSize(1))
                .body("[0].channel", equalTo("SMS"))
                .body("[0].to", equalTo("+254711222333"))
                .body("[0].subject", nullValue())
                .body("[0].text", equalTo("Gatehouse code: 654321"));
    }

    @Test
    void answersAnEmptyListForSomeoneWithoutMessages() {
        TestServers.request(gatewayPort).queryParam("to", "nobody@example.com")
                .when().get("/dev/inbox")
                .then().statusCode(200)
                .body("$", empty());
    }

    @Test
    void requiresTo() {
        TestServers.request(gatewayPort)
                .when().get("/dev/inbox")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors[0].field", equalTo("to"));
    }

    private static void send(String to, String subject, String text, String html) throws MessagingException {
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.host", "127.0.0.1");
        properties.setProperty("mail.smtp.port", String.valueOf(smtp.port()));
        MimeMessage mail = new MimeMessage(Session.getInstance(properties));
        mail.setFrom("no-reply@gatehouse.local");
        mail.setRecipients(Message.RecipientType.TO, to);
        mail.setSubject(subject);
        if (html == null) {
            mail.setText(text, "UTF-8");
        } else {
            MimeBodyPart plain = new MimeBodyPart();
            plain.setText(text, "UTF-8");
            MimeBodyPart rich = new MimeBodyPart();
            rich.setContent(html, "text/html; charset=UTF-8");
            mail.setContent(new MimeMultipart("alternative", plain, rich));
        }
        Transport.send(mail);
    }
}
