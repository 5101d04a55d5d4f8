package ma.tadafor.dashboard.publicdata;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Parameters;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;

import jakarta.servlet.http.HttpServletRequest;

import ma.tadafor.dashboard.api.InvalidParameterException;
import ma.tadafor.dashboard.disclosure.Audience;
import ma.tadafor.dashboard.participation.ParticipationAnswers;
import ma.tadafor.dashboard.participation.ParticipationParameters;
import ma.tadafor.dashboard.participation.ParticipationRequest;
import ma.tadafor.dashboard.warehouse.MartCache;
import ma.tadafor.dashboard.web.JsonAnswers;
import ma.tadafor.data.mart.ParticipationQuery;
import ma.tadafor.data.territory.TerritorialScope;
import ma.tadafor.data.territory.TerritoryQueries;

/** The public data of API.md ("Public data (no sign-in)"): no account, no cookie, cached, rate-limited. */
@RestController
@SecurityRequirements
class PublicApiController {

    private final PublicFigures figures;
    private final OpenData openData;
    private final TerritoryQueries territories;
    private final MartCache cache;
    private final JsonAnswers json;
    private final CacheControl caching;

    PublicApiController(PublicFigures figures, OpenData openData, TerritoryQueries territories, MartCache cache,
            JsonAnswers json, PublicProperties properties) {
        this.figures = figures;
        this.openData = openData;
        this.territories = territories;
        this.cache = cache;
        this.json = json;
        this.caching = PublicPages.caching(properties);
    }

    @GetMapping("/api/v1/public/participation")
    @Parameters({
            @Parameter(name = "groupBy", in = ParameterIn.QUERY, description = "comma-separated dimensions among region, province, commune, mechanism, year, semester, gender, ageBand, disability, role, cohort; empty or absent for a total"),
            @Parameter(name = "semester", in = ParameterIn.QUERY, description = "one approved semester, e.g. 2024S2; default: the latest approved"),
            @Parameter(name = "province", in = ParameterIn.QUERY, description = "one province that approved the semester; default: every province that approved it"),
            @Parameter(name = "commune", in = ParameterIn.QUERY, description = "one programme commune of such a province"),
            @Parameter(name = "region", in = ParameterIn.QUERY, description = "filter: one region code"),
            @Parameter(name = "mechanism", in = ParameterIn.QUERY, description = "filter: one mechanism of PORTAL_FEED.md"),
            @Parameter(name = "year", in = ParameterIn.QUERY, description = "filter: one year"),
            @Parameter(name = "gender", in = ParameterIn.QUERY, description = "filter: F, M or U"),
            @Parameter(name = "ageBand", in = ParameterIn.QUERY, description = "filter: one age band of PORTAL_FEED.md"),
            @Parameter(name = "disability", in = ParameterIn.QUERY, description = "filter: true, false or null"),
            @Parameter(name = "role", in = ParameterIn.QUERY, description = "filter: one participant role of PORTAL_FEED.md"),
            @Parameter(name = "cohort", in = ParameterIn.QUERY, description = "filter: pilot or extension")})
    @ApiResponse(responseCode = "200", description = "the rows, their total and how they are protected",
            content = @Content(mediaType = "application/json", schema = @Schema(type = "object")))
    @ApiResponse(responseCode = "429", description = "more than the public requests a minute allowed per client address: wait `Retry-After` seconds",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(type = "object")))
    @Operation(summary = "Participation of approved semesters, public", description = "Roles: anyone, without signing in (no cookie; rate-limited per client address). As `/api/v1/participation` for a protected reader, for one approved semester (default: the latest) and the provinces that approved it (all of them, one, or one of their programme communes), programme communes only. Answer `{groupBy, rows, total, suppressed, frozen: true, disclosure}`.")
    ResponseEntity<byte[]> participation(@Parameter(hidden = true) ParticipationParameters parameters, HttpServletRequest request) {
        if (parameters.page() != null || parameters.size() != null || parameters.from() != null || parameters.to() != null) {
            throw new InvalidParameterException(parameters.from() != null ? "from"
                    : parameters.to() != null ? "to" : parameters.page() != null ? "page" : "size",
                    "public answers take a semester, not a period, and are not paged");
        }
        ParticipationQuery query = figures.check(ParticipationRequest.parse(parameters, TerritorialScope.NATIONAL, territories));
        Map<String, Object> answer = cache.get(List.of("public-participation", query), () ->
                ParticipationAnswers.of(query, figures.participation(query), Boolean.TRUE, Audience.PROTECTED));
        ResponseEntity<byte[]> written = json.of(answer, request);
        return ResponseEntity.ok().headers(written.getHeaders()).cacheControl(caching).body(written.getBody());
    }

    @GetMapping("/api/v1/public/datapackage.json")
    @ApiResponse(responseCode = "200", description = "the data package's descriptor",
            content = @Content(mediaType = "application/json", schema = @Schema(type = "object")))
    @Operation(summary = "The open data's Frictionless Data Package", description = "Roles: anyone, without signing in. Profile tabular-data-package: each resource's path, schema, licence (CC-BY-4.0) and sources.")
    ResponseEntity<byte[]> dataPackage(HttpServletRequest request) {
        String base = ServletUriComponentsBuilder.fromContextPath(request).path("/api/v1/public/data/").build().toUriString();
        ResponseEntity<byte[]> written = json.of(openData.dataPackage(base), request);
        return ResponseEntity.ok().headers(written.getHeaders()).cacheControl(caching).body(written.getBody());
    }

    @GetMapping("/api/v1/public/data/{file}.csv")
    @ApiResponse(responseCode = "200", description = "a CSV file the data package lists",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "404", description = "no such file in the data package",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(type = "object")))
    @Operation(summary = "A file of the open data", description = "Roles: anyone, without signing in. UTF-8, comma-separated, header line first; the names are those of datapackage.json.")
    ResponseEntity<byte[]> file(@PathVariable String file) {
        String csv = openData.csv(file).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "no file '" + file + ".csv' in the data package: see /api/v1/public/datapackage.json"));
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8)).cacheControl(caching)
                .body(csv.getBytes(StandardCharsets.UTF_8));
    }
}
