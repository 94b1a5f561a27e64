package dev.gatehouse.common.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * An RFC 9457 problem detail as every Gatehouse service writes it.
 * <p>
 * {@code code} is the stable, lowercase, machine-readable reason that clients branch on; {@code type} is a URI
 * derived from it so the body is a valid RFC 9457 document. Extra members (for example {@code remainingAttempts})
 * travel in {@code extensions} and are written at the top level, as the RFC prescribes.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "type", "title", "status", "detail", "code", "instance", "errors" })
public record Problem(String type, String title, int status, String detail, String code, String instance,
        List<FieldError> errors, Map<String, Object> extensions) {

    static final String TYPE_BASE = "https://gatehouse.dev/problems/";

    public Problem {
        extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
    }

    public static Problem of(int status, String code, String title, String detail) {
        return new Problem(TYPE_BASE + code.replace('_', '-'), title, status, detail, code, null, null, null);
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, code, instance, fieldErrors, extensions);
    }

    public Problem withExtensions(Map<String, Object> more) {
        Map<String, Object> merged = new LinkedHashMap<>(extensions);
        merged.putAll(more);
        return new Problem(type, title, status, detail, code, instance, errors, merged);
    }

    public Problem withInstance(String path) {
        return new Problem(type, title, status, detail, code, path, errors, extensions);
    }

    @JsonAnyGetter
    Map<String, Object> flattenedExtensions() {
        return extensions;
    }

    /** Hidden from the JSON: its members are written at the top level by {@link #flattenedExtensions()}. */
    @Override
    @com.fasterxml.jackson.annotation.JsonIgnore
    public Map<String, Object> extensions() {
        return extensions;
    }
}
