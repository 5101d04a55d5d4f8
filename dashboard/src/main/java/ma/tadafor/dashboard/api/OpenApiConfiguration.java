package ma.tadafor.dashboard.api;

import java.util.List;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * The OpenAPI document of the public API ({@code /v3/api-docs}, read by any signed-in user:
 * docs/SECURITY.md). Each operation states its roles in its description; the refusals every
 * operation can give are added here once, so that no operation's document can forget them.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final String PROBLEM = "Problem";

    @Bean
    OpenAPI tadaforApi() {
        return new OpenAPI()
                .info(new Info().title("Tadafor Observatory API").version("1")
                        .description("The public REST API (version 1). Every answer is limited to the caller's territorial "
                                + "scope; figures made of participant counts pass the disclosure layer for every role but "
                                + "ADMIN. Refusals are application/problem+json naming the parameter and the reason."))
                .components(new Components()
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
                        .addSecuritySchemes("token", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("a personal API token (POST /api/v1/me/tokens)"))
                        .addSchemas(PROBLEM, problem()))
                .security(List.of(new SecurityRequirement().addList("basic"), new SecurityRequirement().addList("token")));
    }

    /** 400, 403, 413 and 429 can answer any request (a parameter, the scope, the body's size, the sign-in throttle). */
    @Bean
    OpenApiCustomizer refusals() {
        return api -> api.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
            operation.getResponses().putIfAbsent("400", refusal("a malformed value or an unknown code, named in `parameter`"));
            operation.getResponses().putIfAbsent("401", new ApiResponse().description("not signed in (HTTP Basic or a Bearer token)"));
            operation.getResponses().putIfAbsent("403", refusal("a role or a territory outside the caller's"));
            operation.getResponses().putIfAbsent("413", refusal("a body over its limit, named in `limit` (bytes)"));
            operation.getResponses().putIfAbsent("429", refusal("too many failed sign-ins: wait `Retry-After` seconds"));
        }));
    }

    private static ApiResponse refusal(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType(
                MediaType.APPLICATION_PROBLEM_JSON_VALUE, new io.swagger.v3.oas.models.media.MediaType()
                        .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
    }

    private static Schema<?> problem() {
        return new ObjectSchema().description("RFC 9457 problem details")
                .addProperty("type", new StringSchema())
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("parameter", new StringSchema().description("the parameter or body field at fault"))
                .addProperty("limit", new IntegerSchema().description("the bound exceeded, for a 413"))
                .addProperty("retryAfter", new IntegerSchema().description("seconds to wait, for a 429"));
    }
}
