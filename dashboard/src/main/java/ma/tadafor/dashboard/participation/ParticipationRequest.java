package ma.tadafor.dashboard.participation;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import ma.tadafor.dashboard.api.InvalidParameterException;
import ma.tadafor.dashboard.api.OutOfScopeException;
import ma.tadafor.dashboard.api.ReportingScopes;
import ma.tadafor.data.activity.AgeBand;
import ma.tadafor.data.activity.Gender;
import ma.tadafor.data.activity.Mechanism;
import ma.tadafor.data.activity.Role;
import ma.tadafor.data.mart.ParticipationDimension;
import ma.tadafor.data.mart.ParticipationQuery;
import ma.tadafor.data.territory.TerritorialScope;
import ma.tadafor.data.territory.Territory;
import ma.tadafor.data.territory.TerritoryQueries;

/**
 * Turns the parameters of {@code GET /api/v1/participation} into a mart query, checking every
 * value: an unknown name or code is a 400 naming the parameter, a territory outside the caller's
 * scope a 403. {@code from} and {@code to} are days, both included.
 */
public final class ParticipationRequest {

    private ParticipationRequest() {
    }

    public static ParticipationQuery parse(ParticipationParameters parameters, TerritorialScope scope,
            TerritoryQueries territories) {
        List<ParticipationDimension> groupBy = new ArrayList<>();
        for (String name : values(parameters.groupBy())) {
            ParticipationDimension dimension = ParticipationDimension.fromApiName(name).orElseThrow(() ->
                    new InvalidParameterException("groupBy", "'" + name + "' is not one of " + names()));
            if (!groupBy.contains(dimension)) {
                groupBy.add(dimension);
            }
        }
        Map<ParticipationDimension, List<Object>> filters = new LinkedHashMap<>();
        for (ParticipationDimension dimension : ParticipationDimension.values()) {
            String text = parameters.filter(dimension);
            if (text == null) {
                continue;
            }
            List<String> values = values(text);
            if (values.isEmpty()) {
                throw new InvalidParameterException(dimension.apiName(), "give at least one value");
            }
            List<Object> stored = new ArrayList<>();
            for (String value : values) {
                stored.add(stored(dimension, value, scope, territories));
            }
            filters.put(dimension, stored);
        }
        LocalDate from = date(parameters.from(), "from");
        LocalDate to = date(parameters.to(), "to");
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidParameterException("to", "must not be before from");
        }
        return new ParticipationQuery(groupBy, filters, from, to);
    }

    private static Object stored(ParticipationDimension dimension, String value, TerritorialScope scope,
            TerritoryQueries territories) {
        String name = dimension.apiName();
        return switch (dimension) {
            case REGION -> territory(Territory.Level.REGION, name, value, scope, territories);
            case PROVINCE -> territory(Territory.Level.PROVINCE, name, value, scope, territories);
            case COMMUNE -> territory(Territory.Level.COMMUNE, name, value, scope, territories);
            case COHORT -> oneOf(name, value, List.of("pilot", "extension"));
            case MECHANISM -> oneOf(name, value, Arrays.stream(Mechanism.values()).map(Enum::name).toList());
            case GENDER -> oneOf(name, value, Arrays.stream(Gender.values()).map(Enum::name).toList());
            case AGE_BAND -> oneOf(name, value, Arrays.stream(AgeBand.values()).map(AgeBand::code).toList());
            case ROLE -> oneOf(name, value, Arrays.stream(Role.values()).map(Enum::name).toList());
            case DISABILITY -> switch (value) {
                case "true" -> "YES";
                case "false" -> "NO";
                case "null" -> "UNKNOWN";
                default -> throw new InvalidParameterException(name, "'" + value + "' is not true, false or null");
            };
            case YEAR -> {
                if (!value.matches("\\d{4}")) {
                    throw new InvalidParameterException(name, "'" + value + "' is not a year");
                }
                yield Integer.valueOf(value);
            }
            case SEMESTER -> ReportingScopes.semester(name, value).code();
        };
    }

    private static String territory(Territory.Level level, String name, String code, TerritorialScope scope,
            TerritoryQueries territories) {
        Territory territory = territories.find(level, code).orElseThrow(() ->
                new InvalidParameterException(name, "no " + name + " has the code '" + code + "'"));
        if (!territory.within(scope)) {
            throw new OutOfScopeException(name, code);
        }
        return code;
    }

    private static String oneOf(String name, String value, List<String> allowed) {
        if (!allowed.contains(value)) {
            throw new InvalidParameterException(name, "'" + value + "' is not one of " + allowed);
        }
        return value;
    }

    private static LocalDate date(String text, String name) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException(name, "'" + text + "' is not a date such as 2024-01-31");
        }
    }

    private static List<String> values(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return new ArrayList<>(new LinkedHashSet<>(Arrays.stream(text.split(",")).map(String::strip)
                .filter(value -> !value.isEmpty()).toList()));
    }

    private static List<String> names() {
        return Arrays.stream(ParticipationDimension.values()).map(ParticipationDimension::apiName).toList();
    }
}
