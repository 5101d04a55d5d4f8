package ma.tadafor.dashboard.page;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.web.util.UriComponentsBuilder;

import ma.tadafor.dashboard.api.InvalidParameterException;
import ma.tadafor.data.activity.AgeBand;
import ma.tadafor.data.activity.Gender;
import ma.tadafor.data.activity.Mechanism;
import ma.tadafor.data.mart.ParticipationDimension;

/**
 * The filters a page keeps in its URL so that a link reproduces the view: semester, mechanism,
 * gender, age band and disability (each optional, one value). Unknown values are a 400 naming
 * the parameter.
 */
public record ViewFilters(String semester, String mechanism, String gender, String ageBand, String disability) {

    public static ViewFilters of(PageQuery query) {
        return new ViewFilters(
                checked("semester", query.semester(), null),
                checked("mechanism", query.mechanism(), Arrays.stream(Mechanism.values()).map(Enum::name).toList()),
                checked("gender", query.gender(), Arrays.stream(Gender.values()).map(Enum::name).toList()),
                checked("ageBand", query.ageBand(), Arrays.stream(AgeBand.values()).map(AgeBand::code).toList()),
                checked("disability", query.disability(), List.of("true", "false")));
    }

    /** The participation mart filters of everything but the semester, which each chart uses its own way. */
    public Map<ParticipationDimension, List<Object>> participation() {
        Map<ParticipationDimension, List<Object>> filters = new LinkedHashMap<>();
        if (mechanism != null) {
            filters.put(ParticipationDimension.MECHANISM, List.of(mechanism));
        }
        if (gender != null) {
            filters.put(ParticipationDimension.GENDER, List.of(gender));
        }
        if (ageBand != null) {
            filters.put(ParticipationDimension.AGE_BAND, List.of(ageBand));
        }
        if (disability != null) {
            filters.put(ParticipationDimension.DISABILITY, List.of(disability.equals("true") ? "YES" : "NO"));
        }
        return filters;
    }

    public ViewFilters withSemester(String newSemester) {
        return new ViewFilters(newSemester, mechanism, gender, ageBand, disability);
    }

    /** {@code path} with the scope and these filters as query parameters. */
    public String url(String path, String scope) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path).queryParam("scope", scope);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("semester", semester);
        values.put("mechanism", mechanism);
        values.put("gender", gender);
        values.put("ageBand", ageBand);
        values.put("disability", disability);
        values.forEach((name, value) -> {
            if (value != null) {
                uri.queryParam(name, value);
            }
        });
        return uri.encode().build().toUriString();
    }

    /** The semester before {@code semester}: 2024S1 → 2023S2. */
    public static String previous(String semester) {
        int year = Integer.parseInt(semester.substring(0, 4));
        return semester.endsWith("S2") ? year + "S1" : (year - 1) + "S2";
    }

    private static String checked(String name, String value, List<String> allowed) {
        if (value == null || value.isBlank()) {
            return null;
        }
        value = value.strip();
        if (allowed == null ? !value.matches("\\d{4}S[12]") : !allowed.contains(value)) {
            throw new InvalidParameterException(name, "'" + value + "' is not "
                    + (allowed == null ? "a semester such as 2024S1" : "one of " + allowed));
        }
        return value;
    }
}
