package dev.gatehouse.approval;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import dev.gatehouse.testing.TestIssuer;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Test helper: join requests made and decided through the API. */
final class Approvals {

    static final TestIssuer ISSUER = TestIssuer.shared();

    private Approvals() {
    }

    static String token(UUID user) {
        return ISSUER.userToken(user);
    }

    static ValidatableResponse ask(UUID user, String companyId) {
        return ask(user, Map.of("companyId", companyId));
    }

    static ValidatableResponse ask(UUID user, Map<String, ?> body) {
        return given().auth().oauth2(token(user)).contentType(ContentType.JSON).body(body)
                .when().post("/approvals").then();
    }

    /** A pending request of {@code user} to join {@code companyId}; returns its id. */
    static String pending(UUID user, String companyId) {
        return ask(user, companyId).statusCode(201).extract().path("id");
    }

    static ValidatableResponse approve(UUID reviewer, String requestId) {
        return given().auth().oauth2(token(reviewer)).when().post("/approvals/" + requestId + "/approve").then();
    }

    static ValidatableResponse approve(UUID reviewer, String requestId, String role) {
        Map<String, Object> body = new HashMap<>();
        body.put("role", role);
        return given().auth().oauth2(token(reviewer)).contentType(ContentType.JSON).body(body)
                .when().post("/approvals/" + requestId + "/approve").then();
    }

    static ValidatableResponse reject(UUID reviewer, String requestId, String reason) {
        Map<String, Object> body = new HashMap<>();
        body.put("reason", reason);
        return given().auth().oauth2(token(reviewer)).contentType(ContentType.JSON).body(body)
                .when().post("/approvals/" + requestId + "/reject").then();
    }

    static ValidatableResponse cancel(UUID user, String requestId) {
        return given().auth().oauth2(token(user)).when().post("/approvals/" + requestId + "/cancel").then();
    }

    static ValidatableResponse read(UUID user, String requestId) {
        return given().auth().oauth2(token(user)).when().get("/approvals/" + requestId).then();
    }

    static ValidatableResponse list(UUID user, String companyId) {
        return given().auth().oauth2(token(user)).queryParam("companyId", companyId).when().get("/approvals").then();
    }
}
