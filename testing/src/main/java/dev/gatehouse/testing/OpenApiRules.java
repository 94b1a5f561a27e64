package dev.gatehouse.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What every public operation of a Gatehouse service must say in its OpenAPI document, checked on the parsed
 * {@code /q/openapi?format=json}: a summary; a success answer; at least one error answer by status code, each with a
 * description naming its codes and the problem+json {@code Problem} schema (or HTML, for the pages a browser opens);
 * and, unless the operation is open to anyone, the {@code bearer} security requirement and its 401. Internal paths
 * ({@code /internal}) and Quarkus' own ({@code /q}) are not public and are left out.
 */
public final class OpenApiRules {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    private OpenApiRules() {
    }

    /**
     * Every broken rule, one line each ({@code "POST /auth/login: no summary"}); empty when the document is complete.
     * {@code open} lists the operations anyone may call, as {@code "POST /auth/login"}.
     */
    @SuppressWarnings("unchecked")
    public static List<String> violations(Map<String, Object> document, Set<String> open) {
        List<String> broken = new ArrayList<>();
        Map<String, Object> paths = (Map<String, Object>) document.get("paths");
        if (paths == null || paths.isEmpty()) {
            broken.add("the document has no paths");
            return broken;
        }
        paths.forEach((path, item) -> {
            if (path.startsWith("/internal") || path.startsWith("/q/")) {
                return;
            }
            ((Map<String, Object>) item).forEach((method, value) -> {
                if (METHODS.contains(method)) {
                    String name = method.toUpperCase() + " " + path;
                    check(name, (Map<String, Object>) value, open.contains(name), broken);
                }
            });
        });
        return broken;
    }

    @SuppressWarnings("unchecked")
    private static void check(String name, Map<String, Object> operation, boolean open, List<String> broken) {
        Object summary = operation.get("summary");
        if (!(summary instanceof String text) || text.isBlank()) {
            broken.add(name + ": no summary");
        }
        Map<String, Object> responses = (Map<String, Object>) operation.getOrDefault("responses", Map.of());
        boolean success = responses.keySet().stream().anyMatch(code -> code.startsWith("2") || code.startsWith("3"));
        if (!success) {
            broken.add(name + ": no success response");
        }
        List<String> errors = responses.keySet().stream().filter(code -> code.startsWith("4") || code.startsWith("5"))
                .toList();
        if (errors.isEmpty()) {
            broken.add(name + ": no error response by status code");
        }
        for (String code : errors) {
            Map<String, Object> response = (Map<String, Object>) responses.get(code);
            Object description = response.get("description");
            if (!(description instanceof String text) || text.isBlank()) {
                broken.add(name + " " + code + ": no description");
            }
            Map<String, Object> content = (Map<String, Object>) response.getOrDefault("content", Map.of());
            Map<String, Object> problem = (Map<String, Object>) content.get("application/problem+json");
            boolean problemSchema = problem != null && problem.get("schema") instanceof Map<?, ?> schema
                    && PROBLEM_REF.equals(schema.get("$ref"));
            if (!problemSchema && !content.containsKey("text/html")) {
                broken.add(name + " " + code + ": not documented as problem+json with the Problem schema");
            }
        }
        if (!open) {
            List<Map<String, Object>> security = (List<Map<String, Object>>) operation.getOrDefault("security",
                    List.of());
            if (security.stream().noneMatch(requirement -> requirement.containsKey("bearer"))) {
                broken.add(name + ": no bearer security requirement");
            }
            if (!responses.containsKey("401")) {
                broken.add(name + ": needs a token but does not document 401");
            }
        }
    }
}
