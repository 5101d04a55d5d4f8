package ma.tadafor.ingestion.feed;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import ma.tadafor.data.activity.Activity;
import ma.tadafor.data.activity.ActivityStatus;
import ma.tadafor.data.activity.AgeBand;
import ma.tadafor.data.activity.Association;
import ma.tadafor.data.activity.Funding;
import ma.tadafor.data.activity.Gender;
import ma.tadafor.data.activity.Initiator;
import ma.tadafor.data.activity.LocalizedText;
import ma.tadafor.data.activity.Mechanism;
import ma.tadafor.data.activity.ParticipationCell;
import ma.tadafor.data.activity.Role;
import ma.tadafor.data.activity.Theme;
import ma.tadafor.data.activity.Withdrawal;
import tools.jackson.databind.JsonNode;

/**
 * The item rules of PORTAL_FEED.md. Reading an item either yields a domain object or the first
 * rule it breaks, worded for the administrator who reviews the quarantine. Its limits are public:
 * file uploads apply the same ones.
 */
public final class FeedItemRules {

    public static final int MAX_ID_LENGTH = 128;
    public static final int MAX_TITLE_LENGTH = 500;
    public static final int MAX_CELLS = 10_000;
    public static final int MAX_COUNT = 1_000_000;

    private FeedItemRules() {
    }

    static FeedEntry read(JsonNode item) {
        String id = item.isObject() && item.path("id").isString() ? item.path("id").asString() : null;
        try {
            if (!item.isObject()) {
                throw new RuleBroken("an item must be a JSON object");
            }
            if (id == null || id.isEmpty() || id.length() > MAX_ID_LENGTH) {
                throw new RuleBroken("id: must be a string of 1 to " + MAX_ID_LENGTH + " characters");
            }
            Instant updatedAt = instant(item, "updatedAt");
            JsonNode deleted = item.path("deleted");
            if (!deleted.isMissingNode() && !deleted.isNull() && !deleted.isBoolean()) {
                throw new RuleBroken("deleted: must be true or false");
            }
            if (deleted.asBoolean(false)) {
                return new FeedEntry.Withdrawn(new Withdrawal(id, updatedAt));
            }
            return new FeedEntry.Valid(activity(item, id, updatedAt));
        } catch (RuleBroken e) {
            // The item as received, for the quarantine: written out only for the few items set aside.
            return new FeedEntry.Invalid(id, e.getMessage(), item.toString());
        }
    }

    private static Activity activity(JsonNode item, String id, Instant updatedAt) {
        LocalDate startDate = date(item, "startDate");
        LocalDate endDate = date(item, "endDate");
        if (startDate != null && endDate != null && endDate.isBefore(startDate)) {
            throw new RuleBroken("endDate: " + endDate + " is before startDate " + startDate);
        }
        return new Activity(id, updatedAt,
                required(Mechanism.class, item, "mechanism"),
                required(ActivityStatus.class, item, "status"),
                startDate, endDate, title(item.path("title")),
                optional(Theme.class, item, "theme"),
                optional(Initiator.class, item, "initiator"),
                participation(item.path("participation")),
                funding(item.path("funding")),
                associations(item.path("associations")),
                optionalText(item, "indhProjectRef"));
    }

    private static List<ParticipationCell> participation(JsonNode cells) {
        if (!cells.isArray()) {
            throw new RuleBroken("participation: must be an array (it may be empty)");
        }
        if (cells.size() > MAX_CELLS) {
            throw new RuleBroken("participation: " + cells.size() + " cells, more than " + MAX_CELLS);
        }
        List<ParticipationCell> participation = new ArrayList<>(cells.size());
        for (int i = 0; i < cells.size(); i++) {
            JsonNode cell = cells.get(i);
            String where = "participation[" + i + "].";
            if (!cell.isObject()) {
                throw new RuleBroken(where.substring(0, where.length() - 1) + ": must be an object");
            }
            Gender gender = enumValue(Gender.class, cell.path("gender"), where + "gender");
            String ageCode = cell.path("ageBand").isString() ? cell.path("ageBand").asString() : null;
            AgeBand ageBand = AgeBand.fromCode(ageCode).orElseThrow(() -> new RuleBroken(
                    where + "ageBand: " + describe(cell.path("ageBand")) + " is not one of UNDER_18, 18-24, 25-34, 35-59, 60+, UNKNOWN"));
            JsonNode disability = cell.path("disability");
            if (!disability.isNull() && !disability.isBoolean()) {
                throw new RuleBroken(where + "disability: must be true, false or null");
            }
            Role role = enumValue(Role.class, cell.path("role"), where + "role");
            JsonNode count = cell.path("count");
            if (!count.isIntegralNumber() || !count.canConvertToInt() || count.asInt() < 1 || count.asInt() > MAX_COUNT) {
                throw new RuleBroken(where + "count: " + describe(count) + " is not an integer from 1 to " + MAX_COUNT);
            }
            participation.add(new ParticipationCell(gender, ageBand, disability.isNull() ? null : disability.asBoolean(),
                    role, count.asInt()));
        }
        return participation;
    }

    private static Funding funding(JsonNode funding) {
        if (funding.isMissingNode() || funding.isNull()) {
            return null;
        }
        if (!funding.isObject()) {
            throw new RuleBroken("funding: must be an object or null");
        }
        return new Funding(amount(funding, "tadaforMad"), amount(funding, "communeMad"),
                amount(funding, "indhMad"), amount(funding, "otherMad"));
    }

    private static BigDecimal amount(JsonNode funding, String field) {
        JsonNode value = funding.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return BigDecimal.ZERO;
        }
        if (!value.isNumber() || value.decimalValue().signum() < 0) {
            throw new RuleBroken("funding." + field + ": " + describe(value) + " is not an amount ≥ 0");
        }
        return value.decimalValue();
    }

    private static List<Association> associations(JsonNode associations) {
        if (associations.isMissingNode() || associations.isNull()) {
            return List.of();
        }
        if (!associations.isArray()) {
            throw new RuleBroken("associations: must be an array");
        }
        List<Association> result = new ArrayList<>(associations.size());
        for (int i = 0; i < associations.size(); i++) {
            JsonNode association = associations.get(i);
            if (!association.path("id").isString() || association.path("id").asString().isEmpty()
                    || !association.path("name").isString()) {
                throw new RuleBroken("associations[" + i + "]: must have a string id and name");
            }
            result.add(new Association(association.path("id").asString(), association.path("name").asString()));
        }
        return result;
    }

    private static LocalizedText title(JsonNode title) {
        if (title.isMissingNode() || title.isNull()) {
            return null;
        }
        if (!title.isObject()) {
            throw new RuleBroken("title: must be an object with fr and/or ar, or null");
        }
        return new LocalizedText(titleText(title, "fr"), titleText(title, "ar"));
    }

    private static String titleText(JsonNode title, String language) {
        String text = optionalText(title, language);
        if (text != null && text.length() > MAX_TITLE_LENGTH) {
            throw new RuleBroken("title." + language + ": longer than " + MAX_TITLE_LENGTH + " characters");
        }
        return text;
    }

    private static Instant instant(JsonNode item, String field) {
        JsonNode value = item.path(field);
        try {
            if (!value.isString()) {
                throw new DateTimeParseException("not a string", "", 0);
            }
            return Instant.parse(value.asString());
        } catch (DateTimeParseException e) {
            throw new RuleBroken(field + ": " + describe(value) + " is not an ISO-8601 instant");
        }
    }

    private static LocalDate date(JsonNode item, String field) {
        JsonNode value = item.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        try {
            if (!value.isString()) {
                throw new DateTimeParseException("not a string", "", 0);
            }
            return LocalDate.parse(value.asString());
        } catch (DateTimeParseException e) {
            throw new RuleBroken(field + ": " + describe(value) + " is not a date (YYYY-MM-DD)");
        }
    }

    private static String optionalText(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw new RuleBroken(field + ": must be a string or null");
        }
        return value.asString();
    }

    private static <E extends Enum<E>> E required(Class<E> type, JsonNode item, String field) {
        return enumValue(type, item.path(field), field);
    }

    private static <E extends Enum<E>> E optional(Class<E> type, JsonNode item, String field) {
        JsonNode value = item.path(field);
        return value.isMissingNode() || value.isNull() ? null : enumValue(type, value, field);
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, JsonNode value, String where) {
        if (value.isString()) {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(value.asString())) {
                    return constant;
                }
            }
        }
        throw new RuleBroken(where + ": " + describe(value) + " is not a known " + type.getSimpleName());
    }

    private static String describe(JsonNode value) {
        return value.isMissingNode() ? "missing value" : value.toString();
    }

    /** The first rule an item breaks; carried to the quarantine as its reason. */
    private static final class RuleBroken extends RuntimeException {
        RuleBroken(String reason) {
            super(reason, null, false, false);
        }
    }
}
