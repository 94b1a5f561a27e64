package dev.gatehouse.otp;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** A real SMTP server (GreenMail) on 127.0.0.1 and a free port; otp-service sends to it as to any relay. */
public class MailServer implements QuarkusTestResourceLifecycleManager {

    static final String FROM = "no-reply@gatehouse.test";

    private static volatile MailServer running;

    private volatile GreenMail greenMail;
    private int port;

    @Override
    public Map<String, String> start() {
        greenMail = newServer(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        port = greenMail.getSmtp().getPort();
        running = this;
        return Map.of("quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", String.valueOf(greenMail.getSmtp().getPort()),
                "quarkus.mailer.start-tls", "DISABLED",
                "quarkus.mailer.from", FROM);
    }

    @Override
    public void stop() {
        if (greenMail != null) {
            greenMail.stop();
        }
    }

    static MailServer get() {
        return running;
    }

    /** Runs {@code action} while nothing listens on the SMTP port, then serves again on the same port. */
    void whileDown(Runnable action) {
        greenMail.stop();
        try {
            action.run();
        } finally {
            greenMail = newServer(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        }
    }

    private static GreenMail newServer(ServerSetup smtp) {
        GreenMail server = new GreenMail(smtp)
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        server.start();
        return server;
    }

    /** Mail delivered to {@code address}, oldest first. */
    List<MimeMessage> messagesTo(String address) {
        return Arrays.stream(greenMail.getReceivedMessages()).filter(message -> {
            try {
                return Arrays.stream(message.getAllRecipients()).anyMatch(r -> r.toString().equalsIgnoreCase(address));
            } catch (MessagingException e) {
                return false;
            }
        }).toList();
    }

    /** The first part of {@code message} with this MIME type, as text. */
    static String part(MimeMessage message, String mimeType) {
        try {
            return find(message, mimeType);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Unreadable mail", e);
        }
    }

    private static String find(Part part, String mimeType) throws MessagingException, IOException {
        if (part.isMimeType(mimeType)) {
            return part.getContent().toString();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                String found = find(child, mimeType);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
