package dev.gatehouse.auth;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class BackgroundTest {

    @Test
    void noBackgroundBeforeTheFirstPut() {
        People me = People.signUp();
        me.asMe().when().get("/users/me/background/software").then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("background_not_found"));
        me.asMe().when().get("/users/me/background/hardware").then().statusCode(404)
                .body("code", equalTo("background_not_found"));
    }

    @Test
    void theSoftwareBackgroundIsCreatedThenReplacedWithNormalisedLists() {
        People me = People.signUp();
        putSoftware(me, "intermediate", List.of("  Java", "KOTLIN", "java ", "Go"), List.of("Quarkus")).statusCode(201)
                .header("Location", notNullValue())
                .body("experienceLevel", equalTo("intermediate"))
                .body("preferredLanguages", equalTo(List.of("java", "kotlin", "go")))
                .body("preferredFrameworks", equalTo(List.of("quarkus")))
                .body("createdAt", notNullValue());
        String firstUpdate = me.asMe().when().get("/users/me/background/software").then().statusCode(200)
                .body("preferredLanguages", equalTo(List.of("java", "kotlin", "go")))
                .extract().path("updatedAt");

        putSoftware(me, "expert", List.of("Rust"), null).statusCode(200)
                .body("experienceLevel", equalTo("expert"))
                .body("preferredLanguages", equalTo(List.of("rust")))
                .body("preferredFrameworks", equalTo(List.of()));
        String secondUpdate = me.asMe().when().get("/users/me/background/software").then().statusCode(200)
                .body("preferredLanguages", equalTo(List.of("rust")))
                .extract().path("updatedAt");
        // The trigger keeps updated_at.
        assertTrue(OffsetDateTime.parse(secondUpdate).isAfter(OffsetDateTime.parse(firstUpdate)));
    }

    @Test
    void theHardwareBackgroundIsCreatedThenReplaced() {
        People me = People.signUp();
        putHardware(me, "beginner", List.of("Arduino", "arduino", "Raspberry Pi"), List.of("Microcontroller"))
                .statusCode(201)
                .body("preferredPlatforms", equalTo(List.of("arduino", "raspberry pi")))
                .body("deviceTypes", equalTo(List.of("microcontroller")));
        putHardware(me, "advanced", List.of(), List.of("FPGA")).statusCode(200)
                .body("experienceLevel", equalTo("advanced"))
                .body("preferredPlatforms", equalTo(List.of()))
                .body("deviceTypes", equalTo(List.of("fpga")));
        me.asMe().when().get("/users/me/background/hardware").then().statusCode(200)
                .body("experienceLevel", equalTo("advanced"));
    }

    @Test
    void theExperienceLevelMustBeAKnownOne() {
        People me = People.signUp();
        for (String level : Arrays.asList("guru", "Expert", "", null)) {
            putSoftware(me, level, List.of("java"), List.of()).statusCode(400)
                    .body("errors.field", hasItem("experienceLevel"));
            putHardware(me, level, List.of(), List.of()).statusCode(400)
                    .body("errors.field", hasItem("experienceLevel"));
        }
        me.asMe().when().get("/users/me/background/software").then().statusCode(404);
    }

    @Test
    void listsHaveAtMostFiftyEntriesOfAtMostFiftyCharacters() {
        People me = People.signUp();
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            tooMany.add("language" + i);
        }
        putSoftware(me, "expert", tooMany, List.of()).statusCode(400)
                .body("errors[0].field", equalTo("preferredLanguages"));
        putSoftware(me, "expert", List.of("java", "x".repeat(51)), List.of()).statusCode(400)
                .body("errors[0].field", equalTo("preferredLanguages[1]"));
        putSoftware(me, "expert", List.of(), Arrays.asList("quarkus", "   ", null)).statusCode(400)
                .body("errors.field", equalTo(List.of("preferredFrameworks[1]", "preferredFrameworks[2]")));
        putHardware(me, "expert", tooMany, List.of()).statusCode(400)
                .body("errors[0].field", equalTo("preferredPlatforms"));
        putHardware(me, "expert", List.of(), List.of("y".repeat(51))).statusCode(400)
                .body("errors[0].field", equalTo("deviceTypes[0]"));
        // Fifty entries of fifty characters are fine.
        List<String> fifty = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            fifty.add(String.format("%050d", i));
        }
        putSoftware(me, "expert", fifty, fifty).statusCode(201);
    }

    @Test
    void aMalformedBodyIsABadRequest() {
        People me = People.signUp();
        me.asMe().body("{\"experienceLevel\":\"expert\",\"preferredLanguages\":\"java\"}")
                .when().put("/users/me/background/software").then().statusCode(400)
                .body("errors[0].field", equalTo("preferredLanguages"));
        me.asMe().when().put("/users/me/background/hardware").then().statusCode(400);
    }

    @Test
    void backgroundsNeedAToken() {
        io.restassured.RestAssured.given().when().get("/users/me/background/software").then().statusCode(401);
    }

    static ValidatableResponse putSoftware(People person, String level, List<String> languages,
            List<String> frameworks) {
        Map<String, Object> body = new HashMap<>();
        body.put("experienceLevel", level);
        body.put("preferredLanguages", languages);
        body.put("preferredFrameworks", frameworks);
        return person.asMe().body(body).when().put("/users/me/background/software").then();
    }

    static ValidatableResponse putHardware(People person, String level, List<String> platforms,
            List<String> deviceTypes) {
        Map<String, Object> body = new HashMap<>();
        body.put("experienceLevel", level);
        body.put("preferredPlatforms", platforms);
        body.put("deviceTypes", deviceTypes);
        return person.asMe().body(body).when().put("/users/me/background/hardware").then();
    }
}
