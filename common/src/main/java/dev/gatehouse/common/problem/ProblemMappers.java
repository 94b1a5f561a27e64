package dev.gatehouse.common.problem;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import dev.gatehouse.common.db.DatabaseUnavailable;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * Turns every failure that reaches the REST layer into {@code application/problem+json}.
 * <p>
 * Bad input is always a 4xx with a stable code; anything unexpected is a 500 whose body names only an error id that
 * is also in the log, so no stack trace or internal detail ever leaves the service.
 */
public class ProblemMappers {

    public static final String PROBLEM_JSON = "application/problem+json";
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** About how long a pool takes to get a connection again once the database answers. */
    private static final int DATABASE_RETRY_AFTER_SECONDS = 5;

    private final ObjectMapper json;

    @Inject
    public ProblemMappers(ObjectMapper json) {
        this.json = json;
    }

    @ServerExceptionMapper
    public Response apiException(ApiException e, UriInfo uri) {
        Response.ResponseBuilder response = respond(e.problem(), uri);
        if (e.retryAfter() != null) {
            long seconds = Math.max(1, (e.retryAfter().toMillis() + 999) / 1000);
            response.header(HttpHeaders.RETRY_AFTER, seconds);
        }
        if (e.problem().status() == 401) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return response.build();
    }

    @ServerExceptionMapper
    public Response resourceViolation(ResteasyReactiveViolationException e, UriInfo uri) {
        return violation(e, uri);
    }

    @ServerExceptionMapper
    public Response violation(ConstraintViolationException e, UriInfo uri) {
        if (isReturnValueViolation(e.getConstraintViolations())) {
            return unexpected(e, uri);
        }
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldName(v.getPropertyPath()), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
                .toList();
        Problem problem = Problem.of(400, "validation_failed", "Bad Request", "The request has invalid fields.")
                .withErrors(errors);
        return respond(problem, uri).build();
    }

    /** Quarkus REST ships its own (body-less) mappers for these two; ours answer in the shared format. */
    @ServerExceptionMapper({ MismatchedInputException.class, JsonParseException.class })
    public Response unreadableJsonOfKnownKind(JsonProcessingException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        Problem problem = Problem.of(400, "malformed_request", "Bad Request", "The request body is not valid JSON.");
        String field = e instanceof JsonMappingException mapping ? fieldOf(mapping) : null;
        if (field != null) {
            problem = Problem.of(400, "validation_failed", "Bad Request", "The request has invalid fields.")
                    .withErrors(List.of(new FieldError(field, "has the wrong type or format")));
        }
        return respond(problem, uri).build();
    }

    @ServerExceptionMapper({ AuthenticationFailedException.class, UnauthorizedException.class })
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        Problem problem = Problem.of(401, "unauthorized", "Unauthorized",
                "A valid bearer token is required.");
        return respond(problem, uri).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        Problem problem = Problem.of(403, "forbidden", "Forbidden", "You are not allowed to do this.");
        return respond(problem, uri).build();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException unreadable) {
            // Quarkus REST wraps body parse failures in a plain 400.
            return unreadableJson(unreadable, uri);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        Response.Status.Family family = Response.Status.Family.familyOf(status);
        if (family != Response.Status.Family.CLIENT_ERROR) {
            return e.getResponse();
        }
        String reason = Response.Status.fromStatusCode(status) != null
                ? Response.Status.fromStatusCode(status).getReasonPhrase()
                : "Client Error";
        String code = switch (status) {
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 415 -> "unsupported_media_type";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            default -> "bad_request";
        };
        Problem problem = Problem.of(status, code, reason, detailFor(status));
        Response.ResponseBuilder response = respond(problem, uri);
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (!HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)) {
                values.forEach(value -> response.header(name, value));
            }
        });
        return response.build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        if (DatabaseUnavailable.is(e)) {
            return databaseUnavailable(e, uri);
        }
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure %s on %s", errorId, uri == null ? "?" : uri.getPath());
        Problem problem = Problem.of(500, "internal_error", "Internal Server Error",
                "Something went wrong on our side. Quote error id " + errorId + " if you report it.")
                .withExtensions(java.util.Map.of("errorId", errorId));
        return respond(problem, uri).build();
    }

    /** The database cannot be reached right now: the client may retry shortly; nothing was half-written. */
    private Response databaseUnavailable(Throwable e, UriInfo uri) {
        LOG.warnf("Database unavailable on %s: %s", uri == null ? "?" : uri.getPath(), e);
        Problem problem = Problem.of(503, "database_unavailable", "Service Unavailable",
                "The service cannot reach its database right now. Try again shortly.");
        return respond(problem, uri).header(HttpHeaders.RETRY_AFTER, DATABASE_RETRY_AFTER_SECONDS).build();
    }

    private Response.ResponseBuilder respond(Problem problem, UriInfo uri) {
        Problem withInstance = uri == null ? problem : problem.withInstance(uri.getPath());
        String body;
        try {
            body = json.writeValueAsString(withInstance);
        } catch (JsonProcessingException impossible) {
            body = "{\"status\":" + problem.status() + ",\"code\":\"" + problem.code() + "\"}";
        }
        return Response.status(problem.status()).type(PROBLEM_JSON).entity(body);
    }

    /**
     * The JSON field a mapping failure is about. Jackson's reference path is empty when Quarkus's generated
     * deserializers read the body, so the parser's current field name is the fallback.
     */
    private static String fieldOf(JsonMappingException mapping) {
        if (!mapping.getPath().isEmpty()) {
            return mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse(null);
        }
        if (mapping.getProcessor() instanceof JsonParser parser) {
            try {
                return parser.currentName();
            } catch (java.io.IOException unreadable) {
                return null;
            }
        }
        return null;
    }

    private static String detailFor(int status) {
        return switch (status) {
            case 404 -> "No such resource.";
            case 405 -> "This method is not allowed here.";
            case 406 -> "No acceptable representation.";
            case 415 -> "This media type is not supported here.";
            default -> "The request cannot be processed.";
        };
    }

    private static boolean isReturnValueViolation(Set<ConstraintViolation<?>> violations) {
        return violations.stream().anyMatch(v -> {
            for (Path.Node node : v.getPropertyPath()) {
                if (node.getKind() == ElementKind.RETURN_VALUE) {
                    return true;
                }
            }
            return false;
        });
    }

    /**
     * The JSON name of the violated field: the path below the method parameter, so a violation on
     * {@code register.request.email} is reported as {@code email}.
     */
    static String fieldName(Path path) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        for (Path.Node node : path) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, CROSS_PARAMETER, RETURN_VALUE -> {
                }
                case PARAMETER -> parameter = node.getName();
                default -> {
                    if (node.getName() == null) {
                        continue;
                    }
                    if (!field.isEmpty()) {
                        field.append('.');
                    }
                    field.append(node.getName());
                    if (node.getIndex() != null) {
                        field.append('[').append(node.getIndex()).append(']');
                    }
                }
            }
        }
        if (!field.isEmpty()) {
            return field.toString();
        }
        return parameter != null ? parameter : path.toString();
    }
}
