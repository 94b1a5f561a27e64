package dev.gatehouse.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** POST /internal/import/users: idempotent by the source row, refuses what it cannot take, never overwrites. */
@QuarkusTest
class ImportUsersTest {

    private static final String BCRYPT = "$2b$05$.dVsTyyGOKytWcrbVCUjgOOI9wo.aNRv8J7KJrs6c21h0776Qk03i";

    @Inject
    Database database;

    @Test
    void aSourceRowIsImportedOnceAndItsPersonSignsInWithTheOldPassword() {
        String sourceId = "cuid-" + System.nanoTime();
        String email = "Zoë." + System.nanoTime() + "@Example.com";
        Map<String, Object> row = row(sourceId, email, null);
        row.put("emailVerified", true);

        String id = importUser(row).then().statusCode(201).body("outcome", equalTo("imported")).extract()
                .path("gatehouseId");
        importUser(row).then().statusCode(200).body("outcome", equalTo("already_imported"))
                .body("gatehouseId", equalTo(id));

        assertEquals(1, database.count("select count(*) from users where lower(email) = lower(?)", email));
        Map<String, Object> stored = database.query(
                "select email, imported_from, email_verified, phone_number from users where id = ?::uuid", id).get(0);
        assertEquals(email.toLowerCase(java.util.Locale.ROOT), stored.get("email"));
        assertEquals("better-auth", stored.get("imported_from"));
        assertEquals(true, stored.get("email_verified"));

        given().contentType(ContentType.JSON).body(Map.of("email", email, "password", "correct horse"))
                .when().post("/auth/login").then().statusCode(200);
        assertTrue(((String) database.query("select password_hash from users where id = ?::uuid", id).get(0)
                .get("password_hash")).startsWith("$argon2id$"));
    }

    @Test
    void anEmailOrPhoneAlreadyInGatehouseIsRefusedAndTheAccountLeftAlone() {
        String email = Accounts.uniqueEmail();
        String phone = Accounts.uniquePhone();
        String existing = Accounts.register(email, phone).getString("id");

        importUser(row("dup-1-" + System.nanoTime(), email.toUpperCase(), null))
                .then().statusCode(409).body("code", equalTo("email_taken"));
        importUser(row("dup-2-" + System.nanoTime(), Accounts.uniqueEmail(), phone))
                .then().statusCode(409).body("code", equalTo("phone_taken"));

        Map<String, Object> account = database.query("select password_hash, imported_from from users where id = ?::uuid",
                existing).get(0);
        assertTrue(((String) account.get("password_hash")).startsWith("$argon2id$"));
        assertEquals(null, account.get("imported_from"));
    }

    @Test
    void dataGatehouseCannotHoldIsRefusedWithTheFieldAtFault() {
        importUser(row("bad-phone", Accounts.uniqueEmail(), "0712 345 678"))
                .then().statusCode(400).body("errors.field", hasItem("phoneNumber"));
        Map<String, Object> unknownHash = row("bad-hash", Accounts.uniqueEmail(), null);
        unknownHash.put("passwordHash", "5f4dcc3b5aa765d61d8327deb882cf99");
        importUser(unknownHash).then().statusCode(400).body("errors.field", hasItem("passwordHash"));
        // Known formats whose cost no sign-in could ever be checked at: refused here, not silently unusable later.
        for (String beyondBounds : new String[] { "scrypt:131072:8:1$salt$00ff",
                "$argon2id$v=19$m=262144,t=3,p=4$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g" }) {
            unknownHash.put("passwordHash", beyondBounds);
            importUser(unknownHash).then().statusCode(400).body("errors.field", hasItem("passwordHash"));
        }
        Map<String, Object> noSystem = row("no-system", Accounts.uniqueEmail(), null);
        noSystem.put("sourceSystem", "Better Auth");
        importUser(noSystem).then().statusCode(400).body("errors.field", hasItem("sourceSystem"));
    }

    @Test
    void onlyTheImporterMayImport() {
        String serviceToken = given().formParam("grant_type", "client_credentials")
                .formParam("client_id", "company-service").formParam("client_secret", "test-company-secret")
                .when().post("/auth/token").then().statusCode(200).extract().path("access_token");
        given().auth().oauth2(serviceToken).contentType(ContentType.JSON)
                .body(row("x", Accounts.uniqueEmail(), null)).when().post("/internal/import/users")
                .then().statusCode(403);
        given().contentType(ContentType.JSON).body(row("x", Accounts.uniqueEmail(), null))
                .when().post("/internal/import/users").then().statusCode(401);
        given().auth().oauth2(Accounts.signedIn().accessToken()).contentType(ContentType.JSON)
                .body(row("x", Accounts.uniqueEmail(), null)).when().post("/internal/import/users")
                .then().statusCode(403);
    }

    @Test
    void theSameRowSentManyTimesAtOnceIsImportedOnce() throws Exception {
        Map<String, Object> row = row("race-" + System.nanoTime(), Accounts.uniqueEmail(), Accounts.uniquePhone());
        List<Integer> codes = parallel(10, i -> importUser(row).statusCode());
        assertEquals(1, codes.stream().filter(c -> c == 201).count(), codes.toString());
        assertEquals(9, codes.stream().filter(c -> c == 200).count(), codes.toString());
        assertEquals(1, database.count("select count(*) from import_source_ids where source_id = ?", row.get("sourceId")));
        assertEquals(1, database.count("select count(*) from users where email = ?", row.get("email")));
    }

    @Test
    void oneEmailUnderManySourceRowsAtOnceBecomesOneAccount() throws Exception {
        String email = Accounts.uniqueEmail();
        long stamp = System.nanoTime();
        List<Integer> codes = parallel(10,
                i -> importUser(row("same-email-" + stamp + "-" + i, i % 2 == 0 ? email : email.toUpperCase(), null))
                        .statusCode());
        assertEquals(1, codes.stream().filter(c -> c == 201).count(), codes.toString());
        assertEquals(9, codes.stream().filter(c -> c == 409).count(), codes.toString());
        assertEquals(1, database.count("select count(*) from users where email = ?", email));
    }

    @Test
    void backgroundsFollowTheirAccountOnce() {
        String email = Accounts.uniqueEmail();
        String id = importUser(row("bg-" + System.nanoTime(), email, null)).then().statusCode(201).extract()
                .path("gatehouseId");
        Map<String, Object> software = new HashMap<>(Map.of("sourceSystem", "better-auth", "sourceTable",
                "software_background", "sourceId", "sw-" + System.nanoTime(), "experienceLevel", "advanced",
                "preferredLanguages", List.of("Java", "Python"), "preferredFrameworks", List.of("Quarkus")));

        given().auth().oauth2(importerToken()).contentType(ContentType.JSON).body(software)
                .when().post("/internal/import/users/" + id + "/background/software").then().statusCode(201);
        given().auth().oauth2(importerToken()).contentType(ContentType.JSON).body(software)
                .when().post("/internal/import/users/" + id + "/background/software").then().statusCode(200)
                .body("outcome", equalTo("already_imported"));
        Map<String, Object> orphan = new HashMap<>(software);
        orphan.put("sourceId", "hw-" + System.nanoTime());
        given().auth().oauth2(importerToken()).contentType(ContentType.JSON).body(orphan)
                .when().post("/internal/import/users/" + java.util.UUID.randomUUID() + "/background/hardware")
                .then().statusCode(404).body("code", equalTo("user_not_found"));

        String token = given().contentType(ContentType.JSON).body(Map.of("email", email, "password", "correct horse"))
                .when().post("/auth/login").then().statusCode(200).extract().path("accessToken");
        given().auth().oauth2(token).when().get("/users/me/background/software").then().statusCode(200)
                .body("experienceLevel", equalTo("advanced")).body("preferredFrameworks", hasItem("quarkus"));
    }

    private interface Attempt {
        int run(int index) throws Exception;
    }

    private static List<Integer> parallel(int n, Attempt attempt) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> attempt.run(index)));
            }
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> future : futures) {
                codes.add(future.get());
            }
            return codes;
        } finally {
            pool.shutdownNow();
        }
    }

    static String importerToken() {
        return given().formParam("grant_type", "client_credentials").formParam("client_id", "importer")
                .formParam("client_secret", "test-importer-secret").when().post("/auth/token")
                .then().statusCode(200).extract().path("access_token");
    }

    private static Response importUser(Map<String, Object> row) {
        return given().auth().oauth2(importerToken()).contentType(ContentType.JSON).body(row)
                .when().post("/internal/import/users");
    }

    private static Map<String, Object> row(String sourceId, String email, String phone) {
        Map<String, Object> row = new HashMap<>();
        row.put("sourceSystem", "better-auth");
        row.put("sourceTable", "users");
        row.put("sourceId", sourceId);
        row.put("email", email);
        row.put("phoneNumber", phone);
        row.put("passwordHash", BCRYPT);
        return row;
    }
}
