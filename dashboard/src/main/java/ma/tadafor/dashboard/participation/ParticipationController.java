package ma.tadafor.dashboard.participation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;

import ma.tadafor.dashboard.api.InvalidParameterException;
import ma.tadafor.dashboard.api.ListPage;
import ma.tadafor.dashboard.disclosure.Audience;
import ma.tadafor.dashboard.disclosure.Disclosure;
import ma.tadafor.dashboard.disclosure.PublishedParticipation;
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

    ParticipationController(Disclosure disclosure, TerritoryQueries territories, MartCache cache, JsonAnswers json) {
        this.disclosure = disclosure;
        this.territories = territories;
        this.cache = cache;
        this.json = json;
    }

    @GetMapping("/api/v1/participation")
    ResponseEntity<byte[]> participation(ParticipationParameters parameters,
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
        PublishedParticipation figures = disclosure.participation(query, user.scope(), audience);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (PublishedParticipation.Row row : figures.rows()) {
            Map<String, Object> json = new LinkedHashMap<>();
            row.dimensions().forEach((dimension, value) -> json.put(dimension.apiName(), apiValue(dimension, value)));
            json.put("participants", row.participants().value());
            json.put("activities", row.activities());
            if (row.participants().suppressed()) {
                json.put("suppressed", true);
            }
            rows.add(json);
        }
        Map<String, Object> total = new LinkedHashMap<>();
        total.put("participants", figures.total().value());
        total.put("activities", figures.totalActivities());
        if (figures.total().suppressed()) {
            total.put("suppressed", true);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("groupBy", query.groupBy().stream().map(ParticipationDimension::apiName).toList());
        answer.put("rows", rows);
        answer.put("total", total);
        answer.put("suppressed", figures.suppressed());
        answer.put("disclosure", Disclosure.describe(audience));
        return answer;
    }

    /** Disability is true, false or null (unknown) in the API, as in the portal feed. */
    private static Object apiValue(ParticipationDimension dimension, Object value) {
        if (dimension != ParticipationDimension.DISABILITY) {
            return value;
        }
        return "YES".equals(value) ? Boolean.TRUE : "NO".equals(value) ? Boolean.FALSE : null;
    }
}
