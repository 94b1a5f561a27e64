package dev.gatehouse.local;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The gateway's own errors in the project's one error format, RFC 9457 problem+json with a stable code. */
final class Problems {

    static final String CONTENT_TYPE = "application/problem+json";

    private Problems() {
    }

    static void send(HttpServerResponse response, int status, String code, String title, String detail) {
        send(response, problem(status, code, title, detail));
    }

    static JsonObject problem(int status, String code, String title, String detail) {
        return new JsonObject()
                .put("type", "about:blank")
                .put("title", title)
                .put("status", status)
                .put("detail", detail)
                .put("code", code);
    }

    static JsonObject withFieldError(JsonObject problem, String field, String message) {
        return problem.put("errors", new JsonArray().add(new JsonObject().put("field", field).put("message", message)));
    }

    static void send(HttpServerResponse response, JsonObject problem) {
        if (response.ended() || response.closed()) {
            return;
        }
        response.setStatusCode(problem.getInteger("status"))
                .putHeader("Content-Type", CONTENT_TYPE)
                .end(problem.encode());
    }
}
