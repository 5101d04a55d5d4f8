package ma.tadafor.dashboard.participation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Parameters;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import jakarta.servlet.http.HttpServletRequest;

import ma.tadafor.dashboard.api.InvalidParameterException;
import ma.tadafor.dashboard.api.ListPage;
import ma.tadafor.dashboard.closure.Closures;
import ma.tadafor.dashboard.disclosure.Audience;
import ma.tadafor.dashboard.disclosure.Disclosure;
import ma.tadafor.dashboard.security.SignedInUser;
import ma.tadafor.dashboard.warehouse.MartCache;
import ma.tadafor.dashboard.web.JsonAnswers;
import ma.tadafor.data.mart.ParticipationDimension;
import ma.tadafor.data.mart.ParticipationQuery;
import ma.tadafor.data.territory.TerritoryQueries;

/**
 * {@code GET /api/v1/participation} of API.md: the participation mart, within the caller's scope,
 * through the disclosure layer.
 */
@RestController
class ParticipationController {

    private final Disclosure disclosure;
    private final TerritoryQueries territories;
    private final MartCache cache;
    private final JsonAnswers json;
    private final Closures closures;

    ParticipationController(Disclosure disclosure, TerritoryQueries territories, MartCache cache, JsonAnswers json,
            Closures closures) {
        this.disclosure = disclosure;
        this.closures = closures;
        this.territories = territories;
        this.cache = cache;
        this.json = json;
    }

    @GetMapping("/api/v1/participation")
    @Parameters({
            @Parameter(name = "groupBy", in = ParameterIn.QUERY, description = "comma-separated dimensions among region, province, commune, mechanism, year, semester, gender, ageBand, disability, role, cohort; empty or absent for a grand total"),
            @Parameter(name = "region", in = ParameterIn.QUERY, description = "filter: region codes, e.g. 05, comma-separated (one value for every role but ADMIN)"),
            @Parameter(name = "province", in = ParameterIn.QUERY, description = "filter: province codes, e.g. 05.091, comma-separated (one value for every role but ADMIN)"),
            @Parameter(name = "commune", in = ParameterIn.QUERY, description = "filter: commune codes, e.g. 05.091.01.07, comma-separated (one value for every role but ADMIN)"),
            @Parameter(name = "mechanism", in = ParameterIn.QUERY, description = "filter: mechanisms of PORTAL_FEED.md, comma-separated (one value for every role but ADMIN)"),
            @Parameter(name = "year", in = ParameterIn.QUERY, description = "filter: years, e.g. 2024, comma-separated (one value for every role but ADMIN)"),
            @Parameter(name = "semester", in = ParameterIn.QUERY, description = "filter: semesters, e.g. 2024S1, comma-separated (one value for every role but ADMIN)"),
            @Parameter(name = "gender", in = ParameterIn.QUERY, description = "filter: F, M or U, comma-separated (one value for every role but ADMIN)"),
            @Parameter(name = "ageBand", in = ParameterIn.QUERY, description = "filter: age bands of PORTAL_FEED.md, comma-separated (one value for every role but ADMIN)"),
            @Parameter(name = "disability", in = ParameterIn.QUERY, description = "filter: true, false or null, comma-separated (one value for every role but ADMIN)"),
            @Parameter(name = "role", in = ParameterIn.QUERY, description = "filter: participant roles of PORTAL_FEED.md, comma-separated (one value for every role but ADMIN)"),
            @Parameter(name = "cohort", in = ParameterIn.QUERY, description = "filter: pilot or extension, comma-separated (one value for every role but ADMIN)"),
            @Parameter(name = "from", in = ParameterIn.QUERY, description = "first day, inclusive, of the activities' startDate (2024-01-01)", schema = @Schema(type = "string", format = "date")),
            @Parameter(name = "to", in = ParameterIn.QUERY, description = "last day, inclusive (2024-06-30)", schema = @Schema(type = "string", format = "date")),
            @Parameter(name = "page", in = ParameterIn.QUERY, description = "rows page × size onwards, from 0", schema = @Schema(type = "integer", minimum = "0")),
            @Parameter(name = "size", in = ParameterIn.QUERY, description = "rows per page, 1 to 10000 (default 1000 when page is given)", schema = @Schema(type = "integer", minimum = "1", maximum = "10000"))})
    @ApiResponse(responseCode = "200", description = "the rows, their total and how they are protected", content = @Content(
            mediaType = "application/json", schema = @Schema(type = "object"), examples = @ExampleObject(value = """
                    {"groupBy": ["gender"], "rows": [{"gender": "F", "participants": 812, "activities": 40}],
                     "total": {"participants": 1630, "activities": 41}, "suppressed": 0,
                     "disclosure": {"protected": true, "method": "…"}}""")))
    @Operation(summary = "Participation from the marts", description = "Roles: any signed-in user, within their scope; every role but ADMIN through the disclosure layer (one value per filter, one calendar period). Answer `{groupBy, rows: [{<dimension>: value, participants, activities}], total: {participants, activities}, suppressed, disclosure}`; with `page` or `size`, also `page`, `size`, `rowCount`.")
    ResponseEntity<byte[]> participation(@Parameter(hidden = true) ParticipationParameters parameters,
            @AuthenticationPrincipal SignedInUser user, HttpServletRequest request) {
        ParticipationQuery query = ParticipationRequest.parse(parameters, user.scope(), territories);
        Audience audience = Audience.of(user);
        RowPage page = RowPage.parse(parameters);
        Map<String, Object> answer = cache.get(List.of("api-participation", query, user.scope(), audience),
                () -> answer(query, user, audience));
        return json.of(page == null ? answer : page.of(answer), request);
    }

    /**
     * Rows {@code page × size} onwards, {@code size} of them, for long answers (API.md: long lists page
     * with {@code page}/{@code size}); without either, every row. {@code total} and {@code suppressed}
     * stay those of the whole answer, and {@code rowCount} says how many rows it has.
     */
    record RowPage(int page, int size) {

        static final int MAX_SIZE = 10_000;

        static RowPage parse(ParticipationParameters parameters) {
            if (parameters.page() == null && parameters.size() == null) {
                return null;
            }
            ListPage rows = ListPage.of(number(parameters.page(), "page", 0), number(parameters.size(), "size", 1000),
                    MAX_SIZE);
            return new RowPage(rows.page(), rows.size());
        }

        Map<String, Object> of(Map<String, Object> answer) {
            List<?> rows = (List<?>) answer.get("rows");
            int from = Math.min(page * size, rows.size());
            Map<String, Object> paged = new LinkedHashMap<>(answer);
            paged.put("rows", rows.subList(from, Math.min(from + size, rows.size())));
            paged.put("page", page);
            paged.put("size", size);
            paged.put("rowCount", rows.size());
            return paged;
        }

        private static int number(String text, String name, int otherwise) {
            if (text == null) {
                return otherwise;
            }
            try {
                return Integer.parseInt(text.strip());
            } catch (NumberFormatException e) {
                throw new InvalidParameterException(name, "'" + text + "' is not a whole number");
            }
        }
    }

    private Map<String, Object> answer(ParticipationQuery query, SignedInUser user, Audience audience) {
        return ParticipationAnswers.of(query, disclosure.participation(query, user.scope(), audience), frozen(query, user),
                audience);
    }

    /** Whether the answer's province-semesters are closed: the provinces and semesters it is filtered on, or the caller's provinces. */
    private Object frozen(ParticipationQuery query, SignedInUser user) {
        List<String> provinces = null;
        if (query.filters().containsKey(ParticipationDimension.PROVINCE)) {
            provinces = query.filters().get(ParticipationDimension.PROVINCE).stream().map(String::valueOf).toList();
        } else if (query.filters().containsKey(ParticipationDimension.COMMUNE)) {
            provinces = query.filters().get(ParticipationDimension.COMMUNE).stream().map(c -> String.valueOf(c).substring(0, 6))
                    .distinct().toList();
        } else if (!user.scope().national() && user.scope().regions().isEmpty() && user.scope().communes().isEmpty()) {
            provinces = List.copyOf(user.scope().provinces());
        }
        List<String> semesters = query.filters().containsKey(ParticipationDimension.SEMESTER)
                ? query.filters().get(ParticipationDimension.SEMESTER).stream().map(String::valueOf).toList() : null;
        return closures.frozen(provinces, semesters);
    }
}
