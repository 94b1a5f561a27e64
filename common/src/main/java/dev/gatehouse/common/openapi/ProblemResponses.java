package dev.gatehouse.common.openapi;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents the one error format of every Gatehouse service in its OpenAPI document: a {@code Problem} schema (RFC
 * 9457 with the stable {@code code} and the per-field {@code errors}) and, on every operation, a {@code default}
 * response in {@code application/problem+json} that refers to it. Every error response an operation declares
 * (4xx and 5xx, with {@code @APIResponse} and a description that names its codes) without content of its own gets the
 * same problem+json content, so the annotations say which codes and this filter says in which format. Registered with
 * {@code mp.openapi.filter}.
 */
public class ProblemResponses implements OASFilter {

    static final String PROBLEM_JSON = "application/problem+json";
    static final String PROBLEM_REF = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        if (components == null) {
            components = OASFactory.createComponents();
            openAPI.setComponents(components);
        }
        components.addSchema("FieldError", OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .description("One invalid field of the request")
                .addProperty("field", string("The field's name, as in the request"))
                .addProperty("message", string("What is wrong with it")));
        components.addSchema("Problem", OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .description("RFC 9457 problem details, as every Gatehouse error is answered")
                .addProperty("type", string("A URI that identifies the problem type"))
                .addProperty("title", string("A short summary of the problem type"))
                .addProperty("status", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)))
                .addProperty("detail", string("What happened, for a person"))
                .addProperty("code", string("Stable lowercase reason that clients branch on, e.g. otp_invalid"))
                .addProperty("instance", string("The request path"))
                .addProperty("errors", OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY))
                        .items(OASFactory.createSchema().ref("#/components/schemas/FieldError")))
                .required(List.of("type", "title", "status", "code")));
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem path : openAPI.getPaths().getPathItems().values()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> operation : path.getOperations().entrySet()) {
                addDefaultProblem(operation.getValue());
            }
        }
    }

    private static void addDefaultProblem(Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        if (responses.getAPIResponses() != null) {
            responses.getAPIResponses().forEach((status, response) -> {
                boolean error = status.length() == 3 && (status.startsWith("4") || status.startsWith("5"));
                if (error && (response.getContent() == null || response.getContent().getMediaTypes() == null
                        || response.getContent().getMediaTypes().isEmpty())) {
                    response.setContent(problemContent());
                }
            });
        }
        if (responses.getDefaultValue() == null) {
            responses.setDefaultValue(OASFactory.createAPIResponse()
                    .description("An error, as problem+json; 429 and 503 carry Retry-After")
                    .content(problemContent()));
        }
    }

    private static org.eclipse.microprofile.openapi.models.media.Content problemContent() {
        return OASFactory.createContent().addMediaType(PROBLEM_JSON,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF)));
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).description(description);
    }
}
