package dev.gatehouse.approval;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import dev.gatehouse.testing.TestIssuer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * company-service and auth-service's token endpoint on 127.0.0.1, as approval-service calls them in production:
 * <ul>
 * <li>{@code POST /auth/token} (form, client credentials) answers a service token of {@link TestIssuer};</li>
 * <li>{@code GET /companies/{companyId}} wants a person's token;</li>
 * <li>{@code GET /internal/companies/{companyId}/members/{userId}} and {@code POST /internal/companies/{companyId}/members}
 * want approval-service's service token;</li>
 * <li>{@code GET /internal/users/{userId}/contact} (auth-service) wants that token with {@code contacts:read}.</li>
 * </ul>
 * with company-service's answers and problem codes. Tests arrange companies and members in memory, read the
 * add-member calls it received (also those it then failed), and can make company-service fail or stall.
 */
public class CompanyServiceStub implements QuarkusTestResourceLifecycleManager {

    static final String CLIENT_ID = "approval-service";
    static final String CLIENT_SECRET = "stub-secret-" + UUID.randomUUID();

    /** How the company endpoints behave; the token endpoint always works. */
    enum Mode {
        UP,
        /** 503 problem on every company call. */
        FAILING,
        /** Answers after the client's read timeout. */
        STALLED
    }

    /** One POST /internal/companies/{companyId}/members that reached the stub. */
    record AddMemberCall(String companyId, UUID userId, String role, String authorization) {
    }

    private record Company(String companyId, String status) {
    }

    /** A company-service call that reached the stub, with the W3C {@code traceparent} it carried ({@code null}: none). */
    record Traced(String path, String traceparent) {
    }

    /** A person's verified contact as auth-service would give it. */
    record Contact(String email, String phoneNumber) {
    }

    private static final Pattern COMPANY = Pattern.compile("^/companies/([^/]+)$");
    private static final Pattern MEMBER = Pattern.compile("^/internal/companies/([^/]+)/members/([^/]+)$");
    private static final Pattern CONTACT = Pattern.compile("^/internal/users/([^/]+)/contact$");
    private static final Pattern MEMBERS = Pattern.compile("^/internal/companies/([^/]+)/members$");
    private static final String ID_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Contact GONE = new Contact(null, null);
    private static volatile CompanyServiceStub running;

    private final Map<String, Company> companies = new ConcurrentHashMap<>();
    private final Map<String, String> members = new ConcurrentHashMap<>();
    private final List<AddMemberCall> addMemberCalls = new CopyOnWriteArrayList<>();
    private final List<Traced> traced = new CopyOnWriteArrayList<>();
    private final AtomicInteger companyCalls = new AtomicInteger();
    private final Map<UUID, Contact> contacts = new ConcurrentHashMap<>();
    private final AtomicInteger contactCalls = new AtomicInteger();
    private final AtomicReference<Mode> contactMode = new AtomicReference<>(Mode.UP);
    private final AtomicInteger tokenGrants = new AtomicInteger();
    private final AtomicReference<Mode> mode = new AtomicReference<>(Mode.UP);
    private final AtomicReference<Mode> addMemberMode = new AtomicReference<>(Mode.UP);
    private final AtomicInteger addMemberFailures = new AtomicInteger();
    private volatile Duration addMemberDelay = Duration.ZERO;
    private HttpServer server;
    private ExecutorService executor;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the company-service stub", e);
        }
        executor = Executors.newFixedThreadPool(8);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        running = this;
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of("quarkus.rest-client.company-service.url", url,
                "quarkus.rest-client.auth-contacts.url", url,
                "quarkus.oidc-client.auth-server-url", url,
                "quarkus.oidc-client.client-id", CLIENT_ID,
                "quarkus.oidc-client.credentials.client-secret.value", CLIENT_SECRET);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
        }
    }

    static CompanyServiceStub get() {
        return running;
    }

    /** A new company with a fresh public id, in this status, with {@code owner} as its OWNER. */
    String company(String status, UUID owner) {
        String companyId = "KE-" + randomPart() + "-" + randomPart();
        companies.put(companyId, new Company(companyId, status));
        members.put(key(companyId, owner), "OWNER");
        return companyId;
    }

    String activeCompany(UUID owner) {
        return company("ACTIVE", owner);
    }

    void setStatus(String companyId, String status) {
        companies.put(companyId, new Company(companyId, status));
    }

    void member(String companyId, UUID userId, String role) {
        members.put(key(companyId, userId), role);
    }

    String roleOf(String companyId, UUID userId) {
        return members.get(key(companyId, userId));
    }

    List<AddMemberCall> addMemberCalls(String companyId) {
        return addMemberCalls.stream().filter(call -> call.companyId().equals(companyId)).toList();
    }

    int companyCalls() {
        return companyCalls.get();
    }

    /**
     * What auth-service answers for this person. A person never arranged has verified an address of their own id
     * and no phone; one arranged with null is unknown to auth-service (a deleted account).
     */
    void contact(UUID userId, Contact contact) {
        contacts.put(userId, contact == null ? GONE : contact);
    }

    int contactCalls() {
        return contactCalls.get();
    }

    /** How the contact endpoint behaves, while company-service keeps working. */
    void contactMode(Mode next) {
        contactMode.set(next);
    }

    int tokenGrants() {
        return tokenGrants.get();
    }

    /** How every company endpoint behaves. */
    void mode(Mode next) {
        mode.set(next);
    }

    /** How adding a member behaves while the lookups keep working. */
    void addMemberMode(Mode next) {
        addMemberMode.set(next);
    }

    /** The next {@code count} add-member calls fail with 503; later ones work. */
    void failNextAddMembers(int count) {
        addMemberFailures.set(count);
    }

    /** Add-member calls take this long, to widen the window in which concurrent decisions overlap. */
    void addMemberDelay(Duration delay) {
        addMemberDelay = delay;
    }

    /** The company-service calls since {@link #clearTraceparents()}, with their trace headers. */
    List<Traced> traceparents() {
        return List.copyOf(traced);
    }

    void clearTraceparents() {
        traced.clear();
    }

    void reset() {
        mode.set(Mode.UP);
        contactMode.set(Mode.UP);
        addMemberMode.set(Mode.UP);
        addMemberFailures.set(0);
        addMemberDelay = Duration.ZERO;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            if ("POST".equals(method) && "/auth/token".equals(path)) {
                token(exchange);
                return;
            }
            Matcher contact = CONTACT.matcher(path);
            if ("GET".equals(method) && contact.matches()) {
                contact(exchange, contact.group(1));
                return;
            }
            companyCalls.incrementAndGet();
            traced.add(new Traced(path, exchange.getRequestHeaders().getFirst("traceparent")));
            Matcher company = COMPANY.matcher(path);
            Matcher member = MEMBER.matcher(path);
            Matcher members = MEMBERS.matcher(path);
            Mode current = mode.get();
            JsonNode addMemberBody = null;
            if ("POST".equals(method) && members.matches()) {
                addMemberBody = JSON.readTree(exchange.getRequestBody());
                addMemberCalls.add(new AddMemberCall(members.group(1),
                        UUID.fromString(addMemberBody.get("userId").asText()), addMemberBody.get("role").asText(),
                        exchange.getRequestHeaders().getFirst("Authorization")));
                current = current == Mode.UP ? addMemberMode.get() : current;
                if (current == Mode.UP && addMemberFailures.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                    current = Mode.FAILING;
                }
            }
            switch (current) {
                case FAILING -> {
                    problem(exchange, 503, "internal_error", "Service Unavailable", "The stub is failing.");
                    return;
                }
                case STALLED -> pause(Duration.ofSeconds(3));
                case UP -> {
                }
            }
            if ("GET".equals(method) && company.matches()) {
                if (requireToken(exchange, "access")) {
                    getCompany(exchange, company.group(1));
                }
            } else if ("GET".equals(method) && member.matches()) {
                if (requireToken(exchange, "service")) {
                    getMember(exchange, member.group(1), member.group(2));
                }
            } else if (addMemberBody != null) {
                if (requireToken(exchange, "service")) {
                    addMember(exchange, members.group(1), addMemberBody);
                }
            } else {
                problem(exchange, 404, "not_found", "Not Found", "No such resource.");
            }
        }
    }

    /** auth-service's client credentials grant, with its OAuth error answers. */
    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = parseForm(exchange.getRequestBody());
        if (!"client_credentials".equals(form.get("grant_type"))) {
            oauthError(exchange, 400, "unsupported_grant_type");
        } else if (!CLIENT_ID.equals(form.get("client_id")) || !CLIENT_SECRET.equals(form.get("client_secret"))) {
            oauthError(exchange, 401, "invalid_client");
        } else {
            tokenGrants.incrementAndGet();
            respond(exchange, 200, Map.of("access_token", TestIssuer.shared().serviceToken(CLIENT_ID),
                    "token_type", "Bearer", "expires_in", 300));
        }
    }

    private void contact(HttpExchange exchange, String userId) throws IOException {
        contactCalls.incrementAndGet();
        switch (contactMode.get()) {
            case FAILING -> {
                problem(exchange, 503, "internal_error", "Service Unavailable", "The stub is failing.");
                return;
            }
            case STALLED -> pause(Duration.ofSeconds(3));
            case UP -> {
            }
        }
        JsonNode claims = claims(exchange.getRequestHeaders().getFirst("Authorization"));
        if (claims == null) {
            problem(exchange, 401, "unauthorized", "Unauthorized", "A valid bearer token is required.");
            return;
        }
        boolean allowed = "service".equals(claims.path("token_use").asText())
                && List.of(claims.path("scope").asText().split(" ")).contains("contacts:read");
        if (!allowed) {
            problem(exchange, 403, "forbidden", "Forbidden", "You are not allowed to do this.");
            return;
        }
        UUID id = UUID.fromString(userId);
        Contact known = contacts.getOrDefault(id, new Contact(userId + "@example.com", null));
        if (known == GONE) {
            problem(exchange, 404, "user_not_found", "Not Found", "No account has this id.");
            return;
        }
        Map<String, Object> body = new HashMap<>();
        body.put("userId", userId);
        body.put("email", known.email());
        body.put("phoneNumber", known.phoneNumber());
        respond(exchange, 200, body);
    }

    private void getCompany(HttpExchange exchange, String companyId) throws IOException {
        Company company = companies.get(companyId);
        if (company == null) {
            problem(exchange, 404, "company_not_found", "Not Found", "No company has this id.");
            return;
        }
        respond(exchange, 200, Map.of("companyId", companyId, "name", "Stub Company", "countryCode", "KE",
                "phoneNumber", "+254712345678", "status", company.status(), "createdAt",
                "2026-01-01T00:00:00Z"));
    }

    private void getMember(HttpExchange exchange, String companyId, String userId) throws IOException {
        if (!companies.containsKey(companyId)) {
            problem(exchange, 404, "company_not_found", "Not Found", "No company has this id.");
            return;
        }
        String role = members.get(companyId + "/" + userId);
        if (role == null) {
            problem(exchange, 404, "member_not_found", "Not Found", "This user is not a member of this company.");
            return;
        }
        respond(exchange, 200, Map.of("companyId", companyId, "userId", userId, "role", role));
    }

    /** Idempotent like company-service's: an existing membership is kept as it is. */
    private void addMember(HttpExchange exchange, String companyId, JsonNode body) throws IOException {
        UUID userId = UUID.fromString(body.get("userId").asText());
        String role = body.get("role").asText();
        pause(addMemberDelay);
        Company company = companies.get(companyId);
        if (company == null) {
            problem(exchange, 404, "company_not_found", "Not Found", "No company has this id.");
        } else if (!"ADMIN".equals(role) && !"STAFF".equals(role)) {
            problem(exchange, 400, "validation_failed", "Bad Request", "The request has invalid fields.");
        } else if (!"ACTIVE".equals(company.status())) {
            problem(exchange, 409, "company_not_active", "Conflict", "Only an active company takes new members.");
        } else {
            String kept = members.computeIfAbsent(key(companyId, userId), ignored -> role);
            respond(exchange, 200, Map.of("userId", userId.toString(), "role", kept, "joinedAt",
                    OffsetDateTime.now().toString()));
        }
    }

    /**
     * Like company-service, the stub only reads tokens that auth-service signed: it checks the kind of token in the
     * claims (the signature itself is TestIssuer's, which approval-service has already verified or received).
     */
    private boolean requireToken(HttpExchange exchange, String tokenUse) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        JsonNode claims = claims(authorization);
        if (claims == null) {
            exchange.getResponseHeaders().add("WWW-Authenticate", "Bearer");
            problem(exchange, 401, "unauthorized", "Unauthorized", "A valid bearer token is required.");
            return false;
        }
        boolean service = "service".equals(claims.path("token_use").asText());
        boolean allowed = "service".equals(tokenUse)
                ? service && CLIENT_ID.equals(claims.path("sub").asText())
                : !service;
        if (!allowed) {
            problem(exchange, 403, "forbidden", "Forbidden", "You are not allowed to do this.");
        }
        return allowed;
    }

    private static JsonNode claims(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return null;
        }
        String[] parts = authorization.substring("Bearer ".length()).split("\\.");
        if (parts.length != 3) {
            return null;
        }
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    private static void problem(HttpExchange exchange, int status, String code, String title, String detail)
            throws IOException {
        Map<String, Object> body = Map.of("type", "https://gatehouse.dev/problems/" + code.replace('_', '-'),
                "title", title, "status", status, "detail", detail, "code", code);
        send(exchange, status, "application/problem+json", JSON.writeValueAsBytes(body));
    }

    private static void oauthError(HttpExchange exchange, int status, String code) throws IOException {
        problem(exchange, status, code, status == 401 ? "Unauthorized" : "Bad Request", code);
    }

    private static void respond(HttpExchange exchange, int status, Map<String, ?> body) throws IOException {
        send(exchange, status, "application/json", JSON.writeValueAsBytes(body));
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] bytes)
            throws IOException {
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> parseForm(InputStream input) throws IOException {
        String raw = new String(input.readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> form = new HashMap<>();
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static void pause(Duration delay) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String key(String companyId, UUID userId) {
        return companyId + "/" + userId;
    }

    private static String randomPart() {
        StringBuilder part = new StringBuilder(4);
        for (int i = 0; i < 4; i++) {
            part.append(ID_ALPHABET.charAt(RANDOM.nextInt(ID_ALPHABET.length())));
        }
        return part.toString();
    }
}
