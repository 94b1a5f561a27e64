package dev.gatehouse.local;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * {@code GET /dev/inbox?to=…}: the one path the local gateway serves itself. It exists only here, never in an
 * HTTPRoute, so no cluster can expose it.
 */
final class DevInboxEndpoint implements Handler<HttpServerRequest> {

    static final String PATH = "/dev/inbox";

    private final DevInbox inbox;

    DevInboxEndpoint(DevInbox inbox) {
        this.inbox = inbox;
    }

    @Override
    public void handle(HttpServerRequest request) {
        if (request.method() != HttpMethod.GET) {
            request.response().putHeader("Allow", "GET");
            Problems.send(request.response(), 405, "method_not_allowed", "Method Not Allowed",
                    "The dev inbox is read with GET");
            return;
        }
        String to = request.getParam("to");
        if (to == null || to.isBlank()) {
            Problems.send(request.response(), Problems.withFieldError(
                    Problems.problem(400, "validation_failed", "Bad Request", "Say whose messages to show: ?to=…"),
                    "to", "must not be blank"));
            return;
        }
        JsonArray messages = new JsonArray();
        inbox.messagesTo(to.trim()).forEach(message -> messages.add(toJson(message)));
        request.response()
                .putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "no-store")
                .end(messages.encodePrettily());
    }

    private static JsonObject toJson(InboxMessage message) {
        return new JsonObject()
                .put("channel", message.channel())
                .put("to", message.to())
                .put("subject", message.subject())
                .put("text", message.text())
                .put("sentAt", message.sentAt().toString());
    }
}
