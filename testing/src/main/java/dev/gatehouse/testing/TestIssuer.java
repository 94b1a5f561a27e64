package dev.gatehouse.testing;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;

/**
 * Signs tokens the way auth-service does (ES256, a {@code kid}, the same claims) and publishes its public key at a
 * JWKS URL on 127.0.0.1, so services that trust auth-service can be tested against real signatures without running
 * it. The end-to-end suite proves the same trust against the real auth-service.
 */
public final class TestIssuer implements AutoCloseable {

    public static final String ISSUER = "https://gatehouse.local";
    public static final String AUDIENCE = "gatehouse";
    /** The audience of service tokens, distinct from people's. */
    public static final String SERVICE_AUDIENCE = "gatehouse-services";

    /** The scopes each client is registered with in auth-service's configuration. */
    public static final Map<String, Set<String>> SCOPES_BY_CLIENT = Map.of(
            "auth-service", Set.of("otp:send", "otp:verify", "messages:send", "user-data:delete"),
            "company-service", Set.of("otp:send", "otp:verify", "revocations:read"),
            "approval-service", Set.of("members:read", "members:write", "revocations:read", "contacts:read"),
            "importer", Set.of("users:import", "companies:import", "approvals:import"));

    private static TestIssuer shared;

    private final KeyPair key = newEcKey();
    private final KeyPair strangerKey = newEcKey();
    private final String kid = "test-" + UUID.randomUUID();
    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;

    private TestIssuer() {
        String jwks = "{\"keys\":[" + publicJwk((ECPublicKey) key.getPublic(), kid) + "]}";
        server = vertx.createHttpServer()
                .requestHandler(request -> request.response().putHeader("Content-Type", "application/json").end(jwks))
                .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().join();
    }

    /** One issuer per JVM: Quarkus tests in a module share it, as replicas share auth-service's keys. */
    public static synchronized TestIssuer shared() {
        if (shared == null) {
            shared = new TestIssuer();
        }
        return shared;
    }

    public String jwksUrl() {
        return "http://127.0.0.1:" + server.actualPort() + "/.well-known/jwks.json";
    }

    /** An access token of a person, with the claims auth-service puts in one. */
    public String userToken(UUID userId, String email) {
        return sign(userClaims(userId, email));
    }

    /** An access token of one session ({@code sid}) of a person. */
    public String userToken(UUID userId, UUID sessionId) {
        return sign(userClaims(userId, userId + "@example.com").claim("sid", sessionId.toString()));
    }

    public String userToken(UUID userId) {
        return userToken(userId, userId + "@example.com");
    }

    /** A person who has verified neither their email address nor their phone number yet. */
    public String unverifiedUserToken(UUID userId) {
        return sign(userClaims(userId, userId + "@example.com").claim("email_verified", false)
                .claim("phone_number_verified", false));
    }

    /** A platform administrator's access token. */
    public String adminToken(UUID userId) {
        return sign(userClaims(userId, userId + "@example.com").groups(Set.of("user", "platform-admin")));
    }

    /** A client-credentials token of another service, with the scopes that client is registered with. */
    public String serviceToken(String clientId) {
        return serviceToken(clientId, SCOPES_BY_CLIENT.getOrDefault(clientId, Set.of()));
    }

    /** A client-credentials token with exactly these scopes. */
    public String serviceToken(String clientId, Set<String> scopes) {
        return sign(serviceClaims(clientId, scopes).audience(SERVICE_AUDIENCE));
    }

    /** A service token with every scope but the audience of people's tokens, which must earn it no permission. */
    public String serviceTokenWithUserAudience(String clientId) {
        Set<String> every = new java.util.TreeSet<>();
        SCOPES_BY_CLIENT.values().forEach(every::addAll);
        return sign(serviceClaims(clientId, every).audience(AUDIENCE));
    }

    /** A person's token that claims every scope: scopes count only on a service token. */
    public String userTokenClaimingScopes(UUID userId) {
        Set<String> every = new java.util.TreeSet<>();
        SCOPES_BY_CLIENT.values().forEach(every::addAll);
        return sign(userClaims(userId, userId + "@example.com").audience(Set.of(AUDIENCE, SERVICE_AUDIENCE))
                .claim("scope", String.join(" ", every)));
    }

    private static JwtClaimsBuilder serviceClaims(String clientId, Set<String> scopes) {
        return Jwt.issuer(ISSUER).subject(clientId).claim("client_id", clientId).claim("token_use", "service")
                .claim("scope", String.join(" ", new java.util.TreeSet<>(scopes))).issuedAt(Instant.now())
                .expiresIn(Duration.ofMinutes(5)).claim("jti", UUID.randomUUID().toString());
    }

    /** A client-credentials token of the {@code gatehouse import} command, with the import scopes alone. */
    public String importerToken() {
        return serviceToken("importer");
    }

    public String expiredUserToken(UUID userId) {
        Instant past = Instant.now().minus(Duration.ofHours(2));
        return sign(userClaims(userId, userId + "@example.com").issuedAt(past).expiresAt(past.plusSeconds(900)));
    }

    public String userTokenWithIssuer(UUID userId, String issuer) {
        return sign(userClaims(userId, userId + "@example.com").issuer(issuer));
    }

    public String userTokenWithAudience(UUID userId, String audience) {
        return sign(userClaims(userId, userId + "@example.com").audience(audience));
    }

    /** Right claims and the published {@code kid}, but signed with a key this issuer never published. */
    public String userTokenSignedByStranger(UUID userId) {
        return userClaims(userId, userId + "@example.com").jws().keyId(kid).algorithm(SignatureAlgorithm.ES256)
                .sign(strangerKey.getPrivate());
    }

    /** An unsigned token ({@code alg: none}), which must never be accepted. */
    public String unsignedUserToken(UUID userId) {
        String header = base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        long now = Instant.now().getEpochSecond();
        String payload = base64Url("{\"iss\":\"" + ISSUER + "\",\"aud\":\"" + AUDIENCE + "\",\"sub\":\"" + userId
                + "\",\"groups\":[\"user\"],\"iat\":" + now + ",\"exp\":" + (now + 900) + "}");
        return header + "." + payload + ".";
    }

    /** {@code token} with the claims of {@code other} under its own header and signature. */
    public static String withClaimsOf(String token, String other) {
        String[] parts = token.split("\\.");
        return parts[0] + "." + other.split("\\.")[1] + "." + parts[2];
    }

    /** {@code token} with one character inside its signature changed (the last also carries padding bits). */
    public static String withSignatureAltered(String token) {
        int dot = token.lastIndexOf('.');
        char changed = token.charAt(dot + 11) == 'A' ? 'B' : 'A';
        return token.substring(0, dot + 11) + changed + token.substring(dot + 12);
    }

    private JwtClaimsBuilder userClaims(UUID userId, String email) {
        return Jwt.issuer(ISSUER).audience(AUDIENCE).subject(userId.toString())
                .claim("sid", UUID.randomUUID().toString()).claim("jti", UUID.randomUUID().toString())
                .claim("email", email).claim("email_verified", true).claim("phone_number_verified", true)
                .claim("token_use", "access").groups(Set.of("user")).issuedAt(Instant.now())
                .expiresIn(Duration.ofMinutes(15));
    }

    private String sign(JwtClaimsBuilder claims) {
        return claims.jws().keyId(kid).algorithm(SignatureAlgorithm.ES256).sign(key.getPrivate());
    }

    /**
     * The configuration a Quarkus service needs to trust this issuer. The audiences are left to the service's own
     * configuration (which accepts people's tokens, service tokens or both), so tests see what production sees.
     */
    public Map<String, String> trustConfig() {
        return Map.of("mp.jwt.verify.publickey.location", jwksUrl(), "mp.jwt.verify.issuer", ISSUER);
    }

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    static String publicJwk(ECPublicKey key, String kid) {
        return "{\"kty\":\"EC\",\"crv\":\"P-256\",\"use\":\"sig\",\"alg\":\"ES256\",\"kid\":\"" + kid + "\",\"x\":\""
                + coordinate(key.getW().getAffineX().toByteArray()) + "\",\"y\":\""
                + coordinate(key.getW().getAffineY().toByteArray()) + "\"}";
    }

    /** JWK coordinates are exactly 32 unsigned bytes for P-256; BigInteger may add a sign byte or drop zeros. */
    private static String coordinate(byte[] twosComplement) {
        byte[] fixed = new byte[32];
        int copy = Math.min(32, twosComplement.length);
        System.arraycopy(twosComplement, twosComplement.length - copy, fixed, 32 - copy, copy);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(fixed);
    }

    private static String base64Url(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static KeyPair newEcKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("No EC P-256 support in this JVM", e);
        }
    }

}
