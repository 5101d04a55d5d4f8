package ma.tadafor.ingestion.decidim;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import ma.tadafor.data.activity.Activity;
import ma.tadafor.data.activity.ActivityStatus;
import ma.tadafor.data.activity.AgeBand;
import ma.tadafor.data.activity.Association;
import ma.tadafor.data.activity.Gender;
import ma.tadafor.data.activity.Initiator;
import ma.tadafor.data.activity.LocalizedText;
import ma.tadafor.data.activity.Mechanism;
import ma.tadafor.data.activity.ParticipationCell;
import ma.tadafor.data.activity.Role;
import ma.tadafor.ingestion.feed.FeedEntry;
import ma.tadafor.ingestion.feed.FeedItemRules;
import tools.jackson.databind.JsonNode;

/**
 * Decidim's resources as feed items. Decidim knows nobody's gender, age or disability: the people it
 * counts (supporters, attendees) arrive as one unknown cell, which the dashboards show as unknown.
 * A node that cannot be read is set aside like an invalid feed item, with its reason.
 */
final class DecidimMapping {

    private DecidimMapping() {
    }

    /**
     * A proposal is a citizens' suggestion; its supports are its participants. Decidim's states:
     * accepted, rejected, evaluating, withdrawn, or none (not answered yet).
     */
    static FeedEntry proposal(JsonNode node) {
        try {
            ActivityStatus status = node.path("withdrawn").asBoolean(false) ? ActivityStatus.CANCELLED
                    : switch (node.path("state").asString("").toLowerCase(Locale.ROOT)) {
                        case "accepted" -> ActivityStatus.ACCEPTED;
                        case "rejected" -> ActivityStatus.REJECTED;
                        case "evaluating" -> ActivityStatus.IN_PROGRESS;
                        case "withdrawn" -> ActivityStatus.CANCELLED;
                        default -> ActivityStatus.SUBMITTED;
                    };
            return valid(new Activity("proposal-" + id(node), instant(node, "updatedAt"), Mechanism.SUGGESTION, status,
                    date(node, "publishedAt"), date(node, "answeredAt"), title(node.path("title")), null,
                    node.path("official").asBoolean(false) ? Initiator.COMMUNE : Initiator.CITIZENS,
                    unknownPeople(node.path("voteCount")), null, List.of(), null));
        } catch (Unreadable e) {
            return invalid("proposal", node, e);
        }
    }

    /** A meeting is a citizen meeting: held once closed (its closing report published), cancelled if withdrawn. */
    static FeedEntry meeting(JsonNode node) {
        try {
            ActivityStatus status = node.path("withdrawn").asBoolean(false) ? ActivityStatus.CANCELLED
                    : node.path("closed").asBoolean(false) ? ActivityStatus.HELD : ActivityStatus.PLANNED;
            LocalDate start = date(node, "startTime");
            LocalDate end = date(node, "endTime");
            return valid(new Activity("meeting-" + id(node), instant(node, "updatedAt"), Mechanism.CITIZEN_MEETING, status,
                    start, end != null && start != null && end.isBefore(start) ? start : end, title(node.path("title")), null,
                    null, unknownPeople(node.path("attendeeCount")), null, organisations(node.path("attendingOrganizations")), null));
        } catch (Unreadable e) {
            return invalid("meeting", node, e);
        }
    }

    /**
     * Each project of a participatory budget is one activity: accepted when the vote selected it,
     * rejected when the budget selected others, submitted while the vote is open. Decidim's API does
     * not expose vote counts, so no participation is invented.
     */
    static List<FeedEntry> budget(JsonNode budget) {
        List<FeedEntry> entries = new ArrayList<>();
        boolean decided = false;
        for (JsonNode project : budget.path("projects")) {
            decided |= project.path("selected").asBoolean(false);
        }
        for (JsonNode project : budget.path("projects")) {
            try {
                ActivityStatus status = project.path("selected").asBoolean(false) ? ActivityStatus.ACCEPTED
                        : decided ? ActivityStatus.REJECTED : ActivityStatus.SUBMITTED;
                entries.add(valid(new Activity("budget-project-" + id(project), instant(project, "updatedAt"),
                        Mechanism.PARTICIPATORY_BUDGET, status, date(budget, "createdAt"), null, title(project.path("title")),
                        null, Initiator.CITIZENS, List.of(), null, List.of(), null)));
            } catch (Unreadable e) {
                entries.add(invalid("budget project", project, e));
            }
        }
        return entries;
    }

    static Instant updatedAt(JsonNode node) {
        try {
            return instant(node, "updatedAt");
        } catch (Unreadable e) {
            return null;
        }
    }

    private static FeedEntry valid(Activity activity) {
        return new FeedEntry.Valid(activity);
    }

    private static FeedEntry invalid(String kind, JsonNode node, Unreadable e) {
        String id = node.path("id").isMissingNode() ? null : kind.replace(' ', '-') + "-" + node.path("id").asString("");
        return new FeedEntry.Invalid(id, kind + ": " + e.getMessage(), node.toString());
    }

    private static List<ParticipationCell> unknownPeople(JsonNode count) {
        int people = count.asInt(0);
        if (people < 1) {
            return List.of();
        }
        return List.of(new ParticipationCell(Gender.U, AgeBand.UNKNOWN, null, Role.CITIZEN, Math.min(people, FeedItemRules.MAX_COUNT)));
    }

    /** Decidim keeps attending organisations as free text, one name per line or comma. */
    private static List<Association> organisations(JsonNode text) {
        List<Association> associations = new ArrayList<>();
        for (String name : text.asString("").split("[,\\n;]")) {
            String trimmed = name.strip();
            if (!trimmed.isEmpty() && associations.stream().noneMatch(a -> a.name().equals(trimmed))) {
                associations.add(new Association("decidim:" + trimmed.toLowerCase(Locale.ROOT).replaceAll("\\s+", "-"), trimmed));
            }
        }
        return associations;
    }

    private static LocalizedText title(JsonNode title) {
        String fr = null;
        String ar = null;
        for (JsonNode translation : title.path("translations")) {
            String text = translation.path("text").asString(null);
            if (text == null || text.isBlank()) {
                continue;
            }
            text = text.length() > FeedItemRules.MAX_TITLE_LENGTH ? text.substring(0, FeedItemRules.MAX_TITLE_LENGTH) : text;
            switch (translation.path("locale").asString("")) {
                case "fr" -> fr = text;
                case "ar" -> ar = text;
                default -> {
                    // other languages are not shown by the dashboards
                }
            }
        }
        return fr == null && ar == null ? null : new LocalizedText(fr, ar);
    }

    private static String id(JsonNode node) {
        String id = node.path("id").asString("");
        if (id.isEmpty() || id.length() > FeedItemRules.MAX_ID_LENGTH - 20) {
            throw new Unreadable("no usable id");
        }
        return id;
    }

    private static Instant instant(JsonNode node, String field) {
        String text = node.path(field).asString("");
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new Unreadable(field + ": '" + text + "' is not a date and time");
        }
    }

    private static LocalDate date(JsonNode node, String field) {
        if (node.path(field).isNull() || node.path(field).isMissingNode()) {
            return null;
        }
        return instant(node, field).atOffset(ZoneOffset.UTC).toLocalDate();
    }

    private static final class Unreadable extends RuntimeException {
        Unreadable(String reason) {
            super(reason, null, false, false);
        }
    }
}
