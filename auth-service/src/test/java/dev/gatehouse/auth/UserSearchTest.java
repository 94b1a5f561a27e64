package dev.gatehouse.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.gatehouse.auth.repository.UserFilter;
import dev.gatehouse.auth.repository.UserSearchSql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
class UserSearchTest {

    @Inject
    Database database;

    @Test
    void anAdminFindsPeopleByLanguageFrameworkPlatformAndDeviceType() {
        String language = unique("lang");
        String platform = unique("platform");
        People alice = People.signUp();
        People bob = People.signUp();
        People carol = People.signUp();
        BackgroundTest.putSoftware(alice, "expert", List.of(language.toUpperCase(), "java"), List.of("quarkus"))
                .statusCode(201);
        BackgroundTest.putSoftware(bob, "beginner", List.of(language), List.of()).statusCode(201);
        BackgroundTest.putSoftware(carol, "advanced", List.of("java"), List.of()).statusCode(201);
        BackgroundTest.putHardware(alice, "expert", List.of(platform), List.of("sensor")).statusCode(201);
        BackgroundTest.putHardware(carol, "expert", List.of(platform), List.of()).statusCode(201);

        String admin = adminToken();
        asAdmin(admin).queryParam("language", "  " + language.toUpperCase() + " ")
                .when().get("/users").then().statusCode(200)
                .body("items.id", containsInAnyOrder(alice.id(), bob.id()))
                .body("items[0].email", org.hamcrest.Matchers.notNullValue())
                .body("totalItems", equalTo(2)).body("totalPages", equalTo(1))
                .body("page", equalTo(0)).body("size", equalTo(20));
        asAdmin(admin).queryParam("platform", platform)
                .when().get("/users").then().statusCode(200)
                .body("items.id", containsInAnyOrder(alice.id(), carol.id()));
        asAdmin(admin).queryParam("language", language).queryParam("platform", platform)
                .queryParam("framework", "Quarkus").queryParam("deviceType", "SENSOR")
                .when().get("/users").then().statusCode(200)
                .body("items.id", equalTo(List.of(alice.id())));
        asAdmin(admin).queryParam("language", unique("nobody"))
                .when().get("/users").then().statusCode(200)
                .body("items", equalTo(List.of())).body("totalItems", equalTo(0)).body("totalPages", equalTo(0));
    }

    @Test
    void resultsComeInPages() {
        String language = unique("paged");
        List<People> people = List.of(People.signUp(), People.signUp(), People.signUp());
        for (People person : people) {
            BackgroundTest.putSoftware(person, "expert", List.of(language), List.of()).statusCode(201);
        }
        String admin = adminToken();
        asAdmin(admin).queryParam("language", language).queryParam("size", 2)
                .when().get("/users").then().statusCode(200)
                .body("items.id", equalTo(List.of(people.get(0).id(), people.get(1).id())))
                .body("totalItems", equalTo(3)).body("totalPages", equalTo(2));
        asAdmin(admin).queryParam("language", language).queryParam("size", 2).queryParam("page", 1)
                .when().get("/users").then().statusCode(200)
                .body("items.id", equalTo(List.of(people.get(2).id())))
                .body("page", equalTo(1));
    }

    @Test
    void onlyPlatformAdminsSearch() {
        People me = People.signUp();
        me.asMe().queryParam("language", "java").when().get("/users").then().statusCode(403)
                .contentType("application/problem+json").body("code", equalTo("forbidden"));
        given().when().get("/users").then().statusCode(401);
    }

    @Test
    void badQueriesAreFieldErrors() {
        String admin = adminToken();
        asAdmin(admin).queryParam("page", -1).when().get("/users").then().statusCode(400)
                .body("errors.field", hasItem("page"));
        asAdmin(admin).queryParam("size", 0).when().get("/users").then().statusCode(400)
                .body("errors.field", hasItem("size"));
        asAdmin(admin).queryParam("size", "many").when().get("/users").then().statusCode(400)
                .body("errors.field", hasItem("size"));
        asAdmin(admin).queryParam("language", "x".repeat(51)).when().get("/users").then().statusCode(400)
                .body("errors.field", hasItem("language"));
    }

    @Test
    void eachFilterIsAnswerableFromItsGinIndex() {
        Map<String, UserFilter> filters = Map.of(
                "idx_software_background_languages", new UserFilter("java", null, null, null),
                "idx_software_background_frameworks", new UserFilter(null, "quarkus", null, null),
                "idx_hardware_background_platforms", new UserFilter(null, null, "arduino", null),
                "idx_hardware_background_device_types", new UserFilter(null, null, null, "sensor"));
        filters.forEach((index, filter) -> {
            UserSearchSql search = UserSearchSql.of(filter);
            assertTrue(search.count().contains("@> ARRAY[CAST($"), search.count());
            String sql = search.count();
            List<Object> parameters = search.parameters();
            // the highest first, so $1 never replaces the start of $10
            for (int i = parameters.size(); i >= 1; i--) {
                sql = sql.replace("$" + i, "'" + parameters.get(i - 1) + "'");
            }
            String plan = database.explainWithoutSequentialScans(sql);
            assertTrue(plan.contains(index), index + " is not used:\n" + plan);
        });
    }

    /** A new account made platform admin in the database (there is no API for it), then signed in again. */
    private String adminToken() {
        People admin = People.signUp();
        database.update("update users set roles = array['user', 'platform-admin'] where id = ?::uuid", admin.id());
        String token = admin.freshAccessToken();
        assertTrue(People.claims(token).getList("groups").contains("platform-admin"));
        return token;
    }

    private static RequestSpecification asAdmin(String token) {
        return given().auth().oauth2(token);
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
