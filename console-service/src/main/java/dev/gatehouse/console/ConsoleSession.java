package dev.gatehouse.console;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A signed-in browser as the console stores it: the Gatehouse tokens stay here, the browser holds only the random
 * id whose digest is {@code idHash}.
 */
public record ConsoleSession(byte[] idHash, UUID userId, String email, boolean platformAdmin,
        UUID gatehouseSessionId, String accessToken, OffsetDateTime accessExpiresAt, String refreshToken,
        OffsetDateTime refreshExpiresAt, String csrfToken, Flash flash) {

    /** A one-time notice shown on the next page, after a form's POST/redirect/GET. */
    public record Flash(String kind, String text) {

        public boolean error() {
            return "error".equals(kind);
        }
    }
}
