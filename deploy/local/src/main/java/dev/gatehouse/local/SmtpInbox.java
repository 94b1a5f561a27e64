package dev.gatehouse.local;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * A real SMTP server (GreenMail) that accepts every mail without authentication and keeps it in a mailbox per
 * recipient, so that otp-service sends mail exactly as it does in production.
 */
final class SmtpInbox implements MessageSource, AutoCloseable {

    private final GreenMail greenMail;

    private SmtpInbox(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    /** Port 0 picks a free port. */
    static SmtpInbox start(int port) {
        ServerSetup smtp = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        GreenMail greenMail = new GreenMail(port == 0 ? smtp.dynamicPort() : smtp)
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        greenMail.start();
        return new SmtpInbox(greenMail);
    }

    int port() {
        return greenMail.getSmtp().getPort();
    }

    /** GreenMail creates one mailbox per envelope recipient, which also catches Bcc. */
    @Override
    public List<InboxMessage> messagesTo(String destination) {
        List<InboxMessage> messages = new ArrayList<>();
        greenMail.getUserManager()
                .findUsers(user -> destination.equalsIgnoreCase(user.getEmail()))
                .forEach(user -> messages.addAll(inboxOf(user)));
        return messages;
    }

    private List<InboxMessage> inboxOf(GreenMailUser user) {
        try {
            List<InboxMessage> messages = new ArrayList<>();
            for (StoredMessage stored : greenMail.getManagers().getImapHostManager().getInbox(user).getMessages()) {
                messages.add(toInboxMessage(user.getEmail(), stored));
            }
            return messages;
        } catch (FolderException | MessagingException | IOException e) {
            throw new IllegalStateException("Cannot read the mailbox of " + user.getEmail(), e);
        }
    }

    private static InboxMessage toInboxMessage(String recipient, StoredMessage stored)
            throws MessagingException, IOException {
        MimeMessage mail = stored.getMimeMessage();
        Instant received = stored.getReceivedDate() == null ? Instant.now() : stored.getReceivedDate().toInstant();
        return new InboxMessage(InboxMessage.EMAIL, recipient, mail.getSubject(), MailText.of(mail), received);
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
