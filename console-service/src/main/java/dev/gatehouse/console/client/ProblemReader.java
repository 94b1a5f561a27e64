package dev.gatehouse.console.client;

import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads the services' problem+json answers; anything else becomes an "unavailable" problem. */
final class ProblemReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProblemReader() {
    }

    static ServiceProblem read(Response response) {
        int status = response.getStatus();
        String body;
        try {
            body = response.hasEntity() ? response.readEntity(String.class) : "";
        } catch (RuntimeException unreadable) {
            body = "";
        }
        try {
            JsonNode problem = body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
            String code = problem.path("code").asText("");
            if (code.isEmpty()) {
                code = status >= 500 ? ServiceProblem.UNAVAILABLE : "http_" + status;
            }
            List<ServiceProblem.FieldError> errors = new ArrayList<>();
            for (JsonNode error : problem.path("errors")) {
                errors.add(new ServiceProblem.FieldError(error.path("field").asText(""),
                        error.path("message").asText("")));
            }
            JsonNode remaining = problem.path("remainingAttempts");
            return new ServiceProblem(status, code, problem.path("detail").asText(null), errors,
                    remaining.isNumber() ? remaining.asInt() : null);
        } catch (Exception notJson) {
            return new ServiceProblem(status, status >= 500 ? ServiceProblem.UNAVAILABLE : "http_" + status, null,
                    List.of(), null);
        }
    }
}
