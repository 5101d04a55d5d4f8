package ma.tadafor.dashboard.participation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ma.tadafor.dashboard.disclosure.Audience;
import ma.tadafor.dashboard.disclosure.Disclosure;
import ma.tadafor.dashboard.disclosure.PublishedParticipation;
import ma.tadafor.data.mart.ParticipationDimension;
import ma.tadafor.data.mart.ParticipationQuery;

/**
 * The JSON of a participation answer (API.md), written once for the signed-in API and the public one:
 * {@code {groupBy, rows, total, suppressed, frozen, disclosure}}.
 */
public final class ParticipationAnswers {

    private ParticipationAnswers() {
    }

    public static Map<String, Object> of(ParticipationQuery query, PublishedParticipation figures, Object frozen,
            Audience audience) {
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
        answer.put("frozen", frozen);
        answer.put("disclosure", Disclosure.describe(audience));
        return answer;
    }

    /** Disability is true, false or null (unknown) in the API, as in the portal feed. */
    public static Object apiValue(ParticipationDimension dimension, Object value) {
        if (dimension != ParticipationDimension.DISABILITY) {
            return value;
        }
        return "YES".equals(value) ? Boolean.TRUE : "NO".equals(value) ? Boolean.FALSE : null;
    }
}
