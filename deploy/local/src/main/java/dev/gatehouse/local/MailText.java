package dev.gatehouse.local;

import java.io.IOException;
import java.util.Optional;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;

/** The readable text of a mail: its text/plain part, or its HTML with the markup removed when it has none. */
final class MailText {

    private MailText() {
    }

    /** Line ends are normalised to \n: SMTP carries CRLF, which only gets in the way of a reader or a test. */
    static String of(Part mail) throws MessagingException, IOException {
        return find(mail, "text/plain")
                .or(() -> findUnchecked(mail, "text/html").map(MailText::withoutMarkup))
                .orElse("")
                .replace("\r\n", "\n");
    }

    private static Optional<String> find(Part part, String mimeType) throws MessagingException, IOException {
        if (part.isMimeType(mimeType) && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return Optional.of(String.valueOf(part.getContent()));
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                Optional<String> found = find(child, mimeType);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> findUnchecked(Part part, String mimeType) {
        try {
            return find(part, mimeType);
        } catch (MessagingException | IOException e) {
            return Optional.empty();
        }
    }

    /** Good enough to read a code or a link in a terminal; not an HTML renderer. */
    private static String withoutMarkup(String html) {
        return html.replaceAll("(?is)<(script|style)[^>]*>.*?</\\1>", "")
                .replaceAll("(?i)<br\\s*/?>|</p>|</div>|</h\\d>|</li>", "\n")
                .replaceAll("(?s)<[^>]+>", "")
                .replace("&nbsp;", " ")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&amp;", "&")
                .replaceAll("[ \\t]+\\n", "\n")
                .replaceAll("\\n{3,}", "\n\n")
                .strip();
    }
}
