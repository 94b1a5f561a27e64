package dev.gatehouse.auth.service;

import java.util.UUID;

/** A reset that was recorded and whose email is still to be sent; it holds the secret only until then. */
record PendingResetMail(UUID resetId, UUID userId, String to, ResetMails.Mail mail) {
}
