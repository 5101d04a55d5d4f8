package ma.tadafor.ingestion.upload;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

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
import ma.tadafor.ingestion.feed.FeedItemRules;

import static ma.tadafor.ingestion.upload.ActivityColumns.*;

/**
 * Reads activity rows into feed items: the rows of one {@code id} make one activity (its columns
 * must agree on all of them) and each row with a count adds one participation cell. The rules and
 * limits are the portal feed's ({@link FeedItemRules}, the domain enums).
 */
final class ActivityRows {

    private static final List<Column> CELL_COLUMNS = List.of(GENDER, AGE_BAND, DISABILITY, ROLE, COUNT);

    record Batch(List<Activity> activities, List<Withdrawal> withdrawals) {
    }

    private ActivityRows() {
    }

    static Batch read(Table table, List<ImportError> errors) {
        Headers headers = Headers.locate(table.headers(), ActivityColumns.ALL, errors);
        if (!errors.isEmpty()) {
            return new Batch(List.of(), List.of());
        }
        Map<String, Group> groups = new LinkedHashMap<>();
        for (Table.Row row : table.rows()) {
            RowValues values = new RowValues(row, headers, errors);
            String id = values.text(ID, FeedItemRules.MAX_ID_LENGTH, true);
            if (id == null) {
                continue;
            }
            Group group = groups.get(id);
            if (group == null) {
                group = new Group(row.number(), activityTexts(values));
                groups.put(id, group);
                group.head = head(values, id);
            } else {
                checkSameActivity(values, group);
            }
            if (!(group.head instanceof Withdrawal) && CELL_COLUMNS.stream().anyMatch(column -> !values.blank(column))) {
                ParticipationCell cell = cell(values);
                if (cell != null && group.cells.size() == FeedItemRules.MAX_CELLS) {
                    values.error(COUNT, "activity.tooManyCells", FeedItemRules.MAX_CELLS);
                } else if (cell != null) {
                    group.cells.add(cell);
                }
            }
        }
        List<Activity> activities = new ArrayList<>();
        List<Withdrawal> withdrawals = new ArrayList<>();
        groups.forEach((id, group) -> {
            if (group.head instanceof Withdrawal withdrawal) {
                withdrawals.add(withdrawal);
            } else if (group.head instanceof Activity activity) {
                activities.add(new Activity(id, activity.updatedAt(), activity.mechanism(), activity.status(),
                        activity.startDate(), activity.endDate(), activity.title(), activity.theme(), activity.initiator(),
                        group.cells, activity.funding(), activity.associations(), activity.indhProjectRef()));
            }
        });
        return new Batch(activities, withdrawals);
    }

    /** The activity (without cells) or withdrawal the row describes; null if a rule is broken. */
    private static Record head(RowValues values, String id) {
        Instant updatedAt = values.instant(UPDATED_AT, true);
        Boolean deleted = values.bool(DELETED);
        if (Boolean.TRUE.equals(deleted)) {
            return updatedAt == null ? null : new Withdrawal(id, updatedAt);
        }
        Mechanism mechanism = listed(values, MECHANISM, Mechanism::valueOf, true);
        ActivityStatus status = values.enumValue(STATUS, ActivityStatus.class, true);
        LocalDate start = values.date(START_DATE, false);
        LocalDate end = values.date(END_DATE, false);
        if (start != null && end != null && end.isBefore(start)) {
            values.error(END_DATE, "value.endBeforeStart", end, start);
        }
        String titleFr = values.text(TITLE_FR, FeedItemRules.MAX_TITLE_LENGTH, false);
        String titleAr = values.text(TITLE_AR, FeedItemRules.MAX_TITLE_LENGTH, false);
        Theme theme = values.enumValue(THEME, Theme.class, false);
        Initiator initiator = values.enumValue(INITIATOR, Initiator.class, false);
        String indhProjectRef = values.text(INDH_PROJECT_REF, FeedItemRules.MAX_ID_LENGTH, false);
        Funding funding = funding(values);
        List<Association> associations = associations(values);
        if (!values.valid()) {
            return null;
        }
        return new Activity(id, updatedAt, mechanism, status, start, end,
                titleFr == null && titleAr == null ? null : new LocalizedText(titleFr, titleAr),
                theme, initiator, List.of(), funding, associations, indhProjectRef);
    }

    private static Funding funding(RowValues values) {
        if (values.blank(FUNDING_TADAFOR) && values.blank(FUNDING_COMMUNE) && values.blank(FUNDING_INDH) && values.blank(FUNDING_OTHER)) {
            return null;
        }
        return new Funding(amount(values, FUNDING_TADAFOR), amount(values, FUNDING_COMMUNE),
                amount(values, FUNDING_INDH), amount(values, FUNDING_OTHER));
    }

    private static BigDecimal amount(RowValues values, Column column) {
        return Objects.requireNonNullElse(values.amount(column), BigDecimal.ZERO);
    }

    /** {@code id:name | id:name} */
    private static List<Association> associations(RowValues values) {
        String text = values.text(ASSOCIATIONS);
        if (text.isEmpty()) {
            return List.of();
        }
        List<Association> associations = new ArrayList<>();
        for (String entry : text.split("\\|")) {
            int colon = entry.indexOf(':');
            String id = colon < 0 ? "" : entry.substring(0, colon).strip();
            String name = colon < 0 ? "" : entry.substring(colon + 1).strip();
            if (id.isEmpty() || name.isEmpty()) {
                values.error(ASSOCIATIONS, "value.associations", entry.strip());
                return List.of();
            }
            associations.add(new Association(id, name));
        }
        return associations;
    }

    private static ParticipationCell cell(RowValues values) {
        Gender gender = listed(values, GENDER, Gender::valueOf, true);
        AgeBand ageBand = listed(values, AGE_BAND, code -> AgeBand.fromCode(code).orElseThrow(), true);
        Boolean disability = values.bool(DISABILITY);
        Role role = listed(values, ROLE, Role::valueOf, true);
        Integer count = values.integer(COUNT, 1, FeedItemRules.MAX_COUNT, true);
        return gender == null || ageBand == null || role == null || count == null || !values.text(DISABILITY).isEmpty() && disability == null
                ? null : new ParticipationCell(gender, ageBand, disability, role, count);
    }

    private static <T> T listed(RowValues values, Column column, Function<String, T> value, boolean required) {
        String code = values.listed(column, ActivityColumns.LISTED.get(column), required);
        return code == null ? null : value.apply(code);
    }

    private static Map<Column, String> activityTexts(RowValues values) {
        Map<Column, String> texts = new LinkedHashMap<>();
        for (Column column : ActivityColumns.OF_ACTIVITY) {
            texts.put(column, values.text(column));
        }
        return texts;
    }

    private static void checkSameActivity(RowValues values, Group group) {
        for (Map.Entry<Column, String> first : group.texts.entrySet()) {
            if (!sameValue(first.getKey(), first.getValue(), values.text(first.getKey()))) {
                values.error(first.getKey(), "activity.inconsistent", group.firstRow);
                return;
            }
        }
    }

    /** The same text, or the same code written two ways ("Pétition" and "PETITION"). */
    private static boolean sameValue(Column column, String first, String other) {
        Vocabulary vocabulary = ActivityColumns.LISTED.get(column);
        return first.equals(other) || vocabulary != null && vocabulary.code(first).isPresent()
                && vocabulary.code(first).equals(vocabulary.code(other));
    }

    /** The rows of one activity id. */
    private static final class Group {
        final int firstRow;
        final Map<Column, String> texts;
        final List<ParticipationCell> cells = new ArrayList<>();
        Record head;

        Group(int firstRow, Map<Column, String> texts) {
            this.firstRow = firstRow;
            this.texts = texts;
        }
    }
}
