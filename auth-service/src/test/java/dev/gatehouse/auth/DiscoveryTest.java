package dev.gatehouse.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.net.URI;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The discovery document names this issuer, ES256, and a JWKS URI that really serves the keys. */
@QuarkusTest
class DiscoveryTest {

    @ConfigProperty(name = "gatehouse.jwt.issuer")
    String issuer;

    @ConfigProperty(name = "gatehouse.public-base-url")
    String publicBaseUrl;

    @Test
    void describesTheIssuerTheKeysAndTheAlgorithm() {
        String jwksUri = given().when().get("/.well-known/openid-configuration").then().statusCode(200)
                .body("issuer", equalTo(issuer))
                .body("id_token_signing_alg_values_supported", hasItem("ES256"))
                .body("id_token_signing_alg_values_supported", not(hasItem("none")))
                .body("jwks_uri", equalTo(publicBaseUrl.replaceAll("/+$", "") + "/.well-known/jwks.json"))
                .extract().path("jwks_uri");

        given().when().get(URI.create(jwksUri).getPath()).then().statusCode(200)
                .body("keys", not(empty())).body("keys[0].kty", equalTo("EC"));
    }
}
