package dev.gatehouse.common.problem;

/**
 * One rejected input field, as listed in a validation problem's {@code errors}.
 *
 * @param field the JSON field name, dotted for nested fields
 * @param message what is wrong with it, for a person
 */
@io.quarkus.runtime.annotations.RegisterForReflection
public record FieldError(String field, String message) {
}
